package org.portmortem.report.rip;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.report.Csv;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipRun;

/**
 * Plugin facts as CSV, one row per fact with its evidence: plugin, group, name, data (empty and
 * {@code absent} = true where the value or key is missing), lastWritten (ISO 8601 UTC), hive,
 * keyPath, valueName, valueType. A plugin that failed gives one row with its error. Written by
 * {@link Csv}: RFC 4180, CRLF, cells a spreadsheet would evaluate prefixed.
 */
public final class RipCsv {
    static final List<String> HEADER = List.of(
            "plugin",
            "group",
            "name",
            "data",
            "absent",
            "lastWritten",
            "hive",
            "keyPath",
            "valueName",
            "valueType",
            "error");

    private RipCsv() {}

    /** Writes the header and one row per fact. */
    public static void write(List<RipRun> runs, PrintWriter out) {
        out.print(Csv.row(HEADER));
        for (RipRun run : runs) {
            if (run.error() != null) {
                row(out, run.plugin().name(), "", "", "", "", "", "", "", "", "", run.error());
            }
            for (RipFact f : run.facts()) {
                Evidence e = f.evidence();
                row(
                        out,
                        run.plugin().name(),
                        f.group(),
                        f.name(),
                        f.data(),
                        Boolean.toString(f.isAbsent()),
                        f.lastWritten() == null ? "" : f.lastWritten().toString(),
                        e.hive(),
                        e.keyPath(),
                        e.valueName(),
                        e.valueType(),
                        "");
            }
        }
        out.flush();
    }

    private static void row(PrintWriter out, String... cells) {
        out.print(Csv.row(cells));
    }
}
