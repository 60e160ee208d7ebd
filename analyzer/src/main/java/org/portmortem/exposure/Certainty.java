package org.portmortem.exposure;

import java.util.Objects;
import org.portmortem.RecordHash;

/**
 * How sure a prediction is, with the reason when it is less than certain.
 *
 * @param level certain, likely or uncertain
 * @param reason why it is not certain (or, for certain ones, may be {@code null})
 */
public record Certainty(Level level, String reason) {

    /** The three degrees of confidence a prediction carries. */
    public enum Level {
        /** Backed by a primary source or an observation on the same Windows family. */
        CERTAIN,
        /** Backed by sources that do not cover this exact case, or by the default of a setting. */
        LIKELY,
        /** Knowledge is incomplete: the reason says what is not known. */
        UNCERTAIN
    }

    public Certainty {
        Objects.requireNonNull(level, "level");
    }

    /** A certain prediction. */
    public static Certainty certain() {
        return new Certainty(Level.CERTAIN, null);
    }

    /** The weaker of two certainties (the reasons joined when both are weak). */
    public Certainty weakest(Certainty other) {
        if (other.level.ordinal() > level.ordinal()) {
            return other;
        }
        if (other.level == level && level != Level.CERTAIN && other.reason != null && !other.reason.equals(reason)) {
            return new Certainty(level, reason == null ? other.reason : reason + "; " + other.reason);
        }
        return this;
    }

    @Override
    public String toString() {
        return reason == null ? level.name().toLowerCase() : level.name().toLowerCase() + " (" + reason + ")";
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Certainty that
                        && Objects.equals(level, that.level)
                        && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(level, reason);
    }
}
