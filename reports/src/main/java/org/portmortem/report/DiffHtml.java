package org.portmortem.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.portmortem.analysis.HiveCopy;
import org.portmortem.analysis.MachineTime;

/**
 * {@code portmortem diff --html}: two cases side by side as one self-contained page in the report's
 * style: what each side is, the services and drivers that differ, the listeners predicted for one and
 * not the other, each with the registry evidence from both sides. Lays out what the comparison found;
 * every string from a case goes through {@link VisibleText}.
 */
public final class DiffHtml {
    private DiffHtml() {}

    /**
     * One side of the comparison.
     *
     * @param name the case as given (folder or image path)
     * @param listeners how many listeners are predicted for it
     * @param notes how its hives were found and read (which installation of an image, which control set)
     */
    public record Side(String name, int listeners, List<String> notes) {
        public Side {
            notes = List.copyOf(notes);
        }
    }

    /** The page. */
    public static Document document(Side a, Side b, List<HiveCopy.Difference> differences, String toolVersion) {
        Document doc = PageShell.create("PortMortem diff: " + a.name() + " and " + b.name(), toolVersion);
        Element body = doc.body();
        Element header = body.appendElement("header");
        header.appendElement("h1").text("PortMortem diff");
        side(header, "A", a);
        side(header, "B", b);
        header.appendElement("p")
                .text(differences.size() + " difference" + (differences.size() == 1 ? "" : "s")
                        + ". Each case was read through the same stages as analyze (system model, boot plan, exposure);"
                        + " an absent value is a service, driver or listener only one side has.");
        List<HiveCopy.Difference> services =
                differences.stream().filter(d -> !d.kind().equals("listener")).toList();
        List<HiveCopy.Difference> listeners =
                differences.stream().filter(d -> d.kind().equals("listener")).toList();
        section(
                body,
                "services",
                "Services and drivers",
                "No service or driver differs in Start, ImagePath or ObjectName.",
                services);
        section(body, "listeners", "Listeners", "The same listeners are predicted for both.", listeners);
        return doc;
    }

    /** Writes the page, UTF-8. */
    public static void write(Side a, Side b, List<HiveCopy.Difference> differences, String toolVersion, Path file)
            throws IOException {
        PageShell.write(document(a, b, differences, toolVersion), file);
    }

    private static void side(Element header, String letter, Side s) {
        Element p = header.appendElement("p");
        p.appendElement("strong").text(letter + ": ");
        VisibleText.append(p.appendElement("span").addClass("mono"), s.name());
        p.appendText(" (" + s.listeners() + " listener" + (s.listeners() == 1 ? "" : "s") + " predicted)");
        if (!s.notes().isEmpty()) {
            Element ul = header.appendElement("ul").addClass("notes");
            s.notes().forEach(n -> VisibleText.append(ul.appendElement("li"), n));
        }
    }

    private static void section(Element body, String id, String title, String none, List<HiveCopy.Difference> diffs) {
        Element s = body.appendElement("section").id(id);
        s.appendElement("h2").text(title + " (" + diffs.size() + ")");
        if (diffs.isEmpty()) {
            s.appendElement("p").text(none);
            return;
        }
        HiveCopySection.differences(s, diffs, "A", "B", t -> MachineTime.of(t, null));
    }
}
