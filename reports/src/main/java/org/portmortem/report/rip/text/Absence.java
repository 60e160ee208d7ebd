package org.portmortem.report.rip.text;

import org.portmortem.ripper.RipFact;

/** What an absent fact lacks: RegRipper words a missing key and a missing value differently. */
final class Absence {
    private Absence() {}

    /** Whether the fact records a key that is absent (not merely a value missing from a key). */
    static boolean ofKey(RipFact f) {
        return f.isAbsent() && f.evidence().valueName() == null;
    }

    /** Whether the fact records a value missing from a key that exists. */
    static boolean ofValue(RipFact f) {
        return f.isAbsent() && f.evidence().valueName() != null;
    }
}
