package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Value;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;

/**
 * RPC interface restriction on Windows 2000 [HSC]: {@code CS\Services\Rpc\Linkage\Bind} lists
 * interface indexes (rpccfg -a); RPC servers that do not bind explicitly then listen for TCP only on
 * those interfaces' addresses. Index 1 is the MS TCP Loopback interface (127.0.0.1) per rpccfg -l in
 * the paper; higher indexes follow the adapters' order, which the hive does not record exactly. The
 * UDP transport is not restricted. {@code RpcSs\ListenOnInternet="N"} applies the same restriction
 * to the endpoint mapper's TCP 135. HSC found that neither works on XP.
 */
final class RpcInterfaceRestriction {
    private static final String BIND_KEY = "CS\\Services\\Rpc\\Linkage";

    /** An address the restriction allows, with how sure the index-to-address mapping is. */
    record Allowed(String address, Certainty certainty) {}

    private final List<Allowed> allowed = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final boolean active;
    private final boolean epmRestricted;

    RpcInterfaceRestriction(HostAtBoot host) {
        RegistryScope reg = host.registry();
        Optional<Value> bind = reg.value(BIND_KEY, "Bind");
        Optional<Value> loi = reg.value("CS\\Services\\RpcSs", "ListenOnInternet");
        boolean restrict = bind.isPresent();
        if (restrict && host.family() != WindowsFamily.WIN2000) {
            warnings.add(
                    "Rpc\\Linkage\\Bind is set but interface restriction only works on Windows 2000 (HSC): ignored");
            restrict = false;
        }
        if (restrict) {
            evidence.add(reg.evidence(BIND_KEY, "Bind", "RPC interface restriction: interface indexes (1 = loopback)"));
            List<String> indexes;
            try {
                indexes = bind.get().asStrings();
            } catch (RuntimeException e) {
                warnings.add("Rpc\\Linkage\\Bind is not a list of interface indexes: restriction ignored");
                indexes = List.of();
                restrict = false;
            }
            for (String s : indexes) {
                int idx;
                try {
                    idx = Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    warnings.add(
                            "Rpc\\Linkage\\Bind entry \"" + s + "\" is not an interface index (Windows 2000 expects"
                                    + " indexes, earlier NT device names): skipped");
                    continue;
                }
                if (idx == 1) {
                    allowed.add(new Allowed("127.0.0.1", Certainty.certain()));
                } else if (idx >= 2 && idx - 2 < host.interfaces().size()) {
                    Certainty c = new Certainty(
                            Certainty.Level.UNCERTAIN,
                            "interface index " + idx
                                    + " mapped to the " + (idx - 1)
                                    + ". adapter in the hive's order; rpccfg -l on the live"
                                    + " system gives the real mapping");
                    for (String a : host.interfaces().get(idx - 2).ipv4()) {
                        allowed.add(new Allowed(a, c));
                    }
                } else {
                    warnings.add("Rpc\\Linkage\\Bind interface index " + idx + " matches no interface in the hive");
                }
            }
        }
        this.active = restrict;
        boolean epm = false;
        if (loi.isPresent()
                && loi.get().isString()
                && loi.get().asString().trim().equalsIgnoreCase("N")) {
            if (host.family() == WindowsFamily.WIN2000 && restrict) {
                epm = true;
                evidence.add(reg.evidence(
                        "CS\\Services\\RpcSs",
                        "ListenOnInternet",
                        "N: the endpoint mapper listens only on the Rpc\\Linkage\\Bind interfaces"));
            } else {
                warnings.add(
                        "RpcSs\\ListenOnInternet=N has effect only on Windows 2000 with Rpc\\Linkage\\Bind set: ignored");
            }
        }
        this.epmRestricted = epm;
    }

    /** Moves TCP dynamic RPC listeners onto the allowed addresses; others pass unchanged. */
    List<Listener> apply(List<Listener> dynamicRpc) {
        if (!active) {
            return dynamicRpc;
        }
        List<Listener> out = new ArrayList<>();
        for (Listener l : dynamicRpc) {
            if (l.protocol() != Protocol.TCP) {
                out.add(l);
                continue;
            }
            out.addAll(restrict(l));
        }
        return out;
    }

    /** The endpoint mapper's TCP listener, moved when ListenOnInternet=N. */
    List<Listener> applyToEndpointMapper(Listener tcp135) {
        return epmRestricted ? restrict(tcp135) : List.of(tcp135);
    }

    private List<Listener> restrict(Listener l) {
        List<Listener> out = new ArrayList<>();
        for (Allowed a : allowed) {
            Listener moved = l.atAddress(a.address(), evidence, "restricted by Rpc\\Linkage\\Bind");
            out.add(new Listener(
                    moved.protocol(),
                    moved.ipVersion(),
                    moved.address(),
                    moved.port(),
                    moved.dynamic(),
                    moved.portRange(),
                    moved.owner(),
                    moved.mechanism(),
                    moved.certainty().weakest(a.certainty()),
                    moved.evidence(),
                    moved.firewall()));
        }
        return out;
    }

    List<String> warnings() {
        return warnings;
    }
}
