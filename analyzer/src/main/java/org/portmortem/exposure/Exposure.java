package org.portmortem.exposure;

import java.util.List;
import org.portmortem.model.WindowsFamily;

/**
 * The prediction for one system: what listens after boot, which RPC interfaces are registered, and
 * what could not be decided.
 *
 * @param family the Windows family the prediction used
 * @param listeners predicted listening sockets, sorted (protocol, address, port)
 * @param rpcEndpoints predicted RPC endpoints
 * @param dynamicRange the range dynamic RPC ports come from
 * @param warnings what could not be decided, in words
 * @param firewallProfile the host firewall profile in force at the next boot, with its reason
 * @param firewall the host firewall's verdict on any socket (observed ones included), or {@code null}
 */
public record Exposure(
        WindowsFamily family,
        List<Listener> listeners,
        List<RpcEndpoint> rpcEndpoints,
        PortRange dynamicRange,
        List<String> warnings,
        FirewallProfile firewallProfile,
        FirewallJudge firewall) {

    /** The host firewall's verdict on a listener, predicted or built from an observed socket. */
    @FunctionalInterface
    public interface FirewallJudge {
        FirewallVerdict verdict(Listener listener);
    }

    /** An exposure whose firewall profile in force was not decided. */
    public Exposure(
            WindowsFamily family,
            List<Listener> listeners,
            List<RpcEndpoint> rpcEndpoints,
            PortRange dynamicRange,
            List<String> warnings) {
        this(
                family,
                listeners,
                rpcEndpoints,
                dynamicRange,
                warnings,
                FirewallProfile.none("the firewall profile in force was not decided", List.of()),
                null);
    }

    /**
     * This exposure as a value that outlives the hives: without the firewall judge, which reads the
     * registry when asked about a socket (every predicted listener already carries its verdict).
     */
    public Exposure withoutFirewallJudge() {
        return firewall == null
                ? this
                : new Exposure(family, listeners, rpcEndpoints, dynamicRange, warnings, firewallProfile, null);
    }

    public Exposure {
        listeners = List.copyOf(listeners);
        rpcEndpoints = List.copyOf(rpcEndpoints);
        warnings = List.copyOf(warnings);
    }
}
