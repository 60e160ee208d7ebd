package org.portmortem.report.rip;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.report.rip.text.PluginText;
import org.portmortem.report.rip.text.PluginTexts;
import org.portmortem.ripper.RipRun;

/**
 * Plugin output laid out as RegRipper lays it out, so an examiner can diff the two: each plugin's
 * banner and lines as its {@link PluginText} writes them (RegRipper 3.0's layout, line for line, for
 * the plugins RegRipper has). What PortMortem did differently (control set, log replay, reader
 * warnings) follows the banner on lines starting {@code PortMortem:}.
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
        PluginText text = PluginTexts.of(run.plugin());
        text.banner(run.plugin(), notes, out);
        if (run.error() != null) {
            out.println("Error: " + run.error());
            return;
        }
        text.write(run.facts(), out);
    }
}
