package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RipFact;

/**
 * routes v.20200526: the PersistentRoutes key path, {@code LastWrite: TIME} and an empty line, then
 * a table, {@code "%-15s  %-15s %-15s %-5s"} of Address, Netmask, Gateway and Metric, one row per
 * route in the key's value order; a key without values prints {@code PATH has no values.}, a missing
 * key {@code PATH not found.}
 */
final class RoutesText implements PluginText {
    private static final String ROW = "%-15s  %-15s %-15s %-5s";

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact key = facts.get(0);
        if (KeyLines.missing(key, " not found.", out)) {
            return;
        }
        out.println(key.group());
        out.println("LastWrite: " + KeyLines.lastWrite(key));
        out.println();
        Map<String, List<RipFact>> routes =
                FactGroups.of(facts.subList(1, facts.size())).groups();
        if (routes.isEmpty()) {
            out.println(key.group() + " has no values.");
            return;
        }
        out.println(String.format(ROW, "Address", "Netmask", "Gateway", "Metric"));
        for (List<RipFact> route : routes.values()) {
            out.println(String.format(ROW, route.stream().map(RipFact::data).toArray()));
        }
    }
}
