package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.system.KeyFacts;

/**
 * timezone v.20200518: {@code TimeZoneInformation key}, the key path and {@code LastWrite Time},
 * then {@code DaylightName}, {@code StandardName}, {@code Bias}, {@code ActiveTimeBias} and, where
 * the value exists, {@code TimeZoneKeyName}, each as {@code "  %-15s-> data"}. As RegRipper does, a
 * missing name prints empty and a missing bias prints {@code 0 (0 hours)} (Perl's undef packed as
 * 0); a key without values prints {@code PATH has no values.}, a missing key
 * {@code PATH could not be found.}
 *
 * <p>RegRipper prints a value's data past its first NUL (it chops one terminator only), so on a
 * hive whose TimeZoneKeyName holds a NUL and memory garbage after the name RegRipper prints the
 * garbage; PortMortem prints the name, cut at the NUL as Windows reads it.
 */
final class TimeZoneText implements PluginText {
    private static final List<String> BIASES = List.of("Bias", "ActiveTimeBias");

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact first = facts.get(0);
        if (KeyLines.missing(first, " could not be found.", out)) {
            return;
        }
        out.println("TimeZoneInformation key");
        out.println(first.group());
        out.println("LastWrite Time " + KeyLines.lastWrite(first));
        if (first.name().equals(KeyFacts.VALUES) && KeyLines.none(first)) {
            out.println(first.group() + " has no values.");
            return;
        }
        for (RipFact f : facts) {
            String data = !f.isAbsent() ? f.data() : BIASES.contains(f.name()) ? "0 (0 hours)" : "";
            out.println(String.format("  %-15s-> ", f.name()) + data);
        }
    }
}
