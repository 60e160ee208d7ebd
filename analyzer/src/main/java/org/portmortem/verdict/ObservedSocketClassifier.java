package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.exposure.Certainty;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.Mechanism;
import org.portmortem.exposure.Owner;
import org.portmortem.model.Service;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;
import org.portmortem.snapshot.Socket;

/**
 * Tells what unexplained observed sockets are — a loopback-only socket, a client program's UDP socket,
 * a listener — whether a Windows component owns them (HTTP.sys's ports named), and whether the
 * firewall profile in force blocks them, then picks their {@link ObservedSocketRules} rule.
 *
 * <p>Ephemeral ports, where client sockets come from: 49152-65535 from Vista / Server 2008 on,
 * 1025-5000 before (Microsoft KB 929851, "The default dynamic port range for TCP/IP has changed since
 * Windows Vista and in Windows Server 2008").
 */
final class ObservedSocketClassifier {
    private final ObservedSocketRules rules;
    private final Exposure exposure;
    private final SystemModel model;

    /** The rule chosen and what the sockets are, in a sentence or two. */
    record Judged(ObservedSocketRules.Rule rule, String what) {}

    ObservedSocketClassifier(ObservedSocketRules rules, Exposure exposure, SystemModel model) {
        this.rules = rules;
        this.exposure = exposure;
        this.model = model;
    }

    Judged judge(List<SocketVerdict> group, boolean otherMachine) {
        SocketVerdict first = group.get(0);
        Socket s = first.socket();
        ObservedOwner o = first.owner();
        List<String> what = new ArrayList<>();
        boolean loopback = group.stream().allMatch(v -> loopback(v.socket().localAddress()));
        Integer port = s.localPort().isNumeric() ? s.localPort().number() : null;
        boolean kernel = o.pid() != null && o.pid().equals(SocketMatching.kernelPid(model.family()))
                || "System".equalsIgnoreCase(o.process());
        boolean windows = kernel
                || rules.windowsImage(o.process())
                || o.services().stream().anyMatch(this::windowsService);
        String kind = "listener";
        if (loopback) {
            kind = "loopback";
            what.add("Bound to the loopback address only: reachable from this host alone.");
        } else if (s.protocol() == org.portmortem.net.Protocol.UDP && port != null && !kernel) {
            Optional<ObservedSocketRules.ClientPort> c = rules.clientPort(port);
            if (c.isPresent()) {
                kind = "client";
                what.add("UDP " + port + " is " + c.get().protocol() + " ("
                        + c.get().source() + "): programs bind it to"
                        + " take part in discovery, as clients as well as responders.");
            } else if (ephemeral(port)) {
                kind = "client";
                what.add("UDP " + port + " is in the ephemeral range " + ephemeralWords() + ": a socket a client"
                        + " program binds for its own traffic (QUIC, DNS and other UDP requests), not a server port.");
            }
        }
        if (kernel && s.protocol() == org.portmortem.net.Protocol.TCP && port != null) {
            rules.httpSys(port)
                    .ifPresentOrElse(
                            h -> what.add("Owned by System: HTTP.sys serves TCP " + port + " for " + h.owner() + " ("
                                    + h.source() + ")."),
                            () -> what.add(
                                    "Owned by System (the kernel: HTTP.sys, NetBT or SMB): a URL registration or driver the"
                                            + " knowledge base does not map to this port."));
        } else if (windows) {
            what.add("Owned by a Windows component (" + o.display() + ").");
        }
        FirewallVerdict fw = firewall(s, o);
        boolean blocked = fw != null && fw.blockedInForce();
        if (!loopback && fw != null && fw.inForceDecision() != null) {
            what.add("Host firewall, " + exposure.firewallProfile().display() + " in force: "
                    + fw.inForceReachability().word() + " ("
                    + fw.inForceDecision().decidedBy() + ").");
        } else if (!loopback) {
            what.add("Host firewall: reachability in the profile in force unknown.");
        }
        ObservedSocketRules.Rule rule =
                rules.ruleFor(new ObservedSocketRules.Traits(otherMachine, kind, windows, blocked));
        return new Judged(rule, String.join(" ", what));
    }

    private static boolean loopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("[::1]");
    }

    private boolean ephemeral(int port) {
        return model.family().compareTo(WindowsFamily.VISTA_2008) >= 0 ? port >= 49152 : port >= 1025 && port <= 5000;
    }

    private String ephemeralWords() {
        return model.family().compareTo(WindowsFamily.VISTA_2008) >= 0 ? "49152-65535" : "1025-5000";
    }

    /** A service the hive has whose image is under the Windows folder. */
    private boolean windowsService(String name) {
        Optional<Service> svc = model.service(name.replaceFirst("_[0-9a-fA-F]{4,}$", ""));
        return svc.flatMap(x -> x.imagePath().asOptional())
                .map(p -> p.toLowerCase(Locale.ROOT))
                .filter(p -> p.contains("%systemroot%") || p.contains("\\windows\\") || p.startsWith("system32\\"))
                .isPresent();
    }

    /** The host firewall's verdict on the socket as if it were a predicted listener, or null where unknown. */
    private FirewallVerdict firewall(Socket s, ObservedOwner o) {
        if (exposure.firewall() == null || !s.localPort().isNumeric()) {
            return null;
        }
        int v = s.ipVersion() == null ? 4 : s.ipVersion();
        String address = s.ipVersion() == null ? "0.0.0.0" : s.localAddress();
        Listener l = new Listener(
                s.protocol() == org.portmortem.net.Protocol.TCP ? Protocol.TCP : Protocol.UDP,
                v,
                address,
                s.localPort().number(),
                false,
                null,
                Owner.of(
                        o.services().isEmpty() ? null : o.services().get(0),
                        o.process() == null ? "?" : o.process(),
                        null),
                new Mechanism(Mechanism.Kind.FIXED_PORT, "observed socket"),
                Certainty.certain(),
                List.of(),
                null);
        return exposure.firewall().verdict(l);
    }
}
