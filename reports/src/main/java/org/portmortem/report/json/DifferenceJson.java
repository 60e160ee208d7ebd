package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.portmortem.analysis.HiveCopy;

/**
 * A difference between two hive states (the live hives and an older copy in the report's {@code
 * hiveCopies[]}; two cases in {@code diff}): {@code {subject, kind, field, <first>, <second>,
 * <first>Evidence[], <second>Evidence[]}}, the two sides named by the caller ({@code live}/{@code copy},
 * {@code a}/{@code b}), each side's evidence in its own machine's clock.
 */
public final class DifferenceJson {
    private DifferenceJson() {}

    /** Names of the two sides and the clock of each. */
    public record Sides(String first, JsonContext firstClock, String second, JsonContext secondClock) {}

    /** One difference into {@code n}. */
    public static void write(ObjectNode n, HiveCopy.Difference d, Sides sides) {
        n.put("subject", d.subject());
        n.put("kind", d.kind());
        n.put("field", d.field());
        n.put(sides.first(), d.live());
        n.put(sides.second(), d.copy());
        EvidenceJson.array(n.putArray(sides.first() + "Evidence"), d.liveEvidence(), sides.firstClock());
        EvidenceJson.array(n.putArray(sides.second() + "Evidence"), d.copyEvidence(), sides.secondClock());
    }
}
