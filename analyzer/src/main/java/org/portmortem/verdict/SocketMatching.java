package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.PortRange;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.PhantomListener;
import org.portmortem.snapshot.ProcessEntry;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.RecordMark;
import org.portmortem.snapshot.Socket;

/**
 * Matches the listening sockets of one snapshot against the predicted listeners, in passes from the
 * most to the least certain: fixed ports, phantom listeners, dynamic ports by owner, dynamic ports
 * by elimination (with PIDs) or by count (without). What no pass explains is unexplained.
 */
final class SocketMatching {
    private final Exposure exposure;
    private final WindowsFamily family;
    private final NetstatSnapshot snapshot;
    private final ProcessTable processes;
    private final boolean hasPids;
    private final List<Listener> remaining;
    private final Map<Integer, SocketVerdict> verdicts = new TreeMap<>();
    private final Map<Integer, ObservedOwner> owners = new HashMap<>();
    /** PID → process instance (image and svchost group) learnt from a matched socket, and which listener taught it. */
    private final Map<Integer, Listener> pidInstance = new HashMap<>();

    private final List<Integer> listening = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    SocketMatching(Exposure exposure, WindowsFamily family, NetstatSnapshot snapshot, ProcessTable processes) {
        this.exposure = exposure;
        this.family = family;
        this.snapshot = snapshot;
        this.processes = processes;
        this.remaining = new ArrayList<>(exposure.listeners());
        List<Socket> sockets = snapshot.sockets();
        boolean pids = false;
        for (int i = 0; i < sockets.size(); i++) {
            Socket s = sockets.get(i);
            owners.put(i, ownerOf(s));
            pids |= s.pid() != null;
            if (isListeningSocket(s) && (s.isLive() || s.memory().mark() != RecordMark.DUPLICATE)) {
                // A duplicate row of a memory scan is the same socket as an earlier row: judged once, there.
                listening.add(i);
            }
        }
        this.hasPids = pids;
    }

    /** A TCP socket in LISTENING state, or a UDP endpoint (netstat lists every bound one). */
    static boolean isListeningSocket(Socket s) {
        return s.isListening() || s.protocol() == Protocol.UDP;
    }

    /** Runs every pass and returns the verdicts in file order. */
    List<SocketVerdict> match() {
        describeListing();
        memoryArtefacts();
        fixedPorts();
        phantoms();
        List<Integer> deferred = dynamicByOwner();
        dynamicByEliminationOrCount(deferred);
        rest();
        List<SocketVerdict> out = new ArrayList<>();
        for (int i : listening) {
            out.add(withInferredOwner(verdicts.get(i)));
        }
        return out;
    }

    /** Predicted listeners no socket accounts for, in prediction order. */
    List<Listener> unmatched() {
        return List.copyOf(remaining);
    }

    /** The owner of socket {@code index} of the snapshot. */
    ObservedOwner owner(int index) {
        return owners.get(index);
    }

    List<String> notes() {
        return notes;
    }

    /** The System process's PID: 8 on Windows 2000, 4 on XP and later; none known for NT 4.0. */
    static Integer kernelPid(WindowsFamily family) {
        return switch (family) {
            case NT4 -> null;
            case WIN2000 -> 8;
            default -> 4;
        };
    }

    private ObservedOwner ownerOf(Socket s) {
        if (s.process() != null) {
            return new ObservedOwner(s.pid(), s.process(), s.services(), ObservedOwner.Source.LISTING);
        }
        if (s.pid() == null) {
            return new ObservedOwner(null, null, List.of(), ObservedOwner.Source.UNKNOWN);
        }
        Optional<ProcessEntry> e = processes == null ? Optional.empty() : processes.byPid(s.pid());
        if (e.isPresent()) {
            return new ObservedOwner(
                    s.pid(), e.get().imageName(), e.get().services(), ObservedOwner.Source.PROCESS_TABLE);
        }
        if (s.pid().equals(kernelPid(family))) {
            return new ObservedOwner(s.pid(), "System", List.of(), ObservedOwner.Source.KERNEL_PID);
        }
        return new ObservedOwner(s.pid(), null, List.of(), ObservedOwner.Source.UNKNOWN);
    }

    private void describeListing() {
        if (!hasPids) {
            notes.add("The listing has no PIDs: fixed ports are matched by (protocol, address, port) and dynamic"
                    + " ones by count within the dynamic range"
                    + (exposure.dynamicRange() == null ? "" : " " + exposure.dynamicRange()) + "; owners are"
                    + " inferred from the predicted listeners.");
        } else if (processes == null
                && listening.stream().noneMatch(i -> snapshot.sockets().get(i).process() != null)) {
            notes.add("The listing has PIDs but no process names (no -b, no tasklist): a PID is tied to a process"
                    + " of the model (image and svchost group) by the fixed-port sockets it owns; the kernel is PID "
                    + kernelPid(family) + " on " + family.displayName() + ".");
        }
        if (processes != null) {
            notes.add("PIDs mapped to processes and services with the process table "
                    + processes.file().getFileName() + "; it is valid only for the boot it was taken in.");
        }
        if (listening.stream()
                .anyMatch(i -> !snapshot.sockets().get(i).localPort().isNumeric())) {
            notes.add("The listing prints port names (netstat -a without -n): names are compared only where the"
                    + " services file maps them to one port with certainty.");
        }
    }

    // ---- pass 0: rows of a memory scan that stand for no live socket

    /**
     * A closed, unbound or implausible object of a memory scan is never an unexplained listener:
     * it is an artefact of the scan, with the mark's reason. Duplicates are left out of the
     * verdicts altogether (the socket is judged at its first row) and counted in a note.
     */
    private void memoryArtefacts() {
        for (int i : listening) {
            Socket s = snapshot.sockets().get(i);
            if (!s.isLive()) {
                verdicts.put(
                        i,
                        new SocketVerdict(
                                s,
                                VerdictKind.ARTEFACT,
                                null,
                                owners.get(i),
                                "memory-scan object "
                                        + s.memory().markText()
                                        + (s.memory().offset() == null
                                                ? ""
                                                : " at offset " + s.memory().offset())
                                        + ": " + s.memory().reason() + "; not a listener at capture time"));
            }
        }
        long duplicates = snapshot.sockets().stream()
                .filter(s -> s.memory() != null && s.memory().mark() == RecordMark.DUPLICATE)
                .count();
        if (duplicates > 0) {
            notes.add(duplicates + " row(s) of the memory scan are the same socket as an earlier row at another offset"
                    + " (marked duplicate): each socket is judged once, at its first row.");
        }
    }

    // ---- pass 1: fixed ports

    private void fixedPorts() {
        for (int i : listening) {
            if (verdicts.containsKey(i)) {
                continue;
            }
            Socket s = snapshot.sockets().get(i);
            Optional<Integer> port = portNumber(s);
            if (port.isEmpty()) {
                continue;
            }
            Listener l = fixed(s, port.get());
            if (l == null) {
                continue;
            }
            ObservedOwner o = owners.get(i);
            Integer kernel = kernelPid(family);
            if (o.process() == null
                    && o.pid() != null
                    && kernel != null
                    && !o.pid().equals(kernel)
                    && "System".equalsIgnoreCase(l.owner().process())) {
                // A kernel listener (HTTP.sys, NetBT, SMB) belongs to the System process: another PID is another
                // program.
                verdicts.put(
                        i,
                        new SocketVerdict(
                                s,
                                VerdictKind.UNEXPLAINED,
                                null,
                                o,
                                "port " + port.get()
                                        + " is predicted for " + l.owner().display() + " (the kernel, PID " + kernel
                                        + "), but the listing"
                                        + " shows it owned by PID " + o.pid() + ": another program holds the port"));
                continue;
            }
            if (o.process() != null && !sameProcess(o.process(), l.owner().process())) {
                verdicts.put(
                        i,
                        new SocketVerdict(
                                s,
                                VerdictKind.UNEXPLAINED,
                                null,
                                o,
                                "port " + port.get()
                                        + " is predicted for " + l.owner().display()
                                        + ", but the listing shows it owned by "
                                        + o.display() + ": another program holds the port"));
                continue;
            }
            remaining.remove(l);
            String reason =
                    "fixed port " + port.get() + " predicted for " + l.owner().display() + " on "
                            + addressWords(l) + " (" + l.mechanism().description() + ")" + namedPortNote(s, port.get())
                            + (hasPids ? "" : "; the listing has no PIDs: matched by (protocol, address, port)");
            verdicts.put(i, new SocketVerdict(s, VerdictKind.EXPLAINED, l, o, reason + bind(s, l)));
        }
    }

    // ---- pass 2: phantom listeners (Windows 2000/XP only)

    private void phantoms() {
        if (family != WindowsFamily.WIN2000 && family != WindowsFamily.XP) {
            return;
        }
        Map<Integer, PhantomListener> byLine = new HashMap<>();
        for (PhantomListener p : PhantomListener.findIn(snapshot)) {
            byLine.put(p.listener().line(), p);
        }
        for (int i : listening) {
            Socket s = snapshot.sockets().get(i);
            PhantomListener p = byLine.get(s.line());
            if (verdicts.containsKey(i) || p == null || ownedByPredictedDynamicServer(s)) {
                continue;
            }
            Socket c = p.evidence().get(0);
            verdicts.put(
                    i,
                    new SocketVerdict(
                            s,
                            VerdictKind.ARTEFACT,
                            null,
                            owners.get(i),
                            "phantom listener: "
                                    + family.displayName()
                                    + " netstat also prints the local port of an outgoing TCP connection as"
                                    + " 0.0.0.0:P LISTENING (seed paper, netstat warning; fixed in Windows Server 2003); here "
                                    + c.localEndpoint() + " -> " + c.foreignEndpoint() + " " + c.state() + " (line "
                                    + c.line()
                                    + ") and no predicted server on port " + s.localPort()));
        }
    }

    private boolean ownedByPredictedDynamicServer(Socket s) {
        Listener anchor = s.pid() == null ? null : pidInstance.get(s.pid());
        return anchor != null
                && remaining.stream()
                        .anyMatch(l ->
                                l.dynamic() && sameProtocol(s, l) && instance(l).equals(instance(anchor)));
    }

    // ---- pass 3: dynamic ports whose owner is known

    private List<Integer> dynamicByOwner() {
        List<Integer> deferred = new ArrayList<>();
        for (int i : listening) {
            Socket s = snapshot.sockets().get(i);
            if (verdicts.containsKey(i) || !s.localPort().isNumeric()) {
                continue;
            }
            int port = s.localPort().number();
            ObservedOwner o = owners.get(i);
            Listener anchor = s.pid() == null ? null : pidInstance.get(s.pid());
            if (o.process() == null && anchor == null) {
                if (!candidates(s, port).isEmpty()) {
                    deferred.add(i);
                }
                continue;
            }
            for (Listener l : candidates(s, port)) {
                boolean owned = o.process() != null
                        ? sameProcess(o.process(), l.owner().process()) && servicesAgree(o, l)
                        : instance(l).equals(instance(anchor));
                if (owned) {
                    remaining.remove(l);
                    String how = o.process() != null
                            ? "owned by " + o.display() + ", the process of the predicted listener"
                            : "owned by PID " + s.pid() + ", which also owns " + anchorWords(anchor) + " and so is "
                                    + anchor.owner().display().replaceFirst(" \\(.*", "");
                    verdicts.put(
                            i,
                            new SocketVerdict(
                                    s, VerdictKind.EXPLAINED, l, o, dynamicWords(l, port) + ", " + how + bind(s, l)));
                    break;
                }
            }
        }
        return deferred;
    }

    // ---- pass 4: dynamic ports by elimination (PIDs without process) or by count (no PIDs)

    private void dynamicByEliminationOrCount(List<Integer> deferred) {
        for (int i : deferred) {
            Socket s = snapshot.sockets().get(i);
            int port = s.localPort().number();
            Set<String> taken = new HashSet<>();
            pidInstance.forEach((pid, l) -> {
                if (!pid.equals(s.pid())) {
                    taken.add(instance(l));
                }
            });
            Listener mine = s.pid() == null ? null : pidInstance.get(s.pid());
            List<Listener> c = candidates(s, port).stream()
                    .filter(l -> mine != null ? instance(l).equals(instance(mine)) : !taken.contains(instance(l)))
                    .toList();
            if (c.isEmpty()) {
                continue;
            }
            Listener l = c.get(0);
            remaining.remove(l);
            String how;
            if (s.pid() == null) {
                long observed = deferred.stream()
                        .map(j -> snapshot.sockets().get(j))
                        .filter(x -> x.protocol() == s.protocol())
                        .count();
                how = "the listing has no PIDs: matched by count within the dynamic range (" + observed + " "
                        + s.protocol() + " socket(s) in range, " + (c.size()) + " predicted dynamic " + s.protocol()
                        + " listener(s) left); which predicted server holds which port cannot be told";
            } else {
                how = "PID " + s.pid() + " owns no socket with a fixed predicted port: matched by elimination, "
                        + (c.size() == 1 ? "the only" : "the first of " + c.size())
                        + " predicted dynamic " + s.protocol() + " listener(s) whose process no other PID accounts for"
                        + (c.size() == 1 ? "" : " (ambiguous)");
            }
            verdicts.put(
                    i,
                    new SocketVerdict(
                            s,
                            VerdictKind.EXPLAINED,
                            l,
                            owners.get(i),
                            dynamicWords(l, port) + "; " + how + bind(s, l)));
        }
    }

    // ---- pass 5: what is left

    private void rest() {
        for (int i : listening) {
            if (verdicts.containsKey(i)) {
                continue;
            }
            Socket s = snapshot.sockets().get(i);
            ObservedOwner o = owners.get(i);
            if (portNumber(s).isEmpty()) {
                verdicts.put(
                        i,
                        new SocketVerdict(
                                s,
                                VerdictKind.ARTEFACT,
                                null,
                                o,
                                "netstat printed the port as the"
                                        + " name '" + s.localPort().name()
                                        + "', which the services file does not map to one port with"
                                        + " certainty: not compared (rerun netstat with -n)"));
                continue;
            }
            int port = portNumber(s).get();
            PortRange range = exposure.dynamicRange();
            Listener anchor = s.pid() == null ? null : pidInstance.get(s.pid());
            if (o.process() == null && anchor != null) {
                // The PID is known from its other sockets: name the process, marked as inferred.
                o = new ObservedOwner(
                        s.pid(),
                        anchor.owner().process(),
                        hostedServices(anchor),
                        ObservedOwner.Source.INFERRED_FROM_MODEL);
            }
            String why = "no predicted listener on " + s.protocol() + " " + s.localEndpoint()
                    + (range != null && range.contains(port)
                            ? " and no predicted dynamic listener of this owner left" + " in the dynamic range " + range
                            : "")
                    + "; owner " + o.display()
                    + (anchor == null
                            ? ""
                            : " (PID " + s.pid() + " also owns " + anchorWords(anchor) + ", predicted for "
                                    + anchor.owner().display()
                                    + ": something in that process opened a port the hives do not"
                                    + " explain)")
                    + ": software the hives do not explain, or a backdoor";
            verdicts.put(i, new SocketVerdict(s, VerdictKind.UNEXPLAINED, null, o, why));
        }
    }

    // ---- helpers

    private SocketVerdict withInferredOwner(SocketVerdict v) {
        if (v.kind() != VerdictKind.EXPLAINED || v.owner().process() != null) {
            return v;
        }
        return new SocketVerdict(
                v.socket(),
                v.kind(),
                v.listener(),
                new ObservedOwner(
                        v.owner().pid(),
                        v.listener().owner().process(),
                        hostedServices(v.listener()),
                        ObservedOwner.Source.INFERRED_FROM_MODEL),
                v.reason());
    }

    /** The predicted owner's service and the services sharing its socket. */
    private static List<String> hostedServices(Listener l) {
        List<String> services = new ArrayList<>();
        if (l.owner().service() != null) {
            services.add(l.owner().service());
        }
        services.addAll(l.owner().sharedWith());
        return services;
    }

    private String bind(Socket s, Listener l) {
        if (s.pid() == null) {
            return "";
        }
        Listener known = pidInstance.putIfAbsent(s.pid(), l);
        if (known != null && !instance(known).equals(instance(l))) {
            return "; note: PID " + s.pid() + " also owns " + anchorWords(known) + ", predicted in "
                    + known.owner().display() + ", not in the same process";
        }
        return "";
    }

    private Listener fixed(Socket s, int port) {
        for (Listener l : remaining) {
            if (!l.dynamic() && sameProtocol(s, l) && addressMatches(s, l) && l.port() == port) {
                return l;
            }
        }
        return null;
    }

    private List<Listener> candidates(Socket s, int port) {
        return remaining.stream()
                .filter(l -> l.dynamic()
                        && sameProtocol(s, l)
                        && addressMatches(s, l)
                        && rangeOf(l) != null
                        && rangeOf(l).contains(port))
                .toList();
    }

    private PortRange rangeOf(Listener l) {
        return l.portRange() != null ? l.portRange() : exposure.dynamicRange();
    }

    private Optional<Integer> portNumber(Socket s) {
        if (s.localPort().isNumeric()) {
            return Optional.of(s.localPort().number());
        }
        return ServiceNames.bundled().port(s.protocol(), s.localPort().name());
    }

    private static String namedPortNote(Socket s, int port) {
        return s.localPort().isNumeric()
                ? ""
                : "; netstat printed the name '" + s.localPort().name() + "', which the services file maps to " + port;
    }

    private static boolean sameProtocol(Socket s, Listener l) {
        return s.protocol() == l.protocol();
    }

    /**
     * A predicted {@code 0.0.0.0} (or {@code ::}) matches only the same observed address; a
     * per-interface prediction matches that address. A host name (netstat without -n) is compared by
     * port alone.
     */
    static boolean addressMatches(Socket s, Listener l) {
        if (s.ipVersion() == null) {
            return true;
        }
        if (s.ipVersion() != l.ipVersion()) {
            return false;
        }
        if (l.addressUnknown()) {
            // An interface whose DHCP address the hive does not record: any unicast address of the host.
            String a = s.localAddress();
            return !a.equals("0.0.0.0") && !a.startsWith("127.");
        }
        String observed = s.localAddress();
        int zone = observed.indexOf('%');
        if (zone >= 0 && l.address().indexOf('%') < 0) {
            observed = observed.substring(0, zone);
        }
        return observed.equalsIgnoreCase(l.address());
    }

    private static String addressWords(Listener l) {
        return switch (l.address()) {
            case "0.0.0.0", "::" -> l.address() + " (all interfaces)";
            case "127.0.0.1", "::1" -> l.address() + " (loopback)";
            case Listener.UNKNOWN_DHCP_ADDRESS -> "an interface address the hive does not record (DHCP, no lease)";
            default -> "the interface address " + l.address();
        };
    }

    private String dynamicWords(Listener l, int port) {
        PortRange r = rangeOf(l);
        return "dynamic port " + port + " in " + r + " (" + r.origin() + ") predicted for "
                + l.owner().display() + " on " + addressWords(l) + " ("
                + l.mechanism().description() + ")";
    }

    private static String anchorWords(Listener anchor) {
        return anchor.protocol() + " " + anchor.localEndpoint();
    }

    /**
     * Same image, or an owner a memory scan cut to 14 characters (EPROCESS.ImageFileName) that starts
     * the predicted image's name.
     */
    private static boolean sameProcess(String observed, String predicted) {
        return predicted != null
                && (observed.equalsIgnoreCase(predicted)
                        || observed.length() == org.portmortem.snapshot.SocketOwners.CUT_OWNER_LENGTH
                                && predicted.toLowerCase(Locale.ROOT).startsWith(observed.toLowerCase(Locale.ROOT)));
    }

    private static boolean servicesAgree(ObservedOwner o, Listener l) {
        if (o.services().isEmpty() || l.owner().service() == null) {
            return true;
        }
        List<String> predicted = new ArrayList<>(l.owner().sharedWith());
        predicted.add(l.owner().service());
        return predicted.stream().anyMatch(p -> o.services().stream().anyMatch(p::equalsIgnoreCase));
    }

    /** The process instance a listener lives in: image and svchost group. */
    private static String instance(Listener l) {
        String g = l.owner().svchostGroup();
        return l.owner().process().toLowerCase(Locale.ROOT) + "|" + (g == null ? "" : g.toLowerCase(Locale.ROOT));
    }
}
