package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipLayout;

/**
 * The layout of a plugin RegRipper 3.0 does not have (PortMortem's additions): under each group its
 * heading, LastWrite time and {@code name = data} lines, or a table, or comma-separated rows, as the
 * plugin's {@link RipLayout} says.
 */
final class GenericText implements PluginText {
    private final RipLayout layout;

    GenericText(RipLayout layout) {
        this.layout = layout;
    }

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        FactGroups g = FactGroups.of(facts);
        switch (layout) {
            case TABLE -> table(g, out);
            case CSV -> csv(g, out);
            default -> list(g, out);
        }
    }

    private static void list(FactGroups g, PrintWriter out) {
        for (Map.Entry<String, List<RipFact>> e : g.groups().entrySet()) {
            List<RipFact> facts = e.getValue();
            if (facts.size() == 1
                    && facts.get(0).isAbsent()
                    && facts.get(0).name().equals(e.getKey())) {
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
        out.println(String.join(
                        " ",
                        g.columns().stream().map(c -> String.format("%-20s", c)).toList())
                .stripTrailing());
        for (List<RipFact> row : g.groups().values()) {
            out.println(String.join(
                            " ",
                            g.columns().stream()
                                    .map(c -> String.format("%-20s", FactGroups.cell(row, c)))
                                    .toList())
                    .stripTrailing());
        }
    }

    private static void csv(FactGroups g, PrintWriter out) {
        if (absentOnly(g, out)) {
            return;
        }
        out.println("Time," + String.join(",", g.columns()));
        for (List<RipFact> row : g.groups().values()) {
            StringBuilder line = new StringBuilder(row.get(0).lastWritten() == null ? "" : time(row.get(0)));
            g.columns().forEach(c -> line.append(',').append(RegRipperCsvLine.cell(FactGroups.cell(row, c))));
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
