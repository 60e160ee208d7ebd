package org.portmortem.fleet;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What the fleet keeps of one host: small, so a thousand of them fit in a small heap; the full
 * report stays on disk in {@code hosts/<id>.json}.
 *
 * @param id the host id
 * @param input the folder or zip analysed
 * @param computerName the ComputerName the host report gives, or {@code null}
 * @param os product name and service pack, or {@code null}
 * @param status {@code ok} or {@code failed}
 * @param error the one-line error of a failed host, else {@code null}
 * @param findingCounts findings by severity word ({@code high}, {@code medium}, {@code low}, {@code info})
 * @param report the host report's path relative to the output folder, or {@code null}
 * @param listeners the predicted listeners, in the report's order
 * @param autoStartServices the services set to start automatically, in the report's order
 * @param firewallSettings the host firewall settings in force: one line per profile and deciding setting
 */
public record HostSummary(
        String id,
        String input,
        String computerName,
        String os,
        String status,
        String error,
        Map<String, Integer> findingCounts,
        String report,
        List<ListenerRow> listeners,
        List<ServiceRow> autoStartServices,
        List<FirewallRow> firewallSettings)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String OK = "ok";
    public static final String FAILED = "failed";

    /** A failed host: its error and nothing else. */
    public static HostSummary failed(HostInput in, String error) {
        return new HostSummary(
                in.id(), in.input(), null, null, FAILED, error, Map.of(), null, List.of(), List.of(), List.of());
    }

    /** Whether the host was analysed. */
    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * One predicted listener of a host.
     *
     * @param protocol TCP or UDP
     * @param ipVersion 4 or 6
     * @param address the local address
     * @param addressClass {@code any}, {@code loopback} or {@code specific}
     * @param port the port, {@code null} when dynamic
     * @param service the owning service or driver, or {@code null}
     * @param process the owning process
     * @param startType the owner's start type as the report gives it
     * @param reachability the firewall verdict per profile, e.g. {@code all: reachable}
     * @param severity the most severe finding naming this listener, or {@code null}
     */
    public record ListenerRow(
            String protocol,
            int ipVersion,
            String address,
            String addressClass,
            Integer port,
            String service,
            String process,
            String startType,
            String reachability,
            String severity)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        /** The owner a person names: the service, else the process. */
        public String owner() {
            return service != null ? service : process;
        }
    }

    /** An automatic service: name, display name and image path as the report gives them. */
    public record ServiceRow(String name, String displayName, String imagePath) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** A firewall profile and the setting that decides it, as the report gives them. */
    public record FirewallRow(String profile, String setting) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
