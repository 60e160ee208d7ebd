package org.portmortem.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisWarning;
import org.portmortem.analysis.AppliedOverlay;
import org.portmortem.analysis.BootPlanSection;
import org.portmortem.analysis.CitedKey;
import org.portmortem.analysis.Fact;
import org.portmortem.analysis.FirstScreen;
import org.portmortem.analysis.HardeningStep;
import org.portmortem.analysis.HiveCopy;
import org.portmortem.analysis.InputFile;
import org.portmortem.analysis.InterfaceSummary;
import org.portmortem.hive.HiveInfo;
import org.portmortem.image.ImageFileOrigin;
import org.portmortem.report.json.DifferenceJson;
import org.portmortem.report.json.EvidenceJson;
import org.portmortem.report.json.FindingJson;
import org.portmortem.report.json.ImageOriginJson;
import org.portmortem.report.json.JsonContext;
import org.portmortem.report.json.JsonFields;
import org.portmortem.report.json.ListenerJson;
import org.portmortem.report.json.RpcEndpointJson;
import org.portmortem.report.json.ServiceJson;
import org.portmortem.report.json.SocketJson;
import org.portmortem.verdict.AbsenceExplanation;
import org.portmortem.verdict.AbsentListener;
import org.portmortem.verdict.Connection;
import org.portmortem.verdict.ObservedOwner;
import org.portmortem.verdict.SeverityScale;
import org.portmortem.verdict.SnapshotDelta;
import org.portmortem.verdict.SnapshotVerdicts;
import org.portmortem.verdict.SocketVerdict;

/**
 * Renders an {@link Analysis} as the JSON report: the same content as the HTML report, with
 * {@code schemaVersion} {@value Analysis#SCHEMA_VERSION}, field names documented in the README and
 * checked by the JSON Schema {@code reports/src/main/resources/schema/portmortem-report.schema.json}. Object fields are written sorted by name
 * and arrays in the analysis's order, so the same analysis always gives the same bytes.
 *
 * <p>The renderer computes nothing: it lays out the analysis's values.
 */
public final class JsonReport {
    private final Analysis a;
    private final JsonContext c;

    private JsonReport(Analysis analysis) {
        this.a = analysis;
        this.c = JsonContext.of(analysis);
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(Analysis analysis) {
        return new JsonReport(analysis).build();
    }

    /** The report as JSON text, UTF-8, ending with a newline. */
    public static String render(Analysis analysis) {
        return JsonFields.text(tree(analysis)) + "\n";
    }

    /**
     * Writes the report to a file: the bytes of {@link #render} in UTF-8, streamed from the tree (the
     * text of a Windows 10 report, 7 MB, was built as a string, copied to UTF-16, then encoded: 160 MB
     * of garbage and two more garbage collections on the run's critical path).
     */
    public static void write(Analysis analysis, Path file) throws IOException {
        write(tree(analysis), file);
    }

    /** Writes a report's tree ({@link #tree}) to a file, as {@link #write(Analysis, Path)} does. */
    public static void write(ObjectNode tree, Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            try (JsonGenerator g = JsonFields.indented(out)) {
                JsonFields.write(g, tree);
            }
            out.write('\n');
        }
    }

    private ObjectNode build() {
        ObjectNode root = JsonFields.object();
        root.put("schemaVersion", Analysis.SCHEMA_VERSION);
        ObjectNode run = root.putObject("run");
        run.put("tool", "PortMortem");
        run.put("toolVersion", a.run().toolVersion());
        JsonFields.time(run, "runTime", a.runTime());
        run.put("caseId", a.run().caseId());
        run.put("examiner", a.run().examiner());

        ArrayNode inputs = root.putArray("inputs");
        for (int i = 0; i < a.inputs().size(); i++) {
            ObjectNode n = inputs.addObject();
            n.put("id", a.ids().input(i));
            input(n, a.inputs().get(i));
        }
        ArrayNode overlays = root.putArray("overlays");
        for (AppliedOverlay o : a.overlays()) {
            ObjectNode n = overlays.addObject();
            n.put("path", o.path());
            JsonFields.strings(n.putArray("hives"), o.hives());
            JsonFields.strings(n.putArray("ignoredRoots"), o.ignoredRoots());
            JsonFields.strings(n.putArray("problems"), o.problems());
        }
        ArrayNode warnings = root.putArray("warnings");
        for (AnalysisWarning w : a.warnings()) {
            ObjectNode n = warnings.addObject();
            n.put("stage", w.stage().name().toLowerCase());
            n.put("subject", w.subject());
            n.put("message", w.message());
        }
        ObjectNode system = root.putObject("system");
        for (Fact f : a.systemSummary()) {
            ObjectNode n = system.putObject(f.id());
            n.put("label", f.label());
            n.put("value", f.value());
            EvidenceJson.orNull(n, "evidence", f.evidence(), c);
        }
        ArrayNode interfaces = root.putArray("interfaces");
        for (InterfaceSummary i : a.interfaces()) {
            ObjectNode n = interfaces.addObject();
            n.put("guid", i.guid());
            n.put("name", i.name());
            n.put("addressing", i.addressing());
            JsonFields.strings(n.putArray("bootAddresses"), i.bootAddresses());
            n.put("netbios", i.netbios());
            EvidenceJson.array(n.putArray("evidence"), i.evidence(), c);
        }

        ObjectNode counts = root.putObject("findingCounts");
        a.findingCounts().forEach((s, c) -> counts.put(s.word(), c));
        ObjectNode scale = root.putObject("severityScale");
        scale.put("source", a.severityScale().source());
        ArrayNode levels = scale.putArray("levels");
        for (SeverityScale.Level l : a.severityScale().levels()) {
            ObjectNode n = levels.addObject();
            n.put("severity", l.severity().word());
            n.put("meaning", l.meaning());
            JsonFields.strings(n.putArray("examples"), l.examples());
        }
        ArrayNode findings = root.putArray("findings");
        for (int i = 0; i < a.findings().size(); i++) {
            ObjectNode n = findings.addObject();
            n.put("anchor", a.ids().finding(i));
            FindingJson.write(n, a.findings().get(i), c);
        }

        ObjectNode profile = root.putObject("firewallProfile");
        profile.put("profile", a.exposure().firewallProfile().word());
        profile.put("reason", a.exposure().firewallProfile().reason());
        EvidenceJson.array(
                profile.putArray("evidence"), a.exposure().firewallProfile().evidence(), c);
        ArrayNode listeners = root.putArray("listeners");
        for (int i = 0; i < a.exposure().listeners().size(); i++) {
            ListenerJson.write(
                    listeners.addObject(), i, a.exposure().listeners().get(i), c);
        }
        ArrayNode rpc = root.putArray("rpcEndpoints");
        for (int i = 0; i < a.exposure().rpcEndpoints().size(); i++) {
            RpcEndpointJson.write(
                    rpc.addObject(), i, a.exposure().rpcEndpoints().get(i), c);
        }
        ListenerJson.portRange(root.putObject("dynamicRange"), a.exposure().dynamicRange(), c);

        ObjectNode boot = root.putObject("bootPlan");
        for (BootPlanSection s : a.bootPlanSections()) {
            ArrayNode arr = boot.putArray(s.id());
            s.entries().forEach(e -> ServiceJson.write(arr.addObject(), e, c));
        }

        ObjectNode observed = root.putObject("observed");
        ArrayNode snaps = observed.putArray("snapshots");
        a.verdicts().snapshots().forEach(s -> snapshot(snaps.addObject(), s));
        ArrayNode deltas = observed.putArray("deltas");
        for (SnapshotDelta d : a.verdicts().deltas()) {
            ObjectNode n = deltas.addObject();
            n.put("earlier", a.label(d.earlier()));
            n.put("later", a.label(d.later()));
            ArrayNode opened = n.putArray("opened");
            d.opened().forEach(x -> SocketJson.write(opened.addObject(), x));
            ArrayNode closed = n.putArray("closed");
            d.closed().forEach(x -> SocketJson.write(closed.addObject(), x));
        }

        ArrayNode plan = root.putArray("hardeningPlan");
        for (HardeningStep st : a.hardeningPlan()) {
            ObjectNode n = plan.addObject();
            n.put("step", st.number());
            n.put("title", st.title());
            if (st.remediation() == null) {
                n.putNull("remediation");
            } else {
                ObjectNode r = n.putObject("remediation");
                r.put("title", st.remediation().title());
                r.put("why", st.remediation().why());
                JsonFields.strings(r.putArray("commands"), st.remediation().commands());
                r.put("serviceToDisable", st.remediation().serviceToDisable());
                r.put("guiPath", st.guiPath());
            }
            n.put("openPorts", st.openPorts());
            JsonFields.strings(n.putArray("closed"), st.closed());
            JsonFields.strings(n.putArray("opened"), st.opened());
            ArrayNode ls = n.putArray("listeners");
            st.listeners().forEach(l -> ListenerJson.write(ls.addObject(), l, c));
            if (st.remoteManagement() == null) {
                n.putNull("remoteManagement");
            } else {
                ObjectNode m = n.putObject("remoteManagement");
                JsonFields.strings(m.putArray("services"), st.remoteManagement().services());
                m.put("note", st.remoteManagement().note());
            }
        }

        hiveCopies(root.putArray("hiveCopies"));

        ArrayNode cited = root.putArray("citedKeys");
        for (int i = 0; i < a.citedKeys().size(); i++) {
            CitedKey k = a.citedKeys().get(i);
            ObjectNode n = cited.addObject();
            n.put("id", a.ids().citedKey(i));
            JsonFields.strings(n.putArray("citedBy"), a.ids().citedBy(i));
            n.put("hive", k.hive());
            n.put("keyPath", k.keyPath());
            JsonFields.strings(n.putArray("valueNames"), k.valueNames());
            JsonFields.time(n, "lastWritten", k.lastWritten());
            n.put("absent", k.absent());
        }
        JsonFields.strings(root.putArray("summary"), a.summary());
        firstScreen(root.putObject("firstScreen"));
        return root;
    }

    private void firstScreen(ObjectNode n) {
        FirstScreen fs = a.firstScreen();
        ObjectNode m = n.putObject("machine");
        m.put("name", fs.machine().name());
        m.put("windows", fs.machine().windows());
        m.put("role", fs.machine().role());
        m.put("firewall", fs.machine().firewall());
        n.put("reachableBasis", fs.reachableBasis());
        ArrayNode reachable = n.putArray("reachable");
        for (FirstScreen.ReachableListener r : fs.reachable()) {
            ObjectNode o = reachable.addObject();
            o.put("listener", a.ids().listener(r.listener()));
            o.put("severity", r.severity() == null ? null : r.severity().word());
            o.put("firewall", r.firewall());
        }
        ArrayNode top = n.putArray("topFindings");
        fs.topFindings().forEach(f -> top.add(a.ids().finding(f)));
        n.put("otherFindings", fs.otherFindings());
    }

    private void input(ObjectNode n, InputFile f) {
        n.put("path", f.path());
        n.put("role", f.role().name().toLowerCase());
        n.put("size", f.size());
        n.put("sha256", f.sha256());
        n.put("format", f.format());
        n.put("status", f.status());
        imageOrigin(n, f.image());
        HiveInfo h = f.hiveInfo();
        if (h == null) {
            n.putNull("hive");
            return;
        }
        ObjectNode hive = n.putObject("hive");
        hive.put("version", h.version());
        hive.put("embeddedFileName", h.embeddedFileName());
        hive.put("primarySequence", h.primarySequence());
        hive.put("secondarySequence", h.secondarySequence());
        hive.put("dirty", h.dirty());
        hive.put("checksumValid", h.checksumValid());
        JsonFields.instant(hive, "lastWritten", h.lastWritten(), c);
        if (h.logReplay() == null) {
            hive.putNull("logReplay");
        } else {
            ObjectNode r = hive.putObject("logReplay");
            r.put("applied", h.logReplay().applied());
            r.put("entriesApplied", h.logReplay().entriesApplied());
            r.put("note", h.logReplay().note());
            ArrayNode logs = r.putArray("logsFound");
            h.logReplay().logsFound().forEach(p -> logs.add(p.getFileName().toString()));
        }
    }

    /** The older hive copies compared with the live hives (schema 1.2). */
    private void hiveCopies(ArrayNode arr) {
        for (HiveCopy copy : a.hiveCopies()) {
            ObjectNode n = arr.addObject();
            n.put("kind", copy.kind());
            n.put("path", copy.path());
            JsonFields.instant(n, "lastWritten", copy.lastWritten(), c);
            n.put("status", copy.status());
            ArrayNode diffs = n.putArray("differences");
            DifferenceJson.Sides sides = new DifferenceJson.Sides("live", c, "copy", c);
            copy.differences().forEach(d -> DifferenceJson.write(diffs.addObject(), d, sides));
        }
    }

    /** Where a file copied out of a disk image came from (schema 1.2), or {@code null}. */
    private void imageOrigin(ObjectNode n, ImageFileOrigin o) {
        ImageOriginJson.put(n, o, c);
    }

    private void snapshot(ObjectNode n, SnapshotVerdicts s) {
        n.put("file", a.label(s.snapshot().file()));
        n.put("kind", s.snapshot().kind().name().toLowerCase());
        n.put("encoding", s.snapshot().encoding());
        n.put("commandLine", s.snapshot().commandLine());
        n.put(
                "captureTime",
                s.snapshot().captureTime() == null
                        ? null
                        : s.snapshot().captureTime().toString());
        listingSource(n, s.snapshot());
        JsonFields.strings(n.putArray("notes"), s.notes());
        ObjectNode match = n.putObject("machineMatch");
        match.put("verdict", s.machineMatch().verdict().word());
        JsonFields.strings(match.putArray("reasons"), s.machineMatch().reasons());
        ArrayNode sockets = n.putArray("sockets");
        for (SocketVerdict v : s.sockets()) {
            ObjectNode o = sockets.addObject();
            SocketJson.write(o.putObject("socket"), v.socket());
            o.put("verdict", v.kind().name().toLowerCase());
            if (v.listener() == null) {
                o.putNull("listener");
            } else {
                ListenerJson.reference(o.putObject("listener"), v.listener(), c);
            }
            owner(o, v.owner());
            o.put("reason", v.reason());
        }
        ArrayNode absent = n.putArray("absent");
        for (AbsentListener al : s.absent()) {
            ObjectNode o = absent.addObject();
            ListenerJson.reference(o.putObject("listener"), al.listener(), c);
            ArrayNode ex = o.putArray("explanations");
            for (AbsenceExplanation x : al.explanations()) {
                ObjectNode e = ex.addObject();
                e.put("cause", x.cause().name().toLowerCase());
                e.put("explanation", x.explanation());
                e.put("howToTell", x.howToTell());
                EvidenceJson.array(e.putArray("evidence"), x.evidence(), c);
            }
        }
        ArrayNode connections = n.putArray("connections");
        for (Connection conn : s.connections()) {
            ObjectNode o = connections.addObject();
            SocketJson.write(o.putObject("socket"), conn.socket());
            o.put("direction", conn.direction().name().toLowerCase());
            o.put("remoteEndpoint", conn.remoteEndpoint());
            owner(o, conn.owner());
        }
    }

    private static void owner(ObjectNode parent, ObservedOwner o) {
        if (o == null) {
            parent.putNull("owner");
            return;
        }
        ObjectNode n = parent.putObject("owner");
        n.put("pid", o.pid());
        n.put("process", o.process());
        JsonFields.strings(n.putArray("services"), o.services());
        n.put("source", o.source() == null ? null : o.source().name().toLowerCase());
    }

    /** Schema 1.2: which tool printed a memory or live-response listing, and the capture's lower bound. */
    private static void listingSource(ObjectNode n, org.portmortem.snapshot.NetstatSnapshot snapshot) {
        org.portmortem.snapshot.ListingSource src = snapshot.source();
        if (src == null) {
            n.putNull("source");
        } else {
            ObjectNode o = n.putObject("source");
            o.put("tool", src.tool());
            o.put("plugin", src.plugin());
            o.put("renderer", src.renderer());
            o.put("version", src.version());
            o.put("description", src.describe());
        }
        n.put(
                "capturedNotBefore",
                snapshot.latestCreated() == null
                        ? null
                        : snapshot.latestCreated().toString());
    }
}
