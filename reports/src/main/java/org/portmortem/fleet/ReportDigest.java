package org.portmortem.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a host's {@link HostSummary} back from its report JSON (the bytes {@code analyze --json}
 * writes), so the fleet tables say what the host report says and a host skipped on a re-run gives
 * the same summary as a fresh one. Computes nothing the report does not state, except two
 * groupings: the address class of a listener and the most severe finding that names it.
 */
final class ReportDigest {
    private ReportDigest() {}

    static HostSummary summarise(HostInput in, JsonNode report, String reportPath) {
        JsonNode system = report.path("system");
        String computerName = text(system.path("computerName").path("value"));
        String product = text(system.path("productName").path("value"));
        String csd = text(system.path("csdVersion").path("value"));
        String os = product == null ? null : csd == null || csd.isBlank() ? product : product + " " + csd;

        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String s : List.of("high", "medium", "low", "info")) {
            counts.put(s, report.path("findingCounts").path(s).asInt(0));
        }
        List<HostSummary.ListenerRow> listeners = new ArrayList<>();
        TreeSet<String> firewall = new TreeSet<>();
        for (JsonNode l : report.path("listeners")) {
            StringBuilder reach = new StringBuilder();
            for (Map.Entry<String, JsonNode> p : l.path("firewall").properties()) {
                reach.append(reach.length() == 0 ? "" : "; ")
                        .append(p.getKey())
                        .append(": ")
                        .append(p.getValue().path("reachability").asText());
                if (!"loopback".equals(addressClass(text(l.path("address"))))) {
                    // A loopback listener is decided by its address, not by a firewall setting.
                    firewall.add(p.getKey() + "\u0000"
                            + p.getValue().path("decidedBy").asText());
                }
            }
            JsonNode owner = l.path("owner");
            listeners.add(new HostSummary.ListenerRow(
                    l.path("protocol").asText(),
                    l.path("ipVersion").asInt(),
                    text(l.path("address")),
                    addressClass(text(l.path("address"))),
                    l.path("port").isNumber() ? l.path("port").asInt() : null,
                    text(owner.path("service")),
                    text(owner.path("process")),
                    text(l.path("startType")),
                    reach.length() == 0 ? null : reach.toString(),
                    severity(report, l)));
        }
        List<HostSummary.ServiceRow> services = new ArrayList<>();
        for (JsonNode section : report.path("bootPlan")) {
            for (JsonNode e : section) {
                String start = text(e.path("startType"));
                if ("service".equals(text(e.path("kind"))) && start != null && start.startsWith("automatic")) {
                    services.add(new HostSummary.ServiceRow(
                            text(e.path("name")), text(e.path("displayName")), text(e.path("imagePath"))));
                }
            }
        }
        services.sort(java.util.Comparator.comparing(HostSummary.ServiceRow::name, String.CASE_INSENSITIVE_ORDER));
        List<HostSummary.FirewallRow> fw = firewall.stream()
                .map(s -> {
                    int cut = s.indexOf('\u0000');
                    return new HostSummary.FirewallRow(s.substring(0, cut), s.substring(cut + 1));
                })
                .toList();
        return new HostSummary(
                in.id(),
                in.input(),
                computerName,
                os,
                HostSummary.OK,
                null,
                counts,
                reportPath,
                List.copyOf(listeners),
                List.copyOf(services),
                fw);
    }

    /** {@code any} for the wildcard addresses, {@code loopback}, else {@code specific}. */
    static String addressClass(String address) {
        if (address == null) {
            return null;
        }
        if (address.equals("0.0.0.0") || address.equals("::") || address.equals("*")) {
            return "any";
        }
        if (address.startsWith("127.") || address.equals("::1")) {
            return "loopback";
        }
        return "specific";
    }

    /** The severity of the first (most severe) finding that names the listener, or null. */
    private static String severity(JsonNode report, JsonNode listener) {
        for (JsonNode f : report.path("findings")) {
            for (JsonNode l : f.path("listeners")) {
                if (l.path("protocol").equals(listener.path("protocol"))
                        && l.path("localEndpoint").equals(listener.path("localEndpoint"))
                        && l.path("ipVersion").equals(listener.path("ipVersion"))
                        && l.path("owner")
                                .path("service")
                                .equals(listener.path("owner").path("service"))) {
                    return text(f.path("severity"));
                }
            }
        }
        return null;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asText();
    }
}
