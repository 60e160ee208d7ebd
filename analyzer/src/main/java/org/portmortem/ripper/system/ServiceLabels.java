package org.portmortem.ripper.system;

import org.portmortem.model.Evidenced;
import org.portmortem.model.Service;
import org.portmortem.ripper.LabelTable;

/**
 * The words RegRipper's services and svc plugins print for a service's Type and Start numbers, read
 * from {@code service-labels.properties}.
 */
final class ServiceLabels {
    private static final LabelTable LABELS = LabelTable.load("service-labels.properties");

    private ServiceLabels() {}

    /** Type as a word where RegRipper has one (e.g. {@code Share_Process}), else {@code 0x} and hex; "" if absent. */
    static String type(Service s) {
        return label("type.", s.type(), true);
    }

    /** Start as a word (e.g. {@code Auto Start}), else the number in decimal; "" if absent. */
    static String start(Service s) {
        return label("start.", s.start(), false);
    }

    private static String label(String prefix, Evidenced<Integer> n, boolean hex) {
        if (!n.isPresent()) {
            return "";
        }
        String word = LABELS.word(prefix, Integer.toUnsignedLong(n.value()));
        return word != null ? word : hex ? "0x" + Integer.toHexString(n.value()) : Integer.toUnsignedString(n.value());
    }

    /** A string fact of the model as RegRipper prints it: as stored, or "" when absent. */
    static String text(Evidenced<?> e) {
        return e.isPresent() ? e.value().toString() : "";
    }
}
