package org.portmortem.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.portmortem.report.json.JsonFields;

/**
 * Writes {@code fleet.json} (hosts and the three stacking tables, schema
 * {@code /schema/portmortem-fleet.schema.json}) and {@code fleet.jsonl} (one line per host and
 * listener). Fields sorted by name, hosts by id, stacking rarest first: the same fleet gives the same
 * bytes, whichever engine ran it; the only time is {@code runTime} ({@code --timestamp} fixes it).
 */
public final class FleetReport {
    /** The version of the fleet.json layout. */
    public static final String SCHEMA_VERSION = "1.0";

    private FleetReport() {}

    /** The fleet.json tree. */
    public static ObjectNode tree(FleetEngine.Result r, String toolVersion, Instant runTime) {
        ObjectNode root = JsonFields.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("tool", "PortMortem");
        root.put("toolVersion", toolVersion);
        root.put("runTime", runTime.toString());
        long ok = r.hosts().stream().filter(HostSummary::ok).count();
        root.put("hostCount", r.hosts().size());
        root.put("analysedCount", ok);
        root.put("failedCount", r.hosts().size() - ok);
        ArrayNode hosts = root.putArray("hosts");
        for (HostSummary h : r.hosts()) {
            ObjectNode n = hosts.addObject();
            n.put("id", h.id());
            n.put("input", h.input());
            n.put("computerName", h.computerName());
            n.put("os", h.os());
            n.put("status", h.status());
            n.put("error", h.error());
            n.put("listenerCount", h.listeners().size());
            ObjectNode counts = n.putObject("findingCounts");
            h.findingCounts().forEach(counts::put);
            n.put("report", h.report());
        }
        ArrayNode listeners = root.putArray("stacking");
        ArrayNode services = root.putArray("serviceStacking");
        ArrayNode firewall = root.putArray("firewallStacking");
        for (StackKey.Stack s : r.stacking()) {
            StackKey k = s.key();
            ObjectNode n;
            switch (k.table()) {
                case StackKey.LISTENER -> {
                    n = listeners.addObject();
                    n.put("protocol", k.a());
                    n.put("port", k.port());
                    n.put("owner", k.c());
                }
                case StackKey.SERVICE -> {
                    n = services.addObject();
                    n.put("service", k.a());
                    n.put("displayName", k.b());
                    n.put("imagePath", k.c());
                }
                default -> {
                    n = firewall.addObject();
                    n.put("profile", k.a());
                    n.put("setting", k.b());
                }
            }
            n.put("hostCount", s.hostCount());
            ArrayNode ids = n.putArray("hosts");
            s.hosts().forEach(ids::add);
        }
        return root;
    }

    /** Writes fleet.json. */
    public static void writeJson(ObjectNode tree, Path file) throws IOException {
        Files.writeString(file, JsonFields.text(tree) + "\n", StandardCharsets.UTF_8);
    }

    /** Writes fleet.jsonl, one line per host and listener, hosts in id order. */
    public static void writeLines(List<HostSummary> hosts, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (HostSummary h : hosts) {
                for (HostSummary.ListenerRow l : h.listeners()) {
                    ObjectNode n = JsonFields.object();
                    n.put("host", h.id());
                    n.put("computerName", h.computerName());
                    n.put("os", h.os());
                    n.put("protocol", l.protocol());
                    n.put("ipVersion", l.ipVersion());
                    n.put("address", l.address());
                    n.put("addressClass", l.addressClass());
                    n.put("port", l.port());
                    n.put("service", l.service());
                    n.put("process", l.process());
                    n.put("owner", l.owner());
                    n.put("startType", l.startType());
                    n.put("reachability", l.reachability());
                    n.put("severity", l.severity());
                    w.write(JsonFields.line(n));
                    w.write('\n');
                }
            }
        }
    }
}
