package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.portmortem.BundledResource;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.remediation.Remediation;

/**
 * The Windows services through which administrators manage a machine from the network (WinRM, Remote
 * Desktop, OpenSSH, Telnet, SNMP, Remote Registry, ...): data, resource {@code remote-management.json},
 * each with what access it gives, where to keep that access instead, and its source. Tells whether a
 * hardening step takes such access away.
 *
 * @param source what the list is and how it is used
 * @param services the management services
 */
public record RemoteManagement(String source, List<Service> services) {
    private static final String RESOURCE = "/org/portmortem/verdict/remote-management.json";
    private static final RemoteManagement BUNDLED = load();

    public RemoteManagement {
        services = List.copyOf(services);
    }

    /**
     * A management service.
     *
     * @param service its name under {@code CS\Services}
     * @param access the remote access it gives
     * @param instead where to keep that access when the step is taken anyway
     * @param source where the facts about it come from
     */
    public record Service(String service, String access, String instead, String source) {}

    /**
     * What a step takes away.
     *
     * @param services the management services it stops, in order
     * @param note one paragraph: the access removed, and where to keep it instead
     */
    public record Cut(List<String> services, String note) {
        public Cut {
            services = List.copyOf(services);
        }
    }

    /** The bundled list. */
    public static RemoteManagement bundled() {
        return BUNDLED;
    }

    /**
     * The remote management a step removes: the management service it disables, and the owners of the
     * listeners it closes (fDenyTSConnections=1 closes Remote Desktop without disabling TermService).
     */
    public Optional<Cut> cutBy(Remediation r, List<Listener> closed) {
        Set<String> names = new LinkedHashSet<>();
        if (r.serviceToDisable() != null) {
            names.add(r.serviceToDisable());
        }
        closed.stream().map(l -> l.owner().service()).filter(s -> s != null).forEach(names::add);
        List<Service> hit = new ArrayList<>();
        for (String n : names) {
            services.stream()
                    .filter(s -> s.service().equalsIgnoreCase(n) && !hit.contains(s))
                    .forEach(hit::add);
        }
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        String note = "Removes administrators' remote access: "
                + hit.stream().map(s -> s.access() + " (" + s.service() + ")").collect(Collectors.joining(", "))
                + " stops listening. Where remote administration is needed, "
                + hit.stream().map(s -> s.instead() + " [" + s.source() + "]").collect(Collectors.joining("; ")) + ".";
        return Optional.of(new Cut(hit.stream().map(Service::service).toList(), note));
    }

    private static RemoteManagement load() {
        return BundledResource.json(RemoteManagement.class, RESOURCE, RemoteManagement.class);
    }
}
