package org.portmortem.verdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.ProcessEntry;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.Socket;

/**
 * What opened and what closed between two snapshots of one host: listening sockets (TCP LISTENING
 * and UDP endpoints) keyed by (protocol, local address, local port, process); the process is the
 * image where the listing or a process table names it, else the PID, else nothing (listings without
 * PIDs compare by endpoint only). A socket present twice with the same key counts twice. Rows of a
 * memory scan that stand for no live socket (closed, duplicate, unbound, implausible) take no part.
 *
 * @param earlier the earlier snapshot's file
 * @param later the later snapshot's file
 * @param opened listening sockets of the later snapshot with no counterpart in the earlier one
 * @param closed listening sockets of the earlier snapshot with no counterpart in the later one
 */
public record SnapshotDelta(Path earlier, Path later, List<Socket> opened, List<Socket> closed) {

    public SnapshotDelta {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
    }

    /**
     * Compares two snapshots of one host.
     *
     * @param processes a process table naming PIDs, or {@code null}
     */
    public static SnapshotDelta between(NetstatSnapshot earlier, NetstatSnapshot later, ProcessTable processes) {
        return new SnapshotDelta(
                earlier.file(),
                later.file(),
                missingFrom(later, earlier, processes),
                missingFrom(earlier, later, processes));
    }

    /** The listening sockets of {@code a} that {@code b} lacks, in file order. */
    private static List<Socket> missingFrom(NetstatSnapshot a, NetstatSnapshot b, ProcessTable processes) {
        Map<String, Integer> inB = new HashMap<>();
        for (Socket s : b.sockets()) {
            if (SocketMatching.isListeningSocket(s) && s.isLive()) {
                inB.merge(key(s, processes), 1, Integer::sum);
            }
        }
        List<Socket> out = new ArrayList<>();
        for (Socket s : a.sockets()) {
            if (SocketMatching.isListeningSocket(s) && s.isLive()) {
                String k = key(s, processes);
                int left = inB.getOrDefault(k, 0);
                if (left > 0) {
                    inB.put(k, left - 1);
                } else {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String key(Socket s, ProcessTable processes) {
        String process = s.process();
        if (process == null && s.pid() != null && processes != null) {
            process = processes.byPid(s.pid()).map(ProcessEntry::imageName).orElse(null);
        }
        if (process == null && s.pid() != null) {
            process = "pid " + s.pid();
        }
        return s.protocol() + "|" + s.localAddress().toLowerCase(Locale.ROOT) + "|" + s.localPort() + "|"
                + (process == null ? "" : process.toLowerCase(Locale.ROOT));
    }
}
