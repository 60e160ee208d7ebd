package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Value;
import org.portmortem.net.Protocol;

/**
 * The RPC endpoint mapper on port 135, in RpcSs (RpcEptMapper's svchost on Vista+) [HSC] [C706]:
 * TCP 135 listens while {@code ncacn_ip_tcp} is in {@code SW\Microsoft\Rpc\DCOM Protocols} or some
 * running RPC server registers {@code ncacn_ip_tcp}; UDP 135 only while some running server
 * registers {@code ncadg_ip_udp} (DCOM does not use UDP by default). Vista+ adds {@code [::]:135}.
 */
final class EndpointMapper {
    private static final String RPC_KEY = "SW\\Microsoft\\Rpc";

    private final List<Listener> listeners = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    EndpointMapper(HostAtBoot host, boolean tcpServers, boolean udpServers, RpcInterfaceRestriction restriction) {
        Optional<HostAtBoot.RunningUnit> rpcss = host.unit("RpcSs");
        if (rpcss.isEmpty()) {
            warnings.add("RpcSs is not in the boot plan: no endpoint mapper predicted (Windows cannot run without it)");
            return;
        }
        HostAtBoot.RunningUnit u = rpcss.get();
        Owner owner = Owner.of("RpcSs", u.process(), u.svchostGroup());
        RegistryScope reg = host.registry();
        Evidence dcomEv = reg.evidence(RPC_KEY, "DCOM Protocols", "protocol sequences DCOM listens on");
        Optional<Value> dcom = reg.value(RPC_KEY, "DCOM Protocols");
        boolean dcomTcp;
        Certainty dcomCertainty = Certainty.certain();
        if (reg.unavailable(RPC_KEY)) {
            dcomTcp = true;
            dcomCertainty = new Certainty(
                    Certainty.Level.UNCERTAIN,
                    "SOFTWARE hive not supplied: DCOM Protocols assumed to hold ncacn_ip_tcp");
        } else if (dcom.isEmpty()) {
            dcomTcp = true;
            dcomCertainty = new Certainty(
                    Certainty.Level.LIKELY,
                    "DCOM Protocols absent: the built-in default is believed to include ncacn_ip_tcp");
        } else {
            List<String> seqs;
            try {
                seqs = dcom.get().asStrings();
            } catch (RuntimeException e) {
                seqs = List.of();
                warnings.add("DCOM Protocols is not a list of strings: treated as empty");
            }
            dcomTcp = seqs.stream().anyMatch(s -> s.trim().equalsIgnoreCase("ncacn_ip_tcp"));
        }
        List<Evidence> base = new ArrayList<>(u.evidence());
        base.add(dcomEv);
        if (dcomTcp || tcpServers) {
            String why = dcomTcp ? "ncacn_ip_tcp is in DCOM Protocols" : "a running RPC server registers ncacn_ip_tcp";
            Certainty c = u.certainty().weakest(dcomTcp && !tcpServers ? dcomCertainty : Certainty.certain());
            Listener tcp = new Listener(
                    Protocol.TCP,
                    4,
                    "0.0.0.0",
                    135,
                    false,
                    null,
                    owner,
                    new Mechanism(Mechanism.Kind.ENDPOINT_MAPPER, "RPC endpoint mapper and DCOM SCM: " + why),
                    c,
                    base,
                    null);
            listeners.addAll(restriction.applyToEndpointMapper(tcp));
            if (!host.family().isPreVista()) {
                listeners.add(new Listener(
                        Protocol.TCP,
                        6,
                        "::",
                        135,
                        false,
                        null,
                        owner,
                        new Mechanism(Mechanism.Kind.ENDPOINT_MAPPER, "RPC endpoint mapper and DCOM SCM: " + why),
                        c,
                        base,
                        null));
            }
        }
        if (udpServers) {
            listeners.add(new Listener(
                    Protocol.UDP,
                    4,
                    "0.0.0.0",
                    135,
                    false,
                    null,
                    owner,
                    new Mechanism(
                            Mechanism.Kind.ENDPOINT_MAPPER,
                            "RPC endpoint mapper on UDP: a running RPC server registers ncadg_ip_udp"),
                    u.certainty(),
                    u.evidence(),
                    null));
        }
    }

    List<Listener> listeners() {
        return listeners;
    }

    List<String> warnings() {
        return warnings;
    }
}
