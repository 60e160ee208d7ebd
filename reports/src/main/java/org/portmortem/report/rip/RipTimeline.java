package org.portmortem.report.rip;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.report.rip.text.PluginText;
import org.portmortem.report.rip.text.PluginTexts;
import org.portmortem.ripper.RipRun;

/**
 * Plugin facts as TLN, the five-field timeline format of RegRipper's {@code _tln} plugins:
 * {@code time|source|system|user|description}, laid out per plugin by {@link PluginText#timeline}.
 */
public final class RipTimeline {
    private RipTimeline() {}

    /** Writes the TLN lines of the runs of plugins that have a timeline variant, each as its {@link PluginText} lays them out. */
    public static void write(List<RipRun> runs, String system, PrintWriter out) {
        for (RipRun run : runs) {
            if (run.plugin().hasTimeline()) {
                PluginTexts.of(run.plugin()).timeline(run.plugin(), run.facts(), system, out);
            }
        }
        out.flush();
    }
}
