package org.portmortem.report.rip;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.portmortem.report.rip.text.FactGroups;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipRun;

/**
 * Plugin facts as TLN, the five-field timeline format of RegRipper's {@code _tln} plugins:
 * {@code time|source|system|user|description}, time in Unix seconds, source {@code REG}, one line per
 * group that has a LastWrite time, e.g.
 * {@code 1333763311|REG|WKS-WIN732BITA||svc: BITS - DisplayName=...; Start=Manual}.
 */
public final class RipTimeline {
    private RipTimeline() {}

    /** Writes one TLN line per timed group of the runs of plugins that have a timeline variant. */
    public static void write(List<RipRun> runs, String system, PrintWriter out) {
        for (RipRun run : runs) {
            if (!run.plugin().hasTimeline()) {
                continue;
            }
            for (Map.Entry<String, List<RipFact>> e : FactGroups.of(run.facts()).groups().entrySet()) {
                RipFact first = e.getValue().get(0);
                if (first.lastWritten() == null) {
                    continue;
                }
                String what = e.getValue().stream().filter(f -> f.data() != null && !f.data().isEmpty()
                                && !f.name().equals("Name"))
                        .map(f -> f.name() + "=" + f.data()).collect(Collectors.joining("; "));
                out.println(first.lastWritten().getEpochSecond() + "|REG|" + clean(system) + "||"
                        + clean(run.plugin().name() + ": " + e.getKey() + (what.isEmpty() ? "" : " - " + what)));
            }
        }
        out.flush();
    }

    /** TLN fields may not hold the separator or line breaks. */
    private static String clean(String s) {
        return s == null ? "" : s.replace('|', '/').replace('\n', ' ').replace('\r', ' ');
    }
}
