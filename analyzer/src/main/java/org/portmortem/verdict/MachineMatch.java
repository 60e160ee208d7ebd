package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.portmortem.model.NetworkInterface;
import org.portmortem.model.SystemModel;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.Socket;

/**
 * Whether a socket listing was taken on the machine the hives come from, decided before the listing
 * is compared with the prediction.
 *
 * <ul>
 *   <li>Local addresses: an IPv4 address the listing binds to that is a static address or the
 *       recorded DHCP lease of an interface says {@code same}. Addresses the hive does not record are
 *       possible only on interfaces whose address it does not record (DHCP without a recorded lease,
 *       one address each, or its APIPA 169.254/16 address [RFC 3927]): more unrecorded addresses than
 *       such interfaces, or any where every interface's address is recorded, says {@code different}.
 *       Wildcard and loopback addresses say nothing.
 *   <li>Names: a local address netstat printed as a host name (without {@code -n}) that is the
 *       computer's name or DNS host name says {@code same}; another name says {@code different}.
 *   <li>Processes: services the listing names ({@code -b} service tags) that the hive does not have
 *       say {@code different} when they are at least three and most of those named (one alone may be
 *       installed after the hives were copied, or a backdoor's own); a per-user service instance, {@code Name_xxxx},
 *       counts as its template {@code Name} [Per-user services in Windows,
 *       https://learn.microsoft.com/windows/application-management/per-user-services-in-windows].
 * </ul>
 * Signs that contradict each other leave the verdict {@code unknown}, with every reason.
 *
 * @param verdict same, different or unknown
 * @param reasons the signs, in words
 */
public record MachineMatch(Verdict verdict, List<String> reasons) {

    /** The outcome. */
    public enum Verdict {
        SAME,
        DIFFERENT,
        UNKNOWN;

        /** Lower-case word for reports and JSON. */
        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public MachineMatch {
        reasons = List.copyOf(reasons);
    }

    /** True when the listing comes from another machine. */
    public boolean different() {
        return verdict == Verdict.DIFFERENT;
    }

    /** Decides for one listing against the modelled machine. */
    public static MachineMatch of(SystemModel model, NetstatSnapshot snapshot) {
        List<String> same = new ArrayList<>();
        List<String> different = new ArrayList<>();
        addresses(model, snapshot, same, different);
        names(model, snapshot, same, different);
        services(model, snapshot, different);
        List<String> reasons = new ArrayList<>(same);
        reasons.addAll(different);
        if (!same.isEmpty() && different.isEmpty()) {
            return new MachineMatch(Verdict.SAME, reasons);
        }
        if (same.isEmpty() && !different.isEmpty()) {
            return new MachineMatch(Verdict.DIFFERENT, reasons);
        }
        if (reasons.isEmpty()) {
            reasons.add("the listing shows only wildcard and loopback addresses and no host name or service the hive"
                    + " could confirm or contradict");
        } else {
            reasons.add(0, "the signs contradict each other");
        }
        return new MachineMatch(Verdict.UNKNOWN, reasons);
    }

    private static void addresses(
            SystemModel model, NetstatSnapshot snapshot, List<String> same, List<String> different) {
        Map<String, String> recorded = new LinkedHashMap<>();
        int unrecorded = 0;
        for (NetworkInterface n : model.networkInterfaces()) {
            String name = n.name().isPresent() ? "\"" + n.name().value() + "\"" : n.guid();
            boolean dhcp = n.dhcpEnabled().orElse(false);
            boolean known = false;
            for (String a : n.ipAddresses().orElse(List.of())) {
                if (!a.equals("0.0.0.0")) {
                    recorded.put(a, "the static address of " + name);
                    known = true;
                }
            }
            String lease = n.dhcpIpAddress().orElse(null);
            if (lease != null && !lease.equals("0.0.0.0")) {
                recorded.putIfAbsent(lease, "the recorded DHCP lease of " + name);
                known |= dhcp;
            }
            if (dhcp && !known) {
                unrecorded++;
            }
        }
        Set<String> listed = new LinkedHashSet<>();
        for (Socket s : snapshot.sockets()) {
            String a = s.localAddress();
            if (s.ipVersion() != null && s.ipVersion() == 4 && !a.equals("0.0.0.0") && !a.startsWith("127.")) {
                listed.add(a);
            }
        }
        List<String> matching = listed.stream().filter(recorded::containsKey).toList();
        if (!matching.isEmpty()) {
            matching.forEach(a -> same.add("local address " + a + " is " + recorded.get(a)));
            return;
        }
        List<String> foreign =
                listed.stream().filter(a -> !a.startsWith("169.254.")).toList();
        if (foreign.isEmpty()) {
            return;
        }
        String shown = String.join(", ", foreign.subList(0, Math.min(6, foreign.size())))
                + (foreign.size() > 6 ? " and " + (foreign.size() - 6) + " more" : "");
        if (unrecorded == 0) {
            different.add("the listing binds to " + shown + ", none of which the hive records"
                    + (recorded.isEmpty()
                            ? " (it records no address)"
                            : " (it records " + String.join(", ", recorded.keySet()) + ")")
                    + ", and every interface's address is recorded");
        } else if (foreign.size() > unrecorded) {
            different.add("the listing binds to " + foreign.size() + " local IPv4 addresses the hive does not record ("
                    + shown + "), but only " + unrecorded + " interface(s) take an address the hive does not record"
                    + " (DHCP without a recorded lease, one address each)");
        }
    }

    private static void names(SystemModel model, NetstatSnapshot snapshot, List<String> same, List<String> different) {
        Set<String> own = new LinkedHashSet<>();
        model.identity().computerName().asOptional().ifPresent(n -> own.add(n.toLowerCase(Locale.ROOT)));
        model.identity().hostName().asOptional().ifPresent(n -> own.add(n.toLowerCase(Locale.ROOT)));
        Set<String> printed = new LinkedHashSet<>();
        for (Socket s : snapshot.sockets()) {
            if (s.ipVersion() == null && !s.localAddress().isBlank()) {
                printed.add(s.localAddress());
            }
        }
        for (String p : printed) {
            String host = p.toLowerCase(Locale.ROOT).split("\\.")[0];
            if (own.contains(host) || own.contains(p.toLowerCase(Locale.ROOT))) {
                same.add("netstat printed the local host name " + p + ", the computer's name");
            } else if (!own.isEmpty() && !host.equals("localhost")) {
                different.add("netstat printed the local host name " + p + ", but the computer is named "
                        + String.join(" / ", own));
            }
        }
    }

    private static void services(SystemModel model, NetstatSnapshot snapshot, List<String> different) {
        Set<String> missing = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        for (Socket s : snapshot.sockets()) {
            for (String svc : s.services()) {
                named.add(svc.toLowerCase(Locale.ROOT));
                String template = svc.replaceFirst("_[0-9a-fA-F]{4,}$", "");
                if (model.service(svc).isEmpty() && model.service(template).isEmpty()) {
                    missing.add(svc.toLowerCase(Locale.ROOT));
                }
            }
        }
        // A service installed after the hives were copied, or a backdoor's, is absent from them too: only a
        // listing whose named services are mostly unknown to the hive says "another machine".
        if (missing.size() >= 3 && missing.size() * 2 > named.size()) {
            different.add("the listing names " + missing.size() + " of " + named.size() + " services the hive does not"
                    + " have: " + String.join(", ", missing));
        }
    }
}
