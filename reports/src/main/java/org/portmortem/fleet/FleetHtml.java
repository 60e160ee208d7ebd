package org.portmortem.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.portmortem.report.PageShell;
import org.portmortem.report.VisibleText;

/**
 * {@code fleet.html}: one self-contained page (inline CSS and the host report's own sorting and
 * filtering script, allowed by its hash in the Content-Security-Policy, nothing fetched). The rarest
 * listeners, automatic services and firewall settings first, the host × listener matrix, the failed
 * hosts with their errors, and a link to each host report. Built as a jsoup DOM: every string from
 * a host is text, never markup, with hidden characters made visible.
 *
 * <p>The page computes nothing: it lays out the engine's result.
 */
public final class FleetHtml {
    private static final String CSS = PageShell.CSS
            + "\n.matrix td.has{text-align:center}.matrix th.rot{writing-mode:vertical-rl;white-space:nowrap}"
            + "\n.failed td{color:#8a1c1c}";
    /** Host ids listed inline in a stacking row before "and N more". */
    private static final int HOSTS_SHOWN = 12;
    /** Sentences in the "Rarest first" list. */
    private static final int RAREST_SHOWN = 30;

    private final FleetEngine.Result r;
    private final boolean htmlReports;
    private final int analysed;

    private FleetHtml(FleetEngine.Result r, boolean htmlReports) {
        this.r = r;
        this.htmlReports = htmlReports;
        this.analysed = (int) r.hosts().stream().filter(HostSummary::ok).count();
    }

    /** Writes the page. */
    public static void write(FleetEngine.Result r, boolean htmlReports, String toolVersion, Instant runTime, Path file)
            throws IOException {
        Files.writeString(
                file,
                new FleetHtml(r, htmlReports).build(toolVersion, runTime).outerHtml() + "\n",
                StandardCharsets.UTF_8);
    }

    private Document build(String toolVersion, Instant runTime) {
        Document doc = PageShell.create("PortMortem fleet: " + r.hosts().size() + " hosts", toolVersion, CSS, true);
        Element body = doc.body();
        Element header = body.appendElement("header");
        header.appendElement("h1").text("PortMortem fleet: " + r.hosts().size() + " hosts");
        header.appendElement("p")
                .text(analysed + " analysed, " + (r.hosts().size() - analysed) + " failed. Run "
                        + runTime + " with PortMortem " + toolVersion
                        + ". Each host was analysed as `portmortem analyze`"
                        + " analyses one; its report is linked from its id. Rarest first: what only a few hosts have is"
                        + " where an outlier shows.");
        rarest(body);
        stackSection(
                body,
                "rare-listeners",
                "Listeners, rarest first",
                StackKey.LISTENER,
                List.of("Hosts", "Protocol", "Port", "Owner", "Which hosts"));
        stackSection(
                body,
                "rare-services",
                "Automatic services, rarest first",
                StackKey.SERVICE,
                List.of("Hosts", "Service", "Display name", "Image path", "Which hosts"));
        stackSection(
                body,
                "rare-firewall",
                "Firewall settings in force, rarest first",
                StackKey.FIREWALL,
                List.of("Hosts", "Profile", "Setting", "Which hosts"));
        matrix(body);
        failed(body);
        PageShell.script(body);
        return doc;
    }

    private void stackSection(Element body, String id, String title, String table, List<String> headings) {
        Element s = body.appendElement("section").id(id);
        s.appendElement("h2").text(title);
        List<StackKey.Stack> rows =
                r.stacking().stream().filter(x -> x.key().table().equals(table)).toList();
        if (rows.isEmpty()) {
            s.appendElement("p").text("None.");
            return;
        }
        Element t = s.appendElement("table").addClass("sortable");
        Element hr = t.appendElement("thead").appendElement("tr");
        headings.forEach(h -> hr.appendElement("th").text(h));
        Element tb = t.appendElement("tbody");
        for (StackKey.Stack st : rows) {
            StackKey k = st.key();
            Element tr = tb.appendElement("tr");
            Element count = tr.appendElement("td").attr("title", sentence(st));
            count.text(st.hostCount() + " of " + analysed);
            switch (table) {
                case StackKey.LISTENER -> {
                    tr.appendElement("td").text(k.a());
                    tr.appendElement("td").text(k.port() == null ? "dynamic" : String.valueOf(k.port()));
                    VisibleText.append(tr.appendElement("td"), nullToEmpty(k.c()));
                }
                case StackKey.SERVICE -> {
                    VisibleText.append(tr.appendElement("td"), nullToEmpty(k.a()));
                    VisibleText.append(tr.appendElement("td"), nullToEmpty(k.b()));
                    VisibleText.append(tr.appendElement("td").addClass("mono"), nullToEmpty(k.c()));
                }
                default -> {
                    VisibleText.append(tr.appendElement("td"), nullToEmpty(k.a()));
                    VisibleText.append(tr.appendElement("td"), nullToEmpty(k.b()));
                }
            }
            hostList(tr.appendElement("td"), st.hosts());
        }
    }

    /** The rarest rows of the three tables as sentences, the fewest hosts first. */
    private void rarest(Element body) {
        Element s = body.appendElement("section").id("rarest");
        s.appendElement("h2").text("Rarest first");
        List<StackKey.Stack> rows = r.stacking().stream()
                .filter(x -> x.hostCount() * 10 <= Math.max(analysed, 1))
                .limit(RAREST_SHOWN)
                .toList();
        if (rows.isEmpty()) {
            s.appendElement("p").text("Nothing is found on fewer than a tenth of the hosts.");
            return;
        }
        s.appendElement("p")
                .text("What fewer than a tenth of the analysed hosts have (at most " + RAREST_SHOWN
                        + " lines; the tables below list everything):");
        Element ul = s.appendElement("ul");
        for (StackKey.Stack st : rows) {
            Element li = ul.appendElement("li");
            VisibleText.append(li, sentence(st));
            li.appendText(": ");
            hostList(li, st.hosts());
        }
    }

    /** "2 of 480 hosts listen on TCP 5938, TeamViewer". */
    private String sentence(StackKey.Stack st) {
        StackKey k = st.key();
        String n = st.hostCount() + " of " + analysed + " hosts";
        return switch (k.table()) {
            case StackKey.LISTENER ->
                n + " listen on " + k.a() + " " + (k.port() == null ? "a dynamic port" : k.port()) + ", " + k.c();
            case StackKey.SERVICE -> n + " start " + k.a() + " (" + k.b() + ") automatically";
            default -> n + ": " + k.a() + " profile, " + k.b();
        };
    }

    private void matrix(Element body) {
        Element s = body.appendElement("section").id("matrix");
        s.appendElement("h2").text("Hosts × listeners");
        List<StackKey> columns = new ArrayList<>();
        r.stacking().stream()
                .filter(x -> x.key().table().equals(StackKey.LISTENER))
                .forEach(x -> columns.add(x.key()));
        s.appendElement("p")
                .text("One row per analysed host, one column per listener (protocol, port, owner),"
                        + " rarest columns first; click a heading to sort, type to filter.");
        Element t = s.appendElement("table").addClass("sortable").addClass("matrix");
        Element hr = t.appendElement("thead").appendElement("tr");
        hr.appendElement("th").text("Host");
        hr.appendElement("th").text("Computer name");
        hr.appendElement("th").text("OS");
        hr.appendElement("th").text("Listeners");
        for (StackKey k : columns) {
            VisibleText.append(
                    hr.appendElement("th").addClass("rot"),
                    k.a() + " " + (k.port() == null ? "dyn" : k.port()) + " " + nullToEmpty(k.c()));
        }
        Element tb = t.appendElement("tbody");
        for (HostSummary h : r.hosts()) {
            if (!h.ok()) {
                continue;
            }
            Set<StackKey> has = new HashSet<>(StackKey.of(h));
            Element tr = tb.appendElement("tr");
            hostLink(tr.appendElement("td"), h.id());
            VisibleText.append(tr.appendElement("td"), nullToEmpty(h.computerName()));
            VisibleText.append(tr.appendElement("td"), nullToEmpty(h.os()));
            tr.appendElement("td").text(String.valueOf(h.listeners().size()));
            for (StackKey k : columns) {
                Element td = tr.appendElement("td");
                if (has.contains(k)) {
                    td.addClass("has").text("●");
                }
            }
        }
    }

    private void failed(Element body) {
        Element s = body.appendElement("section").id("failed");
        List<HostSummary> failed = r.hosts().stream().filter(h -> !h.ok()).toList();
        s.appendElement("h2").text("Hosts that could not be analysed (" + failed.size() + ")");
        if (failed.isEmpty()) {
            s.appendElement("p").text("None.");
            return;
        }
        Element t = s.appendElement("table").addClass("sortable").addClass("failed");
        Element hr = t.appendElement("thead").appendElement("tr");
        List.of("Host", "Input", "Error").forEach(h -> hr.appendElement("th").text(h));
        Element tb = t.appendElement("tbody");
        for (HostSummary h : failed) {
            Element tr = tb.appendElement("tr");
            tr.appendElement("td").text(h.id());
            VisibleText.append(tr.appendElement("td").addClass("mono"), h.input());
            VisibleText.append(tr.appendElement("td"), nullToEmpty(h.error()));
        }
    }

    /** The first hosts as links, then how many more. */
    private void hostList(Element parent, List<String> ids) {
        for (int i = 0; i < Math.min(HOSTS_SHOWN, ids.size()); i++) {
            if (i > 0) {
                parent.appendText(", ");
            }
            hostLink(parent, ids.get(i));
        }
        if (ids.size() > HOSTS_SHOWN) {
            parent.appendText(" and " + (ids.size() - HOSTS_SHOWN) + " more");
        }
    }

    /** Host ids are made of letters, digits, '.', '_' and '-' only, so they are safe in a relative link. */
    private void hostLink(Element parent, String id) {
        parent.appendElement("a")
                .attr("href", "hosts/" + id + (htmlReports ? ".html" : ".json"))
                .text(id);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
