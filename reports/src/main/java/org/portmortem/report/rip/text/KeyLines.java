package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;

/**
 * What RegRipper prints about a key itself, for plugins whose first fact is the key's value or
 * subkey count ({@link org.portmortem.ripper.system.KeyFacts}) or its absence: its LastWrite time, and
 * {@code PATH not found.} (or the plugin's own words) when it is missing.
 */
final class KeyLines {
    /** What a key without a time shows (a .reg export holds none; RegRipper reads regf files only). */
    static final String NO_TIME = "(not recorded)";

    private KeyLines() {}

    /** The LastWrite time of the key the fact was read from, as RegRipper prints it, or {@link #NO_TIME}. */
    static String lastWrite(RipFact f) {
        return f.lastWritten() == null ? NO_TIME : RegRipperData.time(f.lastWritten());
    }

    /**
     * Prints {@code GROUP WORDS} (e.g. {@code ControlSet001\...\PersistentRoutes not found.}) if the fact
     * records a missing key.
     *
     * @return whether it did, so the plugin prints nothing more
     */
    static boolean missing(RipFact key, String words, PrintWriter out) {
        if (Absence.ofKey(key)) {
            out.println(key.group() + words);
        }
        return Absence.ofKey(key);
    }

    /** Whether a count fact says the key has no values or no subkeys. */
    static boolean none(RipFact count) {
        return "0".equals(count.data());
    }
}
