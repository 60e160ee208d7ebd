package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.ripper.RipFact;

/**
 * shutdown v.20200518: {@code PATH key, ShutdownTime value}, {@code LastWrite time: TIME} (the
 * Control\Windows key's), then {@code ShutdownTime  : TIME}; a missing key prints
 * {@code PATH not found.}
 *
 * <p>Where the key has no ShutdownTime value, RegRipper dies on {@code get_data} of the missing value
 * and prints nothing after the LastWrite line; PortMortem says {@code ShutdownTime value not found.},
 * RegRipper's own words for a value without data.
 */
final class ShutdownText implements PluginText {
    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact f = facts.get(0);
        if (KeyLines.missing(f, " not found.", out)) {
            return;
        }
        out.println(f.group() + " key, ShutdownTime value");
        out.println("LastWrite time: " + KeyLines.lastWrite(f));
        out.println(f.isAbsent() ? "ShutdownTime value not found." : "ShutdownTime  : " + f.data());
    }
}
