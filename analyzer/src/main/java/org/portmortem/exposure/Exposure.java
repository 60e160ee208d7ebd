package org.portmortem.exposure;

import java.util.List;
import org.portmortem.exposure.knowledge.Family;

/**
 * The prediction for one system: what listens after boot, which RPC interfaces are registered, and
 * what could not be decided.
 *
 * @param family the Windows family the prediction used
 * @param listeners predicted listening sockets, sorted (protocol, address, port)
 * @param rpcEndpoints predicted RPC endpoints
 * @param dynamicRange the range dynamic RPC ports come from
 * @param warnings what could not be decided, in words
 */
public record Exposure(
        Family family,
        List<Listener> listeners,
        List<RpcEndpoint> rpcEndpoints,
        PortRange dynamicRange,
        List<String> warnings) {

    public Exposure {
        listeners = List.copyOf(listeners);
        rpcEndpoints = List.copyOf(rpcEndpoints);
        warnings = List.copyOf(warnings);
    }
}
