package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.portmortem.hive.KeyPaths;
import org.portmortem.model.StartDifference;
import org.portmortem.model.StartType;
import org.portmortem.model.SystemModel;

/** Findings from the system model alone. */
final class ModelFindings {
    private ModelFindings() {}

    /**
     * A service whose Start value differs between control sets: a change made in one set only, worth
     * attention (the next boot uses the set in use; Last Known Good another). Medium.
     */
    static List<Finding> startDifferences(SystemModel model) {
        List<Finding> out = new ArrayList<>();
        int inUse = model.controlSets().inUse();
        for (StartDifference d : model.controlSets().startDifferences()) {
            String values = d.startBySet().entrySet().stream()
                    .map(e -> KeyPaths.controlSetName(e.getKey()) + (e.getKey() == inUse ? " (in use)" : "") + ": "
                            + words(e.getValue()))
                    .collect(Collectors.joining(", "));
            out.add(new Finding(
                    "model.start-differs:" + d.service(),
                    Severity.MEDIUM,
                    Finding.Basis.MODEL,
                    "Start of " + d.service() + " differs between control sets",
                    "The Start value of " + d.service() + " is not the same in every control set (" + values + "). A"
                            + " change made in one set only is worth attention: the next boot uses "
                            + KeyPaths.controlSetName(inUse) + ", while Last Known Good boots another set, and a"
                            + " service re-enabled there comes back.",
                    List.of(),
                    List.of(),
                    d.evidence(),
                    List.of(),
                    "system model: Start compared across every ControlSet00N key"));
        }
        return out;
    }

    private static String words(Integer start) {
        return start == null
                ? "absent"
                : start + " (" + StartType.of(start).name().toLowerCase() + ")";
    }
}
