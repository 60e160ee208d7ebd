package org.portmortem.report.rip;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipRun;

/**
 * Plugin output laid out as RegRipper lays it out, so an examiner can diff the two: the banner
 * ({@code name v.VERSION} and {@code (Hive) description}), then per group its heading, LastWrite
 * time and {@code name = data} lines, or a table, or comma-separated rows, as the plugin's
 * {@link org.portmortem.ripper.RipLayout} says. What PortMortem did differently (log replay) follows
 * the banner on lines starting {@code PortMortem:}.
 */
public final class RegRipperText {
    /** RegRipper's separator between the plugins of a profile run. */
    static final String SEPARATOR = "-".repeat(40);

    private RegRipperText() {}

    /** Writes the runs, separated as a RegRipper profile run separates plugins. */
    public static void write(List<RipRun> runs, List<String> notes, PrintWriter out) {
        boolean first = true;
        for (RipRun run : runs) {
            if (!first) {
                out.println(SEPARATOR);
            }
            first = false;
            write(run, notes, out);
        }
        out.flush();
    }

    private static void write(RipRun run, List<String> notes, PrintWriter out) {
        String version = run.plugin().regRipperVersion().isEmpty() ? "PortMortem" : run.plugin().regRipperVersion();
        out.println(run.plugin().name() + " v." + version);
        out.println("(" + run.plugin().hiveType().regRipperName() + ") " + run.plugin().description());
        notes.forEach(n -> out.println("PortMortem: " + n));
        out.println();
        if (run.error() != null) {
            out.println("Error: " + run.error());
            return;
        }
        FactGroups g = FactGroups.of(run.facts());
        switch (run.plugin().layout()) {
            case TABLE -> table(g, out);
            case CSV -> csv(g, out);
            default -> list(g, out);
        }
    }

    private static void list(FactGroups g, PrintWriter out) {
        for (Map.Entry<String, List<RipFact>> e : g.groups().entrySet()) {
            List<RipFact> facts = e.getValue();
            if (facts.size() == 1 && facts.get(0).isAbsent() && facts.get(0).name().equals(e.getKey())) {
                out.println(e.getKey() + " not found.");
                out.println();
                continue;
            }
            if (!e.getKey().isEmpty()) {
                out.println(e.getKey());
                if (facts.get(0).lastWritten() != null && !e.getKey().equals(time(facts.get(0)))) {
                    out.println("LastWrite Time " + time(facts.get(0)));
                }
            }
            for (RipFact f : facts) {
                out.println(f.isAbsent() ? "  " + f.name() + " value not found." : "  " + f.name() + " = " + f.data());
            }
            out.println();
        }
    }

    private static void table(FactGroups g, PrintWriter out) {
        if (absentOnly(g, out)) {
            return;
        }
        out.println(String.join(" ", g.columns().stream().map(c -> String.format("%-20s", c)).toList()).stripTrailing());
        for (List<RipFact> row : g.groups().values()) {
            out.println(String.join(" ", g.columns().stream()
                    .map(c -> String.format("%-20s", FactGroups.cell(row, c))).toList()).stripTrailing());
        }
    }

    private static void csv(FactGroups g, PrintWriter out) {
        if (absentOnly(g, out)) {
            return;
        }
        out.println("Time," + String.join(",", g.columns()));
        for (List<RipFact> row : g.groups().values()) {
            StringBuilder line = new StringBuilder(row.get(0).lastWritten() == null ? "" : time(row.get(0)));
            g.columns().forEach(c -> line.append(',').append(CsvCells.quote(FactGroups.cell(row, c))));
            out.println(line);
        }
    }

    /** A plugin whose only fact is a missing key prints RegRipper's "... not found." line. */
    private static boolean absentOnly(FactGroups g, PrintWriter out) {
        if (g.groups().size() == 1) {
            List<RipFact> only = g.groups().values().iterator().next();
            if (only.size() == 1 && only.get(0).isAbsent()) {
                out.println(only.get(0).name() + " not found.");
                return true;
            }
        }
        return false;
    }

    private static String time(RipFact f) {
        return RegRipperData.time(f.lastWritten());
    }
}
