package org.portmortem.report.text;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.portmortem.bootplan.BootDecision;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.model.Service;
import org.portmortem.model.ServiceTrigger;
import org.portmortem.report.Csv;
import org.portmortem.report.json.JsonContext;
import org.portmortem.report.json.JsonFields;
import org.portmortem.report.json.ServiceJson;

/**
 * Renders the services and drivers of a boot plan as a text table, CSV or a JSON array (the report's
 * boot plan entries, {@link ServiceJson}). It computes nothing: every field comes from the model and
 * the plan.
 */
public final class ServiceListing {
    private static final List<String> CSV_COLUMNS = List.of(
            "name",
            "displayName",
            "type",
            "start",
            "startType",
            "imagePath",
            "serviceDll",
            "objectName",
            "group",
            "dependOnService",
            "dependOnGroup",
            "svchostGroup",
            "hostProcess",
            "delayedAutostart",
            "triggers",
            "willRun",
            "decision",
            "reason",
            "lastWritten",
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
     * A JSON array of the entries, each as the report's {@code bootPlan} entries write it (same keys,
     * same ids), in the plan's order. Written one entry at a time, so that a hive with a hundred
     * thousand services never has every entry (with its evidence) in memory at once.
     */
    public void json(PrintWriter out) throws IOException {
        JsonContext c = JsonContext.of(plan, null);
        try (JsonGenerator g = JsonFields.indented(out)) {
            g.writeStartArray();
            for (BootPlanEntry e : entries) {
                ObjectNode n = JsonFields.object();
                ServiceJson.write(n, e, c);
                JsonFields.write(g, n);
            }
            g.writeEndArray();
        }
        out.println();
        out.flush();
    }

    /** CSV ({@link Csv}: RFC 4180, formula guard), one row per service, lists joined with {@code |}. */
    public void csv(PrintWriter out) {
        out.print(Csv.row(CSV_COLUMNS));
        for (BootPlanEntry e : entries) {
            Service s = e.service();
            out.print(Csv.row(Arrays.asList(
                            s.name(),
                            s.displayName().isPresent()
                                    ? s.displayName().value().raw()
                                    : null,
                            cell(s.type().value()),
                            cell(s.start().value()),
                            s.startType().name(),
                            s.imagePath().value(),
                            s.serviceDll().value(),
                            s.objectName().value(),
                            s.group().value(),
                            String.join("|", s.dependsOnServices()),
                            String.join("|", s.dependsOnGroups()),
                            s.svchostGroup(),
                            e.host().describe(),
                            String.valueOf(s.isDelayedAutostart()),
                            triggerText(s),
                            String.valueOf(e.willRun()),
                            e.decision().name(),
                            e.reason(),
                            s.lastWritten() == null ? null : s.lastWritten().toString(),
                            s.lastWritten() == null
                                    ? null
                                    : zone.toLocal(s.lastWritten()).toString())
                    .stream()
                    .map(v -> v == null ? "" : v)
                    .toList()));
        }
        out.flush();
    }

    private static String cell(Integer v) {
        return v == null ? null : v.toString();
    }

    private static String triggerText(Service s) {
        List<String> parts = new ArrayList<>();
        for (ServiceTrigger t : s.triggers()) {
            parts.add((t.start() ? "start" : "stop") + " on " + t.type().name()
                    + (t.subtypeName() != null ? " (" + t.subtypeName() + ")" : "") + ": "
                    + t.firing().name());
        }
        return String.join(" | ", parts);
    }

    /** A table a person reads: name, start, type, host process, decision and reason. */
    public void text(PrintWriter out) {
        int width = 4;
        for (BootPlanEntry e : entries) {
            width = Math.max(
                    width,
                    Math.min(TerminalText.NAME_WIDTH, TerminalText.of(e.name()).length()));
        }
        String fmt = "%-" + width + "s  %-5s %-6s %-9s %-18s %-34s %s%n";
        out.printf(fmt, "NAME", "START", "TYPE", "RUNS", "DECISION", "HOST", "REASON");
        for (BootPlanEntry e : entries) {
            Service s = e.service();
            out.printf(
                    fmt,
                    TerminalText.cell(e.name(), TerminalText.NAME_WIDTH),
                    s.start().isPresent() ? s.start().value() : "-",
                    s.type().isPresent() ? String.format("0x%x", s.type().value()) : "-",
                    e.willRun() ? "yes" : "no",
                    e.decision().name(),
                    TerminalText.cell(e.host().describe(), TerminalText.NAME_WIDTH),
                    TerminalText.cell(e.reason(), TerminalText.TEXT_WIDTH));
        }
        long running = plan.entries().stream().filter(BootPlanEntry::willRun).count();
        long failing = plan.entries().stream()
                .filter(e -> e.decision() == BootDecision.FAILS_TO_START)
                .count();
        out.printf(
                "%n%d services and drivers; %d would run after boot; %d would fail to start.%n",
                plan.entries().size(), running, failing);
        out.flush();
    }
}
