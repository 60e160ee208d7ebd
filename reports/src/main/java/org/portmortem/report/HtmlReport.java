package org.portmortem.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisWarning;
import org.portmortem.analysis.AppliedOverlay;
import org.portmortem.analysis.BootPlanSection;
import org.portmortem.analysis.CitedKey;
import org.portmortem.analysis.Fact;
import org.portmortem.analysis.FirstScreen;
import org.portmortem.analysis.HardeningStep;
import org.portmortem.analysis.InputFile;
import org.portmortem.analysis.InterfaceSummary;
import org.portmortem.analysis.MachineTime;
import org.portmortem.analysis.ReportIds;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.RpcEndpoint;
import org.portmortem.snapshot.Socket;
import org.portmortem.verdict.AbsenceExplanation;
import org.portmortem.verdict.AbsentListener;
import org.portmortem.verdict.ExposureRules;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.RemediationRef;
import org.portmortem.verdict.Severity;
import org.portmortem.verdict.SeverityScale;
import org.portmortem.verdict.SnapshotDelta;
import org.portmortem.verdict.SnapshotVerdicts;
import org.portmortem.verdict.SocketVerdict;

/**
 * Renders an {@link Analysis} as one self-contained HTML file: inline CSS and script, an inline SVG
 * chart, no external URL of any kind. The document is built with jsoup's DOM, so every string from
 * the case is escaped by construction; control and bidirectional characters are shown as marked
 * escapes ({@link VisibleText}). A Content-Security-Policy allows only the report's own script (by
 * hash) and inline styles, so nothing in the report can fetch or run anything else.
 *
 * <p>The renderer computes nothing: every value, order and time comes from the analysis.
 */
public final class HtmlReport {

    private final Analysis a;
    private final Document doc;

    private HtmlReport(Analysis analysis) {
        this.a = analysis;
        this.doc = PageShell.create(
                "PortMortem report: " + systemName(), analysis.run().toolVersion(), PageShell.CSS, true);
    }

    /** The report as a jsoup document. */
    public static Document document(Analysis analysis) {
        return new HtmlReport(analysis).build();
    }

    /** The report as HTML text. */
    public static String render(Analysis analysis) {
        return document(analysis).outerHtml() + "\n";
    }

    /**
     * Writes the report to a file: the text of {@link #render} in UTF-8. The text is built in a
     * builder (jsoup wraps any other appendable in an object per append, 20 MB for a Windows 10
     * report) and encoded from it in blocks, without the string copies of {@link #render}.
     */
    public static void write(Analysis analysis, Path file) throws IOException {
        StringBuilder text = document(analysis).html(new StringBuilder(1 << 16)).append('\n');
        try (OutputStream out = Files.newOutputStream(file)) {
            writeUtf8(text, out);
        }
    }

    /** Size of the blocks {@link #writeUtf8} encodes. */
    static final int BLOCK = 1 << 14;

    /**
     * Writes the text as UTF-8 in blocks of {@link #BLOCK} characters; a surrogate pair split between two
     * blocks is joined by the encoder, and an unpaired surrogate fails as {@code Files.writeString} fails.
     */
    static void writeUtf8(StringBuilder text, OutputStream target) throws IOException {
        char[] block = new char[BLOCK];
        Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8.newEncoder());
        for (int at = 0; at < text.length(); at += block.length) {
            int n = Math.min(block.length, text.length() - at);
            text.getChars(at, at + n, block, 0);
            out.write(block, 0, n);
        }
        out.flush();
    }

    private Document build() {
        Element body = doc.body();
        header(body);
        verdictSection(body);
        contents(body);
        caseSection(body);
        systemSection(body);
        interfacesSection(body);
        findingsSection(body);
        listenersSection(body);
        rpcSection(body);
        bootPlanSection(body);
        observedSection(body);
        hardeningSection(body);
        new HiveCopySection(a).append(body);
        appendixSection(body);
        PageShell.script(body);
        return doc;
    }

    private String systemName() {
        return a.systemSummary().stream()
                .filter(f -> f.id().equals("computerName") && f.value() != null)
                .map(Fact::value)
                .findFirst()
                .orElse("unnamed system");
    }

    // ---- header and case -------------------------------------------------------------------

    private void header(Element body) {
        Element h = body.appendElement("header");
        VisibleText.append(h.appendElement("h1"), "PortMortem report: " + systemName());
        Element p = h.appendElement("p").addClass("muted");
        p.appendText("Predicted network exposure at the next boot, from the registry hives of a Windows system."
                + " PortMortem " + a.run().toolVersion() + ", run "
                + a.runTime().utcText() + " (UTC).");
    }

    private void contents(Element body) {
        Element nav = body.appendElement("nav").addClass("toc").attr("aria-label", "Contents");
        Element ol = nav.appendElement("ol");
        String[][] toc = {
            {"verdict", "Reachable at the next boot"}, {"case", "Case"}, {"system", "System summary"},
            {"interfaces", "Network interfaces"}, {"findings", "Findings"}, {"listeners", "Predicted listeners"},
            {"rpc", "RPC endpoints"}, {"boot-plan", "Boot plan"}, {"observed", "Observed versus predicted"},
            {"hardening", "Hardening plan"}, {"appendix", "Appendix: registry keys cited"},
        };
        for (String[] t : toc) {
            ol.appendElement("li").appendElement("a").attr("href", "#" + t[0]).text(t[1]);
        }
    }

    // ---- the answer first ----------------------------------------------------------------------

    /** The first screen: the machine, the listeners reachable from the network, the top findings, the summary. */
    private void verdictSection(Element body) {
        FirstScreen fs = a.firstScreen();
        Element s = body.appendElement("section").id("verdict");
        Element machine = s.appendElement("p").addClass("machine");
        machinePart(
                machine,
                "Machine",
                fs.machine().name() == null
                        ? "no computer name recorded"
                        : fs.machine().name());
        machinePart(machine, "Windows", fs.machine().windows());
        machinePart(machine, "Role", fs.machine().role());
        machinePart(machine, "Firewall", fs.machine().firewall());
        int n = fs.reachable().size();
        s.appendElement("h2")
                .addClass("first")
                .text("At the next boot " + n + " listener" + (n == 1 ? "" : "s")
                        + " would be reachable from the network");
        if (n > 0) {
            Element t = plainTable(
                    s, "verdict", "Protocol", "Address", "Port", "Owner", "Why", "Severity", "Firewall", "Evidence");
            for (FirstScreen.ReachableListener r : fs.reachable()) {
                Listener l = r.listener();
                Element tr = t.appendElement("tr");
                cell(tr, l.protocol() + (l.ipVersion() == 6 ? "v6" : "")).addClass("nowrap");
                cell(tr, l.address()).addClass("mono").addClass("nowrap");
                cell(tr, l.dynamic() ? "dynamic" : l.port().toString())
                        .addClass("mono")
                        .addClass("nowrap");
                cell(tr, l.owner().display());
                cell(tr, l.mechanism().description());
                Element sev = tr.appendElement("td").addClass("nowrap");
                if (r.severity() == null) {
                    sev.appendElement("span").addClass("muted").text("no finding");
                } else {
                    severityBadge(sev, r.severity());
                }
                cell(tr, r.firewall()).addClass("nowrap");
                link(tr.appendElement("td").addClass("nowrap"), a.ids().listener(l), "evidence");
            }
        }
        Element basis = s.appendElement("p").addClass("muted");
        basis.appendText("Reachable: " + fs.reachableBasis() + ". "
                + a.exposure().listeners().size() + " listeners are predicted in all: ");
        basis.appendElement("a").attr("href", "#listeners").text("Predicted listeners");
        basis.appendText(".");
        s.appendElement("h3").text("Top findings");
        if (fs.topFindings().isEmpty()) {
            s.appendElement("p").text(a.findings().isEmpty() ? "No finding." : "No finding of low severity or above.");
        } else {
            Element ol = s.appendElement("ol").addClass("top-findings");
            for (Finding f : fs.topFindings()) {
                Element li = ol.appendElement("li");
                severityBadge(li, f.severity());
                li.appendText(" ");
                VisibleText.append(
                        li.appendElement("a").attr("href", "#" + a.ids().finding(f)), f.title());
                li.appendText(" — ");
                if (f.remediations().isEmpty()) {
                    li.appendElement("span").addClass("muted").text("no remediation: an explanation");
                } else {
                    VisibleText.append(li, f.remediations().get(0).action());
                }
            }
        }
        if (fs.otherFindings() > 0) {
            Element p = s.appendElement("p");
            p.appendText(fs.otherFindings() + " more finding" + (fs.otherFindings() == 1 ? "" : "s") + " in ");
            p.appendElement("a").attr("href", "#findings").text("Findings");
            p.appendText(".");
        }
        Element pre = s.appendElement("pre").addClass("summary").attr("aria-label", "Console summary");
        Element code = pre.appendElement("code");
        for (int i = 0; i < a.summary().size(); i++) {
            if (i > 0) {
                code.appendText("\n");
            }
            VisibleText.append(code, a.summary().get(i));
        }
    }

    private static void machinePart(Element p, String label, String value) {
        Element span = p.appendElement("span");
        span.appendElement("strong").text(label + ": ");
        VisibleText.append(span, value);
    }

    /** A link to an anchor of this report, or the text alone when the target has no anchor. */
    private static Element link(Element parent, String id, String text) {
        if (id == null) {
            return VisibleText.append(parent, text);
        }
        return VisibleText.append(parent.appendElement("a").attr("href", "#" + id), text);
    }

    private Element section(Element body, String id, String title) {
        Element s = body.appendElement("section").id(id);
        Element h2 = s.appendElement("h2").text(title);
        if (id.equals("case")) {
            h2.addClass("first");
        }
        return s;
    }

    private void caseSection(Element body) {
        Element s = section(body, "case", "Case");
        Element t = s.appendElement("table").addClass("facts");
        Element tb = t.appendElement("tbody");
        row(tb, "Tool", "PortMortem " + a.run().toolVersion());
        // The run time in UTC only: machine-local times stand beside evidence times, where they help.
        row(tb, "Run time (UTC)", a.runTime().utcText());
        row(tb, "Case ID", a.run().caseId());
        row(tb, "Examiner", a.run().examiner());

        s.appendElement("h3").text("Input files");
        Element table = table(s, "inputs", "Path", "Role", "Size (bytes)", "SHA-256", "Format", "Status");
        for (int i = 0; i < a.inputs().size(); i++) {
            InputFile f = a.inputs().get(i);
            Element tr = table.appendElement("tr").id(a.ids().input(i));
            cell(tr, f.path()).addClass("mono");
            cell(tr, f.role().name());
            cell(tr, Long.toString(f.size()));
            cell(tr, f.sha256()).addClass("mono");
            cell(tr, f.format());
            Element st = cell(tr, f.status());
            if (f.hiveInfo() != null && f.hiveInfo().lastWritten() != null) {
                st.appendElement("br");
                st.appendText("base block last written "
                        + a.time(f.hiveInfo().lastWritten()).utcText());
            }
        }

        s.appendElement("h3").text("Overlays");
        if (a.overlays().isEmpty()) {
            s.appendElement("p").text("No overlay was applied: the hives are analysed as found.");
        } else {
            s.appendElement("p")
                    .text("Applied in this order to in-memory copies of the hives; the evidence files"
                            + " were not changed.");
            Element ot = table(s, "overlays", "File", "Hives changed", "Not applied");
            for (AppliedOverlay o : a.overlays()) {
                Element tr = ot.appendElement("tr");
                cell(tr, o.path()).addClass("mono");
                cell(tr, String.join(", ", o.hives()));
                Element na = tr.appendElement("td");
                list(na, concat(o.ignoredRoots(), o.problems()));
            }
        }

        s.appendElement("h3").text("Warnings");
        if (a.warnings().isEmpty()) {
            s.appendElement("p").text("None.");
        } else {
            Element wt = table(s, "warnings", "Stage", "Subject", "Warning");
            for (AnalysisWarning w : a.warnings()) {
                Element tr = wt.appendElement("tr");
                cell(tr, w.stage().name().toLowerCase().replace('_', ' '));
                cell(tr, w.subject()).addClass("mono");
                cell(tr, w.message());
            }
        }
    }

    // ---- system ------------------------------------------------------------------------------

    private void systemSection(Element body) {
        Element s = section(body, "system", "System summary");
        Element t = table(s, "system-facts", "Fact", "Value", "Read from");
        for (Fact f : a.systemSummary()) {
            Element tr = t.appendElement("tr").attr("data-fact", f.id());
            cell(tr, f.label());
            Element v = tr.appendElement("td");
            if (f.value() == null) {
                v.appendElement("span").addClass("absent").text("not recorded");
            } else {
                VisibleText.append(v, f.value());
            }
            Element src = tr.appendElement("td").addClass("mono");
            if (f.evidence() != null) {
                evidenceInline(src, f.evidence());
            }
        }
    }

    private void interfacesSection(Element body) {
        Element s = section(body, "interfaces", "Network interfaces");
        if (a.interfaces().isEmpty()) {
            s.appendElement("p").text("No interface is bound to TCP/IP in this control set.");
            return;
        }
        Element t = table(s, "interfaces", "Name", "GUID", "Addressing", "Addresses at boot", "NetBIOS over TCP/IP");
        for (InterfaceSummary i : a.interfaces()) {
            Element tr = t.appendElement("tr");
            if (i.name() == null) {
                tr.appendElement("td").appendElement("span").addClass("absent").text("no connection name");
            } else {
                cell(tr, i.name());
            }
            cell(tr, i.guid()).addClass("mono");
            cell(tr, i.addressing());
            list(tr.appendElement("td"), i.bootAddresses());
            cell(tr, i.netbios());
        }
    }

    // ---- findings ----------------------------------------------------------------------------

    private void findingsSection(Element body) {
        Element s = section(body, "findings", "Findings");
        s.appendElement("h3").id("severity").text("What the severities mean");
        SeverityScale scale = a.severityScale();
        Element dl = s.appendElement("dl").addClass("severity");
        for (SeverityScale.Level l : scale.levels()) {
            severityBadge(dl.appendElement("dt"), l.severity());
            Element dd = dl.appendElement("dd");
            dd.appendText(l.meaning());
            if (!l.examples().isEmpty()) {
                dd.appendElement("br");
                dd.appendElement("span").addClass("muted").text("Examples: " + String.join("; ", l.examples()) + ".");
            }
        }
        if (scale.source() != null) {
            s.appendElement("p").addClass("muted").text("Source: " + scale.source());
        }
        if (a.findings().isEmpty()) {
            s.appendElement("p").text("No finding.");
            return;
        }
        for (int i = 0; i < a.findings().size(); i++) {
            finding(s, a.findings().get(i), i + 1, a.ids().finding(i));
        }
    }

    private void finding(Element parent, Finding f, int n, String anchor) {
        Element art = parent.appendElement("article")
                .addClass("finding")
                .addClass(f.severity().word())
                .id(anchor)
                .attr("data-finding-id", f.id());
        Element h = art.appendElement("h3");
        severityBadge(h, f.severity());
        h.appendText(" ");
        VisibleText.append(h, f.title());
        Element meta = art.appendElement("p").addClass("muted");
        meta.appendText("Finding " + n + " · " + f.basis().name().toLowerCase() + " · ");
        VisibleText.append(meta.appendElement("code"), f.id());
        if (f.description() != null) {
            VisibleText.append(art.appendElement("p"), f.description());
        }
        if (!f.listeners().isEmpty()) {
            art.appendElement("h4").text("Predicted listeners concerned");
            Element ul = art.appendElement("ul");
            for (Listener l : f.listeners()) {
                Element li = ul.appendElement("li");
                link(li.appendElement("code"), a.ids().listener(l), l.protocol() + " " + l.localEndpoint());
                li.appendText(" ");
                VisibleText.append(li, l.owner().display());
            }
        }
        if (!f.sockets().isEmpty()) {
            art.appendElement("h4").text("Observed sockets concerned");
            Element ul = art.appendElement("ul");
            for (Socket sk : f.sockets()) {
                Element li = ul.appendElement("li");
                VisibleText.append(li.appendElement("code"), sk.protocol() + " " + sk.localEndpoint());
                li.appendText(" line " + sk.line());
                if (sk.process() != null) {
                    li.appendText(" ");
                    VisibleText.append(li, sk.process());
                }
            }
        }
        if (!f.evidence().isEmpty()) {
            art.appendElement("h4").text("Evidence");
            evidenceTable(art, f.evidence());
        }
        if (!f.remediations().isEmpty()) {
            art.appendElement("h4").text("Remediation");
            for (RemediationRef r : f.remediations()) {
                remediation(art, r);
            }
        }
        if (f.justification() != null) {
            Element p = art.appendElement("p").addClass("muted");
            p.appendText("Basis: ");
            VisibleText.append(p, f.justification());
        }
    }

    private void remediation(Element parent, RemediationRef r) {
        Element div = parent.appendElement("div").addClass("remediation");
        VisibleText.append(div.appendElement("p").appendElement("strong"), r.action());
        if (!r.commands().isEmpty()) {
            Element pre = div.appendElement("pre");
            Element code = pre.appendElement("code");
            for (int i = 0; i < r.commands().size(); i++) {
                if (i > 0) {
                    code.appendText("\n");
                }
                VisibleText.append(code, r.commands().get(i));
            }
        }
        if (r.guiPath() != null) {
            Element p = div.appendElement("p");
            p.appendText("In the GUI: ");
            VisibleText.append(p, r.guiPath());
        }
        if (r.source() != null) {
            Element p = div.appendElement("p").addClass("muted");
            p.appendText("Source: ");
            VisibleText.append(p, r.source());
        }
    }

    // ---- listeners and RPC -------------------------------------------------------------------

    private void listenersSection(Element body) {
        Element s = section(body, "listeners", "Predicted listeners");
        s.appendElement("p")
                .text("Sockets predicted to listen after the next boot. Dynamic ports are taken from "
                        + a.exposure().dynamicRange() + " ("
                        + a.exposure().dynamicRange().origin() + ").");
        VisibleText.append(
                s.appendElement("p").addClass("firewall-profile"),
                "Firewall profile in force: "
                        + (a.exposure().firewallProfile().profile() == null
                                ? "none"
                                : a.exposure().firewallProfile().profile())
                        + " (" + a.exposure().firewallProfile().reason() + ").");
        listenerTable(s, "listeners", a.exposure().listeners(), true);
    }

    /** The listeners; {@code anchored}: each row carries its listener's id (once per report: the prediction as found). */
    private void listenerTable(Element parent, String cls, List<Listener> listeners, boolean anchored) {
        if (listeners.isEmpty()) {
            parent.appendElement("p").text("No listener is predicted.");
            return;
        }
        Element t = table(
                parent,
                cls,
                "Protocol",
                "Address",
                "Port",
                "Service",
                "Process",
                "Start type",
                "Mechanism",
                "Certainty",
                "Firewall",
                "Registry keys");
        for (int i = 0; i < listeners.size(); i++) {
            Listener l = listeners.get(i);
            Element tr = t.appendElement("tr");
            if (anchored) {
                tr.id(a.ids().listener(i));
            }
            cell(tr, l.protocol() + (l.ipVersion() == 6 ? "v6" : ""));
            cell(tr, l.address()).addClass("mono");
            cell(
                    tr,
                    l.dynamic()
                            ? "dynamic" + (l.portRange() == null ? "" : " " + l.portRange())
                            : l.port().toString());
            Element svc = tr.appendElement("td");
            if (l.owner().service() == null) {
                svc.appendText("-");
            } else {
                link(svc, a.ids().service(l.owner().service()), l.owner().service());
                if (!l.owner().sharedWith().isEmpty()) {
                    VisibleText.append(
                            svc, " (shared with " + String.join(", ", l.owner().sharedWith()) + ")");
                }
            }
            cell(
                    tr,
                    l.owner().svchostGroup() == null
                            ? l.owner().process()
                            : l.owner().process() + " -k " + l.owner().svchostGroup());
            cell(tr, a.startType(l.owner().service()));
            Element m = tr.appendElement("td");
            VisibleText.append(
                    m.appendElement("code"),
                    l.mechanism().kind().name().toLowerCase().replace('_', ' '));
            m.appendText(": ");
            VisibleText.append(m, l.mechanism().description());
            cell(tr, l.certainty().toString());
            firewall(tr.appendElement("td"), l.firewall());
            keyLinks(tr.appendElement("td").addClass("keys"), ReportIds.listenerEvidence(l));
        }
    }

    private void firewall(Element td, FirewallVerdict v) {
        if (v.profiles().isEmpty()) {
            td.appendElement("span").addClass("muted").text("no host firewall evaluated");
            return;
        }
        // One decision is a line; several (one per profile) a list, the one in force first named so.
        Element into = v.profiles().size() == 1 ? td : td.appendElement("ul");
        v.profiles().forEach((profile, d) -> {
            String label = profile.equals(v.inForce())
                    ? profile + " (in force)"
                    : v.inForce() == null ? profile : "if the machine were on " + ExposureRules.networkOf(profile);
            VisibleText.append(
                    into == td ? td : into.appendElement("li"),
                    label + ": " + d.reachability().word() + (d.decidedBy() == null ? "" : " (" + d.decidedBy() + ")"));
        });
    }

    private void rpcSection(Element body) {
        Element s = section(body, "rpc", "RPC endpoints");
        if (a.exposure().rpcEndpoints().isEmpty()) {
            s.appendElement("p").text("No RPC endpoint is predicted.");
            return;
        }
        List<RpcEndpoint> endpoints = a.exposure().rpcEndpoints();
        Element t = table(
                fold(
                        s,
                        endpoints.size() + " RPC endpoint" + (endpoints.size() == 1 ? "" : "s")
                                + " (interfaces registered at boot, with their protocol sequence)"),
                "rpc",
                "Interface",
                "UUID",
                "Version",
                "Protocol sequence",
                "Endpoint",
                "Service",
                "Process",
                "Certainty",
                "Registry keys");
        for (int i = 0; i < endpoints.size(); i++) {
            RpcEndpoint r = endpoints.get(i);
            Element tr = t.appendElement("tr").id(a.ids().rpcEndpoint(i));
            cell(tr, r.name());
            cell(tr, r.uuid()).addClass("mono");
            cell(tr, r.version());
            cell(tr, r.protseq()).addClass("mono");
            cell(tr, r.endpoint() == null ? "dynamic" : r.endpoint()).addClass("mono");
            link(tr.appendElement("td"), a.ids().service(r.service()), r.service() == null ? "-" : r.service());
            cell(tr, r.process());
            cell(tr, r.certainty().toString());
            keyLinks(tr.appendElement("td").addClass("keys"), r.evidence());
        }
    }

    // ---- boot plan ---------------------------------------------------------------------------

    private void bootPlanSection(Element body) {
        Element s = section(body, "boot-plan", "Boot plan");
        s.appendElement("p")
                .text("What the service control manager and the loader would start at the next boot,"
                        + " and why. Services are listed before drivers.");
        for (BootPlanSection sec : a.bootPlanSections()) {
            s.appendElement("h3")
                    .id("boot-" + sec.id())
                    .text(sec.title() + " (" + sec.entries().size() + ")");
            if (sec.entries().isEmpty()) {
                s.appendElement("p").text("None.");
                continue;
            }
            Element t = table(
                    fold(
                            s,
                            sec.entries().size() + " " + (sec.entries().size() == 1 ? "entry" : "entries") + ": "
                                    + sec.title().toLowerCase(java.util.Locale.ROOT)),
                    "boot-" + sec.id(),
                    "Name",
                    "Display name",
                    "Kind",
                    "Start type",
                    "Decision",
                    "Reason",
                    "Host process",
                    "Image path");
            for (BootPlanEntry e : sec.entries()) {
                Element tr = t.appendElement("tr").id(a.ids().service(e.name()));
                cell(tr, e.name());
                cell(
                        tr,
                        e.service().displayName().isPresent()
                                ? e.service().displayName().value().raw()
                                : "");
                cell(tr, e.service().isDriver() ? "driver" : "service");
                cell(tr, a.startType(e.name()));
                cell(tr, e.decision().name().toLowerCase().replace('_', ' '));
                Element r = cell(tr, e.reason());
                if (!e.failureChain().isEmpty()) {
                    r.appendElement("br");
                    VisibleText.append(r, "chain: " + String.join(" → ", e.failureChain()));
                }
                if (!e.requiredBy().isEmpty()) {
                    r.appendElement("br");
                    VisibleText.append(r, "required by: " + String.join(", ", e.requiredBy()));
                }
                cell(tr, e.host().describe());
                cell(tr, e.service().imagePath().value()).addClass("mono");
            }
        }
    }

    // ---- observed versus predicted ----------------------------------------------------------

    private void observedSection(Element body) {
        Element s = section(body, "observed", "Observed versus predicted");
        if (a.verdicts().snapshots().isEmpty()) {
            s.appendElement("p")
                    .text("The case has no netstat, PowerShell or memory socket listing: nothing to compare.");
            return;
        }
        int n = 0;
        for (SnapshotVerdicts sv : a.verdicts().snapshots()) {
            n++;
            Element h = s.appendElement("h3").id("snapshot-" + n);
            h.appendText("Snapshot " + n + ": ");
            VisibleText.append(h.appendElement("code"), a.label(sv.snapshot().file()));
            if (sv.snapshot().commandLine() != null) {
                Element p = s.appendElement("p");
                p.appendText("Command: ");
                VisibleText.append(p.appendElement("code"), sv.snapshot().commandLine());
            }
            if (sv.snapshot().captureTime() != null) {
                s.appendElement("p")
                        .text("Taken at " + sv.snapshot().captureTime()
                                + " machine-local time, as the listing itself records.");
            }
            if (sv.snapshot().source() != null) {
                // A memory-image or live-response listing: say which tool printed it, and bound the capture time.
                Element p = s.appendElement("p");
                p.appendText("Listing: ");
                VisibleText.append(
                        p.appendElement("code"), sv.snapshot().source().describe());
                p.appendText(
                        sv.snapshot().latestCreated() == null
                                ? "."
                                : "; captured no earlier than " + sv.snapshot().latestCreated()
                                        + " (its latest Created time).");
            }
            list(s.appendElement("div").addClass("notes"), sv.notes());
            Element t = table(
                    s, "socket-verdicts", "Protocol", "Local endpoint", "State", "Verdict", "Owner", "Reason", "Line");
            for (SocketVerdict v : sv.sockets()) {
                Element tr = t.appendElement("tr")
                        .addClass("verdict-" + v.kind().name().toLowerCase());
                cell(tr, v.socket().protocol().toString());
                cell(tr, v.socket().localEndpoint()).addClass("mono").addClass("nowrap");
                cell(tr, v.socket().stateText() == null ? "" : v.socket().stateText());
                Element verdict = tr.appendElement("td").addClass("nowrap");
                link(
                        verdict,
                        v.listener() == null ? null : a.ids().listener(v.listener()),
                        v.kind().name().toLowerCase());
                Element o = cell(
                        tr,
                        (v.owner() == null ? "-" : v.owner().display())
                                + (v.socket().memory() != null
                                                && v.socket().memory().ownerNote() != null
                                        ? " (" + v.socket().memory().ownerNote() + ")"
                                        : ""));
                if (v.owner() != null && v.owner().inferred()) {
                    o.addClass("inferred");
                }
                cell(tr, v.reason());
                cell(
                        tr,
                        Integer.toString(v.socket().line())
                                + (v.socket().memory() == null
                                        ? ""
                                        : "; offset "
                                                + (v.socket().memory().offset() == null
                                                        ? "-"
                                                        : v.socket().memory().offset())
                                                + "; created "
                                                + (v.socket().memory().createdText() == null
                                                        ? "-"
                                                        : v.socket().memory().createdText())
                                                + "; " + v.socket().memory().markText()));
            }
            s.appendElement("h4")
                    .text("Predicted but not observed (" + sv.absent().size() + ")");
            if (sv.absent().isEmpty()) {
                s.appendElement("p").text("Every predicted listener is in the listing.");
            } else {
                Element at = table(s, "absent", "Listener", "Owner", "Possible explanations");
                for (AbsentListener al : sv.absent()) {
                    Element tr = at.appendElement("tr");
                    link(
                            tr.appendElement("td").addClass("mono").addClass("nowrap"),
                            a.ids().listener(al.listener()),
                            al.listener().protocol() + " " + al.listener().localEndpoint());
                    cell(tr, al.listener().owner().display());
                    Element ex = tr.appendElement("td");
                    Element ul = ex.appendElement("ul");
                    for (AbsenceExplanation x : al.explanations()) {
                        Element li = ul.appendElement("li");
                        VisibleText.append(li, x.explanation());
                        li.appendText(" ");
                        Element tell = li.appendElement("span").addClass("muted");
                        VisibleText.append(tell, "How to tell: " + x.howToTell());
                    }
                }
            }
            if (!sv.connections().isEmpty()) {
                s.appendElement("h4").text("Connections (" + sv.connections().size() + ")");
                Element ct = table(
                        fold(
                                s,
                                sv.connections().size() + " connection"
                                        + (sv.connections().size() == 1 ? "" : "s") + " in the listing"),
                        "connections",
                        "Local",
                        "Remote",
                        "State",
                        "Direction",
                        "Owner");
                sv.connections().forEach(c -> {
                    Element tr = ct.appendElement("tr");
                    cell(tr, c.socket().localEndpoint()).addClass("mono");
                    cell(tr, c.remoteEndpoint()).addClass("mono");
                    cell(tr, c.socket().stateText() == null ? "" : c.socket().stateText());
                    cell(tr, c.direction().name().toLowerCase());
                    cell(tr, c.owner() == null ? "-" : c.owner().display());
                });
            }
        }
        for (SnapshotDelta d : a.verdicts().deltas()) {
            Element h = s.appendElement("h3");
            h.appendText("Between ");
            VisibleText.append(
                    h.appendElement("code"), d.earlier().getFileName().toString());
            h.appendText(" and ");
            VisibleText.append(h.appendElement("code"), d.later().getFileName().toString());
            Element ul = s.appendElement("ul");
            d.opened()
                    .forEach(x -> VisibleText.append(
                            ul.appendElement("li"), "opened " + x.protocol() + " " + x.localEndpoint()));
            d.closed()
                    .forEach(x -> VisibleText.append(
                            ul.appendElement("li"), "closed " + x.protocol() + " " + x.localEndpoint()));
        }
    }

    // ---- hardening ---------------------------------------------------------------------------

    private void hardeningSection(Element body) {
        Element s = section(body, "hardening", "Hardening plan");
        if (a.hardeningPlan().size() < 2) {
            s.appendElement("p").text("No remediation is proposed: the listening set stays as predicted.");
            return;
        }
        s.appendElement("p")
                .text("Each step applies one remediation on top of the previous ones, to a copy of the"
                        + " hives, and predicts the listening set again, as the seed paper hardens its hosts step by step."
                        + " Steps that remove administrators' remote access (marked \"Remote management\") come last.");
        chart(s);
        Element t = table(
                s, "hardening", "Step", "Remediation", "Open sockets", "Closed by this step", "Opened by this step");
        for (HardeningStep step : a.hardeningPlan()) {
            Element tr = t.appendElement("tr").id("step-" + step.number());
            cell(tr, Integer.toString(step.number()));
            Element r = tr.appendElement("td");
            VisibleText.append(r.appendElement("strong"), step.title());
            if (step.remediation() != null) {
                VisibleText.append(r.appendElement("p"), step.remediation().why());
                Element code = r.appendElement("pre").appendElement("code");
                VisibleText.append(code, String.join("\n", step.remediation().commands()));
                if (step.guiPath() != null) {
                    Element p = r.appendElement("p");
                    p.appendText("In the GUI: ");
                    VisibleText.append(p, step.guiPath());
                }
                if (step.remoteManagement() != null) {
                    Element p = r.appendElement("p").addClass("remote-management");
                    p.appendElement("strong").text("Remote management: ");
                    VisibleText.append(p, step.remoteManagement().note());
                }
            }
            cell(tr, Integer.toString(step.openPorts()));
            list(tr.appendElement("td").addClass("mono"), step.closed());
            list(tr.appendElement("td").addClass("mono"), step.opened());
        }
        s.appendElement("h3").text("Listening set after the last step");
        listenerTable(
                s,
                "listeners-final",
                a.hardeningPlan().get(a.hardeningPlan().size() - 1).listeners(),
                false);
    }

    /** A bar chart of open sockets per step, as SVG elements (no script, no external resource). */
    private void chart(Element parent) {
        List<HardeningStep> steps = a.hardeningPlan();
        int max = steps.stream().mapToInt(HardeningStep::openPorts).max().orElse(1);
        int bar = 44;
        int gap = 16;
        int height = 180;
        int left = 40;
        int width = left + steps.size() * (bar + gap) + gap;
        Element figure = parent.appendElement("figure");
        Element svg = figure.appendElement("svg")
                .addClass("chart")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("width", Integer.toString(width))
                .attr("height", Integer.toString(height + 40))
                .attr("viewBox", "0 0 " + width + " " + (height + 40))
                .attr("role", "img")
                .attr("aria-labelledby", "chart-title");
        svg.appendElement("title").id("chart-title").text("Open sockets after each hardening step");
        svg.appendElement("line")
                .addClass("axis")
                .attr("x1", Integer.toString(left))
                .attr("y1", "10")
                .attr("x2", Integer.toString(left))
                .attr("y2", Integer.toString(height));
        svg.appendElement("line")
                .addClass("axis")
                .attr("x1", Integer.toString(left))
                .attr("y1", Integer.toString(height))
                .attr("x2", Integer.toString(width))
                .attr("y2", Integer.toString(height));
        svg.appendElement("text").attr("x", "4").attr("y", "16").text(Integer.toString(max));
        svg.appendElement("text")
                .attr("x", "4")
                .attr("y", Integer.toString(height))
                .text("0");
        for (int i = 0; i < steps.size(); i++) {
            HardeningStep st = steps.get(i);
            int h = max == 0 ? 0 : (int) Math.round((height - 20) * (double) st.openPorts() / max);
            int x = left + gap + i * (bar + gap);
            Element rect = svg.appendElement("rect")
                    .addClass("bar")
                    .attr("x", Integer.toString(x))
                    .attr("y", Integer.toString(height - h))
                    .attr("width", Integer.toString(bar))
                    .attr("height", Integer.toString(h));
            rect.appendElement("title").text("Step " + st.number() + ": " + st.openPorts() + " open sockets");
            svg.appendElement("text")
                    .attr("x", Integer.toString(x + bar / 2 - 6))
                    .attr("y", Integer.toString(height - h - 4))
                    .text(Integer.toString(st.openPorts()));
            svg.appendElement("text")
                    .attr("x", Integer.toString(x + bar / 2 - 6))
                    .attr("y", Integer.toString(height + 16))
                    .text(Integer.toString(st.number()));
        }
        svg.appendElement("text")
                .attr("x", Integer.toString(left + gap))
                .attr("y", Integer.toString(height + 34))
                .text("step");
        figure.appendElement("figcaption").text("Open sockets predicted after each step (step 0: as found).");
    }

    // ---- appendix ----------------------------------------------------------------------------

    private void appendixSection(Element body) {
        Element s = section(body, "appendix", "Appendix: registry keys cited");
        s.appendElement("p")
                .text("Every key the evidence in this report refers to, with its last-write time in UTC"
                        + " and in the machine's local time, so that each can be checked with another tool.");
        Element t = table(
                fold(s, a.citedKeys().size() + " registry key" + (a.citedKeys().size() == 1 ? "" : "s") + " cited"),
                "cited-keys",
                "Hive",
                "Key",
                "Values cited",
                "Last written (UTC)",
                "Last written (machine-local)",
                "Cited by");
        for (int i = 0; i < a.citedKeys().size(); i++) {
            CitedKey k = a.citedKeys().get(i);
            Element tr = t.appendElement("tr").id(a.ids().citedKey(i));
            cell(tr, k.hive());
            Element key = cell(tr, k.keyPath()).addClass("mono");
            if (k.absent()) {
                key.appendText(" ");
                key.appendElement("span").addClass("absent").text("(absent)");
            }
            list(
                    tr.appendElement("td").addClass("mono"),
                    k.valueNames().stream()
                            .map(v -> v.isEmpty() ? "(default)" : v)
                            .toList());
            timeCells(tr, k.lastWritten());
            Element by = tr.appendElement("td").addClass("keys");
            for (String id : a.ids().citedBy(i)) {
                link(by, id, id);
                by.appendText(" ");
            }
        }
    }

    /** Links to the appendix rows of the keys this evidence cites, one per line, named as hive and path. */
    private void keyLinks(Element td, List<Evidence> evidence) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Evidence e : evidence) {
            String id = a.ids().key(e);
            if (id != null && seen.add(id)) {
                if (seen.size() > 1) {
                    td.appendElement("br");
                }
                link(td, id, e.hive() + "\\" + e.keyPath());
            }
        }
    }

    /**
     * A folded block: a {@code <details>} whose summary says what and how many; returns the element
     * the content goes into. Used for long sections an examiner opens when needed (boot plan, RPC
     * endpoints, cited keys, connections), never for listeners or findings.
     */
    private static Element fold(Element parent, String summary) {
        Element d = parent.appendElement("details");
        d.appendElement("summary").text(summary);
        return d;
    }

    // ---- building blocks ---------------------------------------------------------------------

    private void evidenceTable(Element parent, List<Evidence> evidence) {
        Element t = plainTable(
                parent,
                "evidence",
                "Hive",
                "Key",
                "Value",
                "Type",
                "Data",
                "Last written (UTC)",
                "Last written (machine-local)",
                "Note");
        for (Evidence e : evidence) {
            Element tr = t.appendElement("tr");
            cell(tr, e.hive());
            link(tr.appendElement("td").addClass("mono"), a.ids().key(e), e.keyPath());
            cell(tr, e.valueName() == null ? "" : e.valueName().isEmpty() ? "(default)" : e.valueName())
                    .addClass("mono");
            cell(tr, e.valueType() == null ? "" : e.valueType());
            if (e.data() == null) {
                tr.appendElement("td")
                        .appendElement("span")
                        .addClass("absent")
                        .text(e.valueName() == null ? "" : "absent");
            } else {
                cell(tr, e.data()).addClass("mono");
            }
            timeCells(tr, e.lastWritten() == null ? null : a.time(e.lastWritten()));
            cell(tr, e.note());
        }
    }

    private void evidenceInline(Element parent, Evidence e) {
        VisibleText.append(
                parent,
                e.hive() + "\\" + e.keyPath()
                        + (e.valueName() == null
                                ? ""
                                : " : " + (e.valueName().isEmpty() ? "(default)" : e.valueName())));
        if (e.lastWritten() != null) {
            parent.appendElement("br");
            parent.appendElement("span")
                    .addClass("muted")
                    .text("written " + a.time(e.lastWritten()).utcText());
        }
    }

    private static void timeCells(Element tr, MachineTime t) {
        if (t == null) {
            tr.appendElement("td").addClass("absent").text("not recorded");
            tr.appendElement("td").addClass("absent").text("not recorded");
            return;
        }
        tr.appendElement("td").addClass("mono").text(t.utcText());
        tr.appendElement("td").addClass("mono").text(t.localText() == null ? "time zone unknown" : t.localText());
    }

    private static void row(Element tbody, String label, String value) {
        Element tr = tbody.appendElement("tr");
        tr.appendElement("th").attr("scope", "row").text(label);
        Element td = tr.appendElement("td");
        if (value == null) {
            td.appendElement("span").addClass("absent").text("not given");
        } else {
            VisibleText.append(td, value);
        }
    }

    /** A sortable, filterable table with a header row; returns its tbody. */
    private static Element table(Element parent, String cls, String... headers) {
        Element body = plainTable(parent, cls, headers);
        body.parent().addClass("sortable");
        return body;
    }

    /** A table with a header row; returns its tbody. */
    private static Element plainTable(Element parent, String cls, String... headers) {
        Element t = parent.appendElement("table").addClass(cls);
        Element tr = t.appendElement("thead").appendElement("tr");
        for (String h : headers) {
            tr.appendElement("th").attr("scope", "col").text(h);
        }
        return t.appendElement("tbody");
    }

    private static Element cell(Element tr, String text) {
        return VisibleText.append(tr.appendElement("td"), text);
    }

    private static void list(Element parent, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        Element ul = parent.appendElement("ul");
        for (String i : items) {
            VisibleText.append(ul.appendElement("li"), i);
        }
    }

    private static List<String> concat(List<String> x, List<String> y) {
        return java.util.stream.Stream.concat(x.stream(), y.stream()).toList();
    }

    private static void severityBadge(Element parent, Severity s) {
        parent.appendElement("span").addClass("sev").addClass("sev-" + s.word()).text(s.word());
    }
}
