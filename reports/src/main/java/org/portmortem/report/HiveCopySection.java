package org.portmortem.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jsoup.nodes.Element;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.HiveCopy;
import org.portmortem.analysis.MachineTime;
import org.portmortem.evidence.Evidence;

/**
 * The report section on older hive copies (RegBack, repair, Volume Shadow Copy exports): per copy, its
 * status and a table of what differs from the live hives, with the evidence from both. Kept apart from
 * {@link HtmlReport}'s layout; every string from the image goes through {@link VisibleText}.
 */
final class HiveCopySection {
    private final Analysis a;

    HiveCopySection(Analysis a) {
        this.a = a;
    }

    /** Appends the section to the body, or nothing when the case has no older copy. */
    void append(Element body) {
        if (a.hiveCopies().isEmpty()) {
            return;
        }
        Element s = body.appendElement("section").id("hive-copies");
        s.appendElement("h2").text("Older hive copies");
        s.appendElement("p")
                .text("Each older copy of the hives found with the analysed ones is read through the same"
                        + " stages and compared with them: services and drivers whose Start, ImagePath or ObjectName differ,"
                        + " and the listeners predicted from one and not the other. A change made after the copy was taken"
                        + " shows here.");
        for (HiveCopy c : a.hiveCopies()) {
            Element h = s.appendElement("h3");
            VisibleText.append(h, c.kind() + ": " + c.path());
            Element p = s.appendElement("p");
            VisibleText.append(
                    p,
                    c.status()
                            + (c.lastWritten() == null
                                    ? ""
                                    : "; base block last written "
                                            + a.time(c.lastWritten()).utcText()));
            if (c.differences().isEmpty()) {
                continue;
            }
            differences(s, c.differences(), "Live", "Copy", a::time);
        }
    }

    /**
     * A table of differences with the evidence from both sides: also {@code portmortem diff --html}'s,
     * with A and B in place of live and copy.
     *
     * @param first the heading of the first side's columns ("Live", "A")
     * @param second the heading of the second side's columns ("Copy", "B")
     * @param time how a last-write time is shown
     */
    static void differences(
            Element parent,
            List<HiveCopy.Difference> differences,
            String first,
            String second,
            Function<Instant, MachineTime> time) {
        Element table = parent.appendElement("table").addClass("hive-copy");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String t : List.of(
                "Subject",
                "Kind",
                "Field",
                first,
                second,
                "Evidence (" + inText(first) + ")",
                "Evidence (" + inText(second) + ")")) {
            head.appendElement("th").attr("scope", "col").text(t);
        }
        Element tb = table.appendElement("tbody");
        for (HiveCopy.Difference d : differences) {
            Element tr = tb.appendElement("tr");
            VisibleText.append(tr.appendElement("td").addClass("mono"), d.subject());
            tr.appendElement("td").text(d.kind());
            tr.appendElement("td").text(d.field());
            value(tr, d.live());
            value(tr, d.copy());
            evidence(tr.appendElement("td"), d.liveEvidence(), time);
            evidence(tr.appendElement("td"), d.copyEvidence(), time);
        }
    }

    /** A side's heading inside a sentence: "live", but the letters A and B as they are. */
    private static String inText(String side) {
        return side.length() == 1 ? side : side.toLowerCase(Locale.ROOT);
    }

    private static void value(Element tr, String v) {
        Element td = tr.appendElement("td").addClass("mono");
        if (v == null) {
            td.appendElement("span").addClass("absent").text("absent");
        } else {
            VisibleText.append(td, v);
        }
    }

    private static void evidence(Element td, List<Evidence> evidence, Function<Instant, MachineTime> time) {
        for (Evidence e : evidence) {
            Element div = td.appendElement("div").addClass("mono");
            VisibleText.append(
                    div,
                    e.hive() + "\\" + e.keyPath()
                            + (e.valueName() == null
                                    ? ""
                                    : " : " + (e.valueName().isEmpty() ? "(default)" : e.valueName()))
                            + (e.data() == null ? "" : " = " + e.data()));
            if (e.lastWritten() != null) {
                div.appendElement("br");
                div.appendElement("span")
                        .addClass("muted")
                        .text("written " + time.apply(e.lastWritten()).utcText());
            }
        }
    }
}
