package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.portmortem.net.Protocol;

/**
 * Resolves registered interfaces to endpoints: a dynamic {@code ncacn_ip_tcp} / {@code ncadg_ip_udp}
 * endpoint exists when its process got its dynamic port; a fixed one (e.g. {@code ncacn_ip_tcp:135})
 * when that port is predicted to listen; pipes and LRPC endpoints always (pipes are reached over SMB
 * only while the Server service runs).
 */
final class RpcEndpoints {
    private RpcEndpoints() {}

    static List<RpcEndpoint> resolve(List<RpcRegistration> registrations, List<Listener> listeners) {
        List<RpcEndpoint> out = new ArrayList<>();
        for (RpcRegistration r : registrations) {
            for (String p : r.iface().protseqs()) {
                int colon = p.indexOf(':');
                String seq = colon < 0 ? p : p.substring(0, colon);
                String endpoint = colon < 0 ? null : p.substring(colon + 1);
                if (seq.equals("ncacn_ip_tcp") || seq.equals("ncadg_ip_udp")) {
                    Protocol proto = seq.equals("ncacn_ip_tcp") ? Protocol.TCP : Protocol.UDP;
                    boolean open = listeners.stream()
                            .anyMatch(l -> l.protocol() == proto
                                    && (endpoint == null
                                            ? l.mechanism().kind() == Mechanism.Kind.DYNAMIC_RPC
                                                    && sameProcess(l.owner(), r)
                                            : Objects.equals(l.port(), Integer.valueOf(endpoint))));
                    if (!open) {
                        continue;
                    }
                }
                out.add(new RpcEndpoint(
                        r.iface().uuid(),
                        r.iface().version(),
                        r.iface().name(),
                        seq,
                        endpoint,
                        r.owner().service(),
                        r.owner().process(),
                        r.certainty(),
                        r.evidence()));
            }
        }
        return out;
    }

    private static boolean sameProcess(Owner listenerOwner, RpcRegistration r) {
        String s = r.owner().service();
        return Objects.equals(listenerOwner.process(), r.owner().process())
                && (Objects.equals(listenerOwner.service(), s)
                        || s != null && listenerOwner.sharedWith().contains(s));
    }
}
