package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import org.portmortem.model.WindowsFamily;

/**
 * Everything the knowledge base knows about one service, driver or process: the sockets it opens
 * and the RPC interfaces it registers, per Windows family, each with its sources.
 *
 * @param name the service or driver name under {@code CS\Services} (case as documented), or the
 *     image name of a process that is no service (e.g. {@code wininit.exe})
 * @param kind service, driver or process
 * @param display the display name
 * @param image for a process entry, its image; for a driver, its file
 * @param families where a process entry runs (drivers and services run when the boot plan says so)
 * @param when for a process entry, conditions under which it runs with these endpoints (e.g. a
 *     domain controller's lsass)
 * @param facts rows of the facts document this entry encodes (e.g. {@code A8}, {@code C25})
 * @param sources source keys for the entry as a whole
 * @param note what the entry knows that has no socket (e.g. "no port of its own")
 * @param endpoints sockets
 * @param rpc RPC interfaces
 * @param demandStarted where a demand-start (Start=3) service is known to be started by a client
 *     soon after boot, so that it runs although the boot plan does not start it; {@code null} if not
 * @param essential why the service must not be disabled (hardening plans then close its sockets by
 *     other means or not at all); {@code null} if it may be
 * @param configuredPorts ports a code mechanism opens for this service by default (WinRM listeners,
 *     the endpoint mapper), declared here so the mechanism and the knowledge base share one number
 */
public record ServiceKnowledge(
        String name,
        Kind kind,
        String display,
        String image,

        @JsonDeserialize(converter = FamiliesConverter.class)
        java.util.Set<WindowsFamily> families,

        List<RegistryCondition> when,
        List<String> facts,
        List<String> sources,
        String note,
        List<EndpointKnowledge> endpoints,
        List<RpcInterfaceKnowledge> rpc,
        DemandStart demandStarted,
        String essential,
        List<ConfiguredPort> configuredPorts) {

    /**
     * A demand-start service that some client starts right after boot or at logon.
     *
     * @param families where this holds
     * @param reason who starts it and how sure that is
     * @param sources source keys
     */
    public record DemandStart(
            @JsonDeserialize(converter = FamiliesConverter.class)
            java.util.Set<WindowsFamily> families,

            String reason,
            List<String> sources) {
        public DemandStart {
            families = Defaults.families(families);
            sources = Defaults.list(sources);
        }
    }

    /** What sort of thing an entry describes. */
    public enum Kind {
        /** A Win32 service, running when the boot plan starts it, in the process the model names. */
        SERVICE,
        /** A kernel driver; its sockets belong to the System process. */
        DRIVER,
        /** A process that is no service (wininit.exe, services.exe, lsass.exe roles). */
        PROCESS
    }

    public ServiceKnowledge {
        families = Defaults.families(families);
        when = Defaults.list(when);
        facts = Defaults.list(facts);
        sources = Defaults.list(sources);
        endpoints = Defaults.list(endpoints);
        rpc = Defaults.list(rpc);
        configuredPorts = Defaults.list(configuredPorts);
    }

    /** The default port of a mechanism's listener with this role on a family, if declared. */
    public java.util.Optional<ConfiguredPort> configuredPort(
            org.portmortem.exposure.Mechanism.Kind mechanism, String role, WindowsFamily family) {
        return configuredPorts.stream()
                .filter(c -> c.mechanism() == mechanism
                        && c.role().equalsIgnoreCase(role)
                        && c.families().contains(family))
                .findFirst();
    }
}
