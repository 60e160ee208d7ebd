package org.portmortem.model;

import org.portmortem.evidence.Evidence;

/**
 * Something in the hives that the model could not read as expected, or that an examiner should look
 * at, while the rest of the model was still built (e.g. {@code Select\Current} naming a missing
 * control set, a service key without a Start value, a dependency cycle).
 *
 * @param message one line saying what was found and what the model did about it
 * @param evidence the registry fact the warning is about, or {@code null} when it is about the input
 *     as a whole (e.g. no SOFTWARE hive)
 */
public record ModelWarning(String message, Evidence evidence) {
    @Override
    public String toString() {
        return evidence == null ? message : message + " [" + evidence.hive() + "\\" + evidence.keyPath() + "]";
    }
}
