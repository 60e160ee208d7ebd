package org.portmortem.report.rip.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RipFact;

/**
 * A plugin's facts split by group, groups and columns in the order they first appear.
 *
 * @param groups the facts of each group, by group name
 * @param columns the fact names, in the order they first appear
 */
public record FactGroups(Map<String, List<RipFact>> groups, List<String> columns) {

    /** Splits facts by group. */
    public static FactGroups of(List<RipFact> facts) {
        Map<String, List<RipFact>> groups = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>();
        for (RipFact f : facts) {
            groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f);
            if (!columns.contains(f.name())) {
                columns.add(f.name());
            }
        }
        return new FactGroups(groups, columns);
    }

    /** The data of the fact of that name in a group, "" where there is none or it is absent. */
    public static String cell(List<RipFact> group, String column) {
        for (RipFact f : group) {
            if (f.name().equals(column)) {
                return f.data() == null ? "" : f.data();
            }
        }
        return "";
    }
}
