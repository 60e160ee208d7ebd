package org.portmortem.report.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portmortem.bootplan.BootDecision;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.model.Service;
import org.portmortem.report.Csv;
import org.portmortem.model.ServiceTrigger;

/**
 * Renders the services and drivers of a boot plan as a text table, CSV or a JSON array. It computes
 * nothing: every field comes from the model and the plan.
 */
public final class ServiceListing {
    private static final List<String> CSV_COLUMNS = List.of("name", "displayName", "type", "start", "startType",
            "imagePath", "serviceDll", "objectName", "group", "dependOnService", "dependOnGroup", "svchostGroup",
            "hostProcess", "delayedAutostart", "triggers", "willRun", "decision", "reason", "lastWritten",
            "lastWrittenLocal");

    private final BootPlan plan;
    private final List<BootPlanEntry> entries;
    private final MachineTimeZone zone;

    /**
     * @param plan the boot plan to list
     * @param runningOnly list only the entries that would run after boot
     */
    public ServiceListing(BootPlan plan, boolean runningOnly) {
        this.plan = plan;
        this.entries = runningOnly ? plan.running() : plan.entries();
        this.zone = plan.model().identity().timeZone();
    }

    /**
     * One object per service with the fields the issue lists, and the plan's decision and evidence.
     * The outputs make and write one row at a time, so a hive with a hundred thousand services
     * never has all its rows (with every piece of evidence) in memory at once.
     */
    private Map<String, Object> row(BootPlanEntry e) {
        Service s = e.service();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("displayName", s.displayName().isPresent() ? s.displayName().value().raw() : null);
        m.put("type", s.type().value());
        m.put("start", s.start().value());
        m.put("startType", s.startType().name());
        m.put("imagePath", s.imagePath().value());
        m.put("imageFile", s.image() == null ? null : s.image().file());
        m.put("serviceDll", s.serviceDll().value());
        m.put("objectName", s.objectName().value());
        m.put("group", s.group().value());
        m.put("dependOnService", s.dependsOnServices());
        m.put("dependOnGroup", s.dependsOnGroups());
        m.put("svchostGroup", s.svchostGroup());
        m.put("hostProcess", e.host().describe());
        m.put("delayedAutostart", s.isDelayedAutostart());
        m.put("triggers", triggers(s));
        m.put("willRun", e.willRun());
        m.put("decision", e.decision().name());
        m.put("reason", e.reason());
        m.put("failureChain", e.failureChain());
        m.put("requiredBy", e.requiredBy());
        m.put("lastWritten", utc(s.lastWritten()));
        m.put("lastWrittenLocal", local(s.lastWritten()));
        m.put("evidence", evidence(e.evidence()));
        return m;
    }

    private static List<Map<String, Object>> triggers(Service s) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ServiceTrigger t : s.triggers()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", t.type().name());
            m.put("action", t.start() ? "start" : "stop");
            m.put("subtype", t.subtype());
            m.put("subtypeName", t.subtypeName());
            m.put("data", t.data());
            m.put("firing", t.firing().name());
            m.put("firingReason", t.firingReason());
            out.add(m);
        }
        return out;
    }

    static List<Map<String, Object>> evidence(List<Evidence> list) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Evidence ev : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hive", ev.hive());
            m.put("key", ev.keyPath());
            m.put("value", ev.valueName());
            m.put("valueType", ev.valueType());
            m.put("data", ev.data());
            m.put("lastWritten", utc(ev.lastWritten()));
            m.put("note", ev.note());
            out.add(m);
        }
        return out;
    }

    static String utc(Instant t) {
        return t == null ? null : t.toString();
    }

    private String local(Instant t) {
        return t == null ? null : zone.toLocal(t).toString();
    }

    /** A JSON array of one {@link #row} per service. */
    public void json(PrintWriter out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        // The same bytes as writing the whole list at once: the generator keeps the indentation state.
        JsonGenerator g = mapper.writer().createGenerator(out);
        g.writeStartArray();
        for (BootPlanEntry e : entries) {
            mapper.writeValue(g, row(e));
        }
        g.writeEndArray();
        g.flush();
        out.println();
        out.flush();
    }

    /** CSV ({@link Csv}: RFC 4180, formula guard), one row per service, lists joined with {@code |}. */
    public void csv(PrintWriter out) {
        out.print(Csv.row(CSV_COLUMNS));
        for (BootPlanEntry e : entries) {
            Map<String, Object> row = row(e);
            List<String> cells = new ArrayList<>();
            for (String c : CSV_COLUMNS) {
                cells.add(csvCell(c.equals("triggers") ? triggerText(row) : row.get(c)));
            }
            out.print(Csv.row(cells));
        }
        out.flush();
    }

    @SuppressWarnings("unchecked")
    private static String triggerText(Map<String, Object> row) {
        List<String> parts = new ArrayList<>();
        for (Map<String, Object> t : (List<Map<String, Object>>) row.get("triggers")) {
            parts.add(t.get("action") + " on " + t.get("type") + (t.get("subtypeName") != null ? " (" + t.get("subtypeName")
                    + ")" : "") + ": " + t.get("firing"));
        }
        return String.join(" | ", parts);
    }

    /** A field's text for a CSV cell: a list joined with {@code |}, {@code null} empty. */
    private static String csvCell(Object v) {
        return v == null ? "" : v instanceof List<?> l ? String.join("|", l.stream().map(String::valueOf).toList())
                : String.valueOf(v);
    }

    /** A table a person reads: name, start, type, host process, decision and reason. */
    public void text(PrintWriter out) {
        int width = 4;
        for (BootPlanEntry e : entries) {
            width = Math.max(width, Math.min(TerminalText.NAME_WIDTH, TerminalText.of(e.name()).length()));
        }
        String fmt = "%-" + width + "s  %-5s %-6s %-9s %-18s %-34s %s%n";
        out.printf(fmt, "NAME", "START", "TYPE", "RUNS", "DECISION", "HOST", "REASON");
        for (BootPlanEntry e : entries) {
            Service s = e.service();
            out.printf(fmt, TerminalText.cell(e.name(), TerminalText.NAME_WIDTH),
                    s.start().isPresent() ? s.start().value() : "-",
                    s.type().isPresent() ? String.format("0x%x", s.type().value()) : "-", e.willRun() ? "yes" : "no",
                    e.decision().name(), TerminalText.cell(e.host().describe(), TerminalText.NAME_WIDTH),
                    TerminalText.cell(e.reason(), TerminalText.TEXT_WIDTH));
        }
        long running = plan.entries().stream().filter(BootPlanEntry::willRun).count();
        long failing = plan.entries().stream().filter(e -> e.decision() == BootDecision.FAILS_TO_START).count();
        out.printf("%n%d services and drivers; %d would run after boot; %d would fail to start.%n",
                plan.entries().size(), running, failing);
        out.flush();
    }
}
