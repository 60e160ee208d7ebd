package org.portmortem.verdict;

import java.util.List;
import java.util.Objects;
import org.portmortem.exposure.Listener;

/**
 * A predicted listener that a snapshot does not show, with the candidate explanations.
 *
 * @param listener the predicted listener
 * @param explanations what could explain it, most likely first, each with how to tell them apart
 */
public record AbsentListener(Listener listener, List<AbsenceExplanation> explanations) {

    public AbsentListener {
        Objects.requireNonNull(listener, "listener");
        explanations = List.copyOf(explanations);
    }
}
