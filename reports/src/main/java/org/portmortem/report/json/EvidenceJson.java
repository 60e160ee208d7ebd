package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.portmortem.evidence.Evidence;

/**
 * A registry fact: {@code {hive, keyPath, valueName, valueType, data, lastWritten, note}}, {@code
 * valueName} {@code null} when the fact is the key itself, {@code data} {@code null} when the value is
 * absent, {@code lastWritten} a time {@code {utc, local}} or {@code null}.
 */
public final class EvidenceJson {
    private EvidenceJson() {}

    /** The fields of one record into {@code n}. */
    public static void write(ObjectNode n, Evidence e, JsonContext c) {
        n.put("hive", e.hive());
        n.put("keyPath", e.keyPath());
        n.put("valueName", e.valueName());
        n.put("valueType", e.valueType());
        n.put("data", e.data());
        JsonFields.instant(n, "lastWritten", e.lastWritten(), c);
        n.put("note", e.note());
    }

    /** Every record, in order, into {@code arr}. */
    public static void array(ArrayNode arr, List<Evidence> evidence, JsonContext c) {
        evidence.forEach(e -> write(arr.addObject(), e, c));
    }

    /** One record as {@code field} of {@code parent}, or {@code null}. */
    public static void orNull(ObjectNode parent, String field, Evidence e, JsonContext c) {
        if (e == null) {
            parent.putNull(field);
        } else {
            write(parent.putObject(field), e, c);
        }
    }
}
