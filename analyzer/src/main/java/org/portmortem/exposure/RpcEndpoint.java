package org.portmortem.exposure;

import java.util.List;
import org.portmortem.evidence.Evidence;

/**
 * An MS-RPC interface predicted to be registered after boot, on one protocol sequence.
 *
 * @param uuid interface UUID
 * @param version interface version {@code major.minor}
 * @param name interface name
 * @param protseq {@code ncacn_ip_tcp}, {@code ncadg_ip_udp}, {@code ncacn_np}, {@code ncacn_http}
 *     or {@code ncalrpc}
 * @param endpoint port number, pipe name or LRPC endpoint; {@code null} when a dynamic port
 * @param service the hosting service, or {@code null} for a process that is no service
 * @param process the hosting process image
 * @param certainty how sure the prediction is
 * @param evidence the registry facts it rests on
 */
public record RpcEndpoint(
        String uuid,
        String version,
        String name,
        String protseq,
        String endpoint,
        String service,
        String process,
        Certainty certainty,
        List<Evidence> evidence) {

    public RpcEndpoint {
        evidence = List.copyOf(evidence);
    }
}
