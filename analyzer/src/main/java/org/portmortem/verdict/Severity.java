package org.portmortem.verdict;

import java.util.Locale;

/**
 * How urgently a finding deserves an examiner's attention, most severe first. What each level
 * means is data: {@link SeverityScale} (resource {@code severity-scale.json}) says it in words the
 * report prints.
 */
public enum Severity {
    /** Something the hives do not explain, or a service that exposes the host to remote compromise. */
    HIGH,
    /** A reachable network service that hardening guidance says to disable, or an inconsistency worth checking. */
    MEDIUM,
    /** A reachable service of small attack surface, or one the firewall limits. */
    LOW,
    /** Certain and benign, or an explanation rather than a problem. */
    INFO;

    /** One level less severe (a listener blocked by the host firewall); INFO stays INFO. */
    public Severity lower() {
        return this == INFO ? INFO : values()[ordinal() + 1];
    }

    /** Whether this is at least as severe as the other (HIGH is at least MEDIUM). */
    public boolean isAtLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** Lower-case word used in reports and JSON ({@code high}). */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The severity a data file names, case-insensitive ({@code "medium"}). */
    public static Severity parse(String word) {
        return valueOf(word.trim().toUpperCase(Locale.ROOT));
    }
}
