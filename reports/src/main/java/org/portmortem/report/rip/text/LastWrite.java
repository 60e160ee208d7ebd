package org.portmortem.report.rip.text;

import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;

/** A key's LastWrite time on a RegRipper line, e.g. {@code 2012-04-04 01:58:40Z}. */
final class LastWrite {
    /** What a key without a time shows (a .reg export holds none; RegRipper reads regf files only). */
    static final String NONE = "(not recorded)";

    private LastWrite() {}

    /** The LastWrite time of the key the fact was read from, as RegRipper prints it, or {@link #NONE}. */
    static String of(RipFact f) {
        return f.lastWritten() == null ? NONE : RegRipperData.time(f.lastWritten());
    }
}
