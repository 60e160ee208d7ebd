package org.portmortem.verdict;

import java.util.List;
import java.util.Objects;
import org.portmortem.evidence.Evidence;

/**
 * One candidate reason why a predicted listener is not in a snapshot, and how to tell it from the
 * others.
 *
 * @param cause the kind of reason
 * @param explanation the reason for this listener, in a sentence
 * @param howToTell what to look at to confirm or rule it out
 * @param evidence registry facts that bear on it (e.g. the service key with its last-write time),
 *     possibly empty
 */
public record AbsenceExplanation(Cause cause, String explanation, String howToTell, List<Evidence> evidence) {

    /** The reasons a predicted listener can be missing from a snapshot. */
    public enum Cause {
        /** The service was stopped by hand (net stop, services.msc) before the snapshot. */
        STOPPED_BY_HAND,
        /** A trigger-start or demand-start service whose trigger had not fired when the snapshot was taken. */
        TRIGGER_NOT_FIRED,
        /** The configuration was changed after the snapshot: the hives describe a later state. */
        CHANGED_AFTER_SNAPSHOT,
        /** The listing shows only part of the sockets ({@code -p tcp}, a {@code find} excerpt). */
        LISTING_INCOMPLETE,
        /** The prediction itself is not certain. */
        PREDICTION_UNCERTAIN
    }

    public AbsenceExplanation {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(howToTell, "howToTell");
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
