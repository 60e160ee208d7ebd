package org.portmortem.snapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Correlates sockets with their owners: PID → process → services.
 *
 * <p>Sources, strongest first: what {@code netstat -b} printed under the socket itself (the
 * {@code [image]} line and the service tag), then a process table ({@code tasklist /svc} gives
 * the services hosted by the PID; plain tasklist only the image). The kernel owns sockets
 * opened by drivers (NetBT 137-139, SMB 445, http.sys): its PID is 4 on XP and later and 8 on
 * Windows 2000, shown as process {@code System}; a process table, when given, says which. Without
 * any of these, the socket keeps its PID only: mapping a PID to a svchost group needs the system
 * model and is left to the caller.
 */
public final class SocketOwners {
    /** PID of the System process on Windows XP and later. */
    public static final int KERNEL_PID = 4;
    /** PID of the System process on Windows 2000. */
    public static final int KERNEL_PID_WINDOWS_2000 = 8;

    private SocketOwners() {}

    /** The snapshot with process and services filled in from {@code -b} lines and the process table. */
    public static NetstatSnapshot attach(NetstatSnapshot snapshot, Optional<ProcessTable> processes) {
        if (snapshot.sockets() instanceof SocketList compact) {
            // owners attached as each socket is read: no second copy of a large listing
            return snapshot.withSockets(SocketList.mapped(compact, s -> owner(s, processes)));
        }
        List<Socket> out = new ArrayList<>(snapshot.sockets().size());
        for (Socket s : snapshot.sockets()) {
            out.add(owner(s, processes));
        }
        return snapshot.withSockets(out);
    }

    /** How long Volatility's owner names can be: EPROCESS.ImageFileName holds 15 bytes with its NUL. */
    public static final int CUT_OWNER_LENGTH = 14;

    private static Socket owner(Socket s, Optional<ProcessTable> processes) {
        if (s.pid() == null) {
            return s;
        }
        Optional<ProcessEntry> entry = processes.flatMap(p -> p.byPid(s.pid()));
        if (s.memory() != null
                && s.process() != null
                && entry.isPresent()
                && entry.get().imageName() != null) {
            String full = entry.get().imageName();
            if (!full.equalsIgnoreCase(s.process())
                    && s.process().length() == CUT_OWNER_LENGTH
                    && full.toLowerCase(java.util.Locale.ROOT)
                            .startsWith(s.process().toLowerCase(java.util.Locale.ROOT))) {
                Socket named = s.withOwner(
                        full,
                        !s.services().isEmpty() ? s.services() : entry.get().services());
                return named.withMemory(s.memory()
                        .withOwnerNote("owner '" + s.process() + "' (cut to "
                                + CUT_OWNER_LENGTH + " characters) matched by prefix to " + full + ", PID " + s.pid()
                                + " in "
                                + processes.get().file().getFileName()));
            }
        }
        String process = s.process() != null
                ? s.process()
                : entry.map(ProcessEntry::imageName)
                        .orElse(s.pid() == KERNEL_PID && processes.isEmpty() ? "System" : null);
        List<String> services = !s.services().isEmpty()
                ? s.services()
                : entry.map(ProcessEntry::services).orElse(List.of());
        return s.withOwner(process, services);
    }
}
