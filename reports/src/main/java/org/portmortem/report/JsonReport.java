package org.portmortem.report;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
import org.portmortem.analysis.MachineTime;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.PortRange;
import org.portmortem.exposure.RpcEndpoint;
import org.portmortem.hive.HiveInfo;
import org.portmortem.image.DiskImage;
import org.portmortem.image.FileTimes;
import org.portmortem.image.ImageFileOrigin;
import org.portmortem.snapshot.Socket;
import org.portmortem.verdict.AbsenceExplanation;
import org.portmortem.verdict.AbsentListener;
import org.portmortem.verdict.Connection;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.ObservedOwner;
import org.portmortem.verdict.RemediationRef;
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
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Analysis a;

    private JsonReport(Analysis analysis) {
        this.a = analysis;
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(Analysis analysis) {
        return new JsonReport(analysis).build();
    }

    /** The report as JSON text, UTF-8, ending with a newline. */
    public static String render(Analysis analysis) {
        try {
            return MAPPER.writeValueAsString(tree(analysis)) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }

    /** Writes the report to a file. */
    public static void write(Analysis analysis, Path file) throws IOException {
        Files.writeString(file, render(analysis), StandardCharsets.UTF_8);
    }

    private ObjectNode build() {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", Analysis.SCHEMA_VERSION);
        ObjectNode run = root.putObject("run");
        run.put("tool", "PortMortem");
        run.put("toolVersion", a.run().toolVersion());
        time(run, "runTime", a.runTime());
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
            strings(n.putArray("hives"), o.hives());
            strings(n.putArray("ignoredRoots"), o.ignoredRoots());
            strings(n.putArray("problems"), o.problems());
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
            evidenceOrNull(n, "evidence", f.evidence());
        }
        ArrayNode interfaces = root.putArray("interfaces");
        for (InterfaceSummary i : a.interfaces()) {
            ObjectNode n = interfaces.addObject();
            n.put("guid", i.guid());
            n.put("name", i.name());
            n.put("addressing", i.addressing());
            strings(n.putArray("bootAddresses"), i.bootAddresses());
            n.put("netbios", i.netbios());
            evidence(n.putArray("evidence"), i.evidence());
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
            strings(n.putArray("examples"), l.examples());
        }
        ArrayNode findings = root.putArray("findings");
        for (int i = 0; i < a.findings().size(); i++) {
            ObjectNode n = findings.addObject();
            n.put("anchor", a.ids().finding(i));
            finding(n, a.findings().get(i));
        }

        ObjectNode profile = root.putObject("firewallProfile");
        profile.put("profile", a.exposure().firewallProfile().word());
        profile.put("reason", a.exposure().firewallProfile().reason());
        evidence(profile.putArray("evidence"), a.exposure().firewallProfile().evidence());
        ArrayNode listeners = root.putArray("listeners");
        for (int i = 0; i < a.exposure().listeners().size(); i++) {
            listener(listeners.addObject(), a.exposure().listeners().get(i), a.ids().listener(i));
        }
        ArrayNode rpc = root.putArray("rpcEndpoints");
        for (int i = 0; i < a.exposure().rpcEndpoints().size(); i++) {
            ObjectNode n = rpc.addObject();
            n.put("id", a.ids().rpcEndpoint(i));
            rpcEndpoint(n, a.exposure().rpcEndpoints().get(i));
        }
        range(root.putObject("dynamicRange"), a.exposure().dynamicRange());

        ObjectNode boot = root.putObject("bootPlan");
        for (BootPlanSection s : a.bootPlanSections()) {
            ArrayNode arr = boot.putArray(s.id());
            s.entries().forEach(e -> bootEntry(arr.addObject(), e));
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
            d.opened().forEach(x -> socket(opened.addObject(), x));
            ArrayNode closed = n.putArray("closed");
            d.closed().forEach(x -> socket(closed.addObject(), x));
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
                strings(r.putArray("commands"), st.remediation().commands());
                r.put("serviceToDisable", st.remediation().serviceToDisable());
                r.put("guiPath", st.guiPath());
            }
            n.put("openPorts", st.openPorts());
            strings(n.putArray("closed"), st.closed());
            strings(n.putArray("opened"), st.opened());
            ArrayNode ls = n.putArray("listeners");
            st.listeners().forEach(l -> listener(ls.addObject(), l));
            if (st.remoteManagement() == null) {
                n.putNull("remoteManagement");
            } else {
                ObjectNode m = n.putObject("remoteManagement");
                strings(m.putArray("services"), st.remoteManagement().services());
                m.put("note", st.remoteManagement().note());
            }
        }

        hiveCopies(root.putArray("hiveCopies"));

        ArrayNode cited = root.putArray("citedKeys");
        for (int i = 0; i < a.citedKeys().size(); i++) {
            CitedKey k = a.citedKeys().get(i);
            ObjectNode n = cited.addObject();
            n.put("id", a.ids().citedKey(i));
            strings(n.putArray("citedBy"), a.ids().citedBy(i));
            n.put("hive", k.hive());
            n.put("keyPath", k.keyPath());
            strings(n.putArray("valueNames"), k.valueNames());
            time(n, "lastWritten", k.lastWritten());
            n.put("absent", k.absent());
        }
        strings(root.putArray("summary"), a.summary());
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
        instant(hive, "lastWritten", h.lastWritten());
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
        for (HiveCopy c : a.hiveCopies()) {
            ObjectNode n = arr.addObject();
            n.put("kind", c.kind());
            n.put("path", c.path());
            instant(n, "lastWritten", c.lastWritten());
            n.put("status", c.status());
            ArrayNode diffs = n.putArray("differences");
            for (HiveCopy.Difference d : c.differences()) {
                ObjectNode o = diffs.addObject();
                o.put("subject", d.subject());
                o.put("kind", d.kind());
                o.put("field", d.field());
                o.put("live", d.live());
                o.put("copy", d.copy());
                evidence(o.putArray("liveEvidence"), d.liveEvidence());
                evidence(o.putArray("copyEvidence"), d.copyEvidence());
            }
        }
    }

    /** Where a file copied out of a disk image came from (schema 1.2), or {@code null}. */
    private void imageOrigin(ObjectNode n, ImageFileOrigin o) {
        if (o == null) {
            n.putNull("image");
            return;
        }
        ObjectNode i = n.putObject("image");
        i.put("path", o.image().toString());
        i.put("format", o.format().word());
        ArrayNode hashes = i.putArray("sha256");
        for (DiskImage.SegmentHash h : o.segments()) {
            ObjectNode s = hashes.addObject();
            s.put("file", h.file().toString());
            s.put("size", h.size());
            s.put("sha256", h.sha256());
        }
        i.put("volume", o.volume());
        i.put("offset", o.offset());
        i.put("fileSystem", o.fileSystem());
        i.put("pathInImage", o.pathInImage());
        i.put("mftEntry", o.mftEntry());
        i.put("address", o.address());
        ObjectNode times = i.putObject("times");
        macb(times, "standardInformation", o.times().standardInformation());
        macb(times, "fileName", o.times().fileName());
        i.put("note", o.note());
    }

    private void macb(ObjectNode n, String field, FileTimes.Macb t) {
        if (t == null) {
            n.putNull(field);
            return;
        }
        ObjectNode m = n.putObject(field);
        instant(m, "modified", t.modified());
        instant(m, "accessed", t.accessed());
        instant(m, "changed", t.changed());
        instant(m, "born", t.born());
    }

    private void finding(ObjectNode n, Finding f) {
        n.put("id", f.id());
        n.put("severity", f.severity().word());
        n.put("basis", f.basis().name().toLowerCase());
        n.put("title", f.title());
        n.put("description", f.description());
        ArrayNode ls = n.putArray("listeners");
        f.listeners().forEach(l -> listener(ls.addObject(), l));
        ArrayNode sk = n.putArray("sockets");
        f.sockets().forEach(s -> socket(sk.addObject(), s));
        evidence(n.putArray("evidence"), f.evidence());
        ArrayNode rems = n.putArray("remediations");
        f.remediations().forEach(r -> remediation(rems.addObject(), r));
        n.put("justification", f.justification());
    }

    private static void remediation(ObjectNode n, RemediationRef r) {
        n.put("action", r.action());
        strings(n.putArray("commands"), r.commands());
        n.put("guiPath", r.guiPath());
        n.put("source", r.source());
    }

    private void listener(ObjectNode n, Listener l) {
        listener(n, l, a.ids().listener(l));
    }

    /** A listener with its anchor ({@code null} for one not in the prediction as found). */
    private void listener(ObjectNode n, Listener l, String id) {
        n.put("id", id);
        n.put("protocol", l.protocol().name());
        n.put("ipVersion", l.ipVersion());
        n.put("address", l.address());
        n.put("port", l.port());
        n.put("dynamic", l.dynamic());
        n.put("localEndpoint", l.localEndpoint());
        if (l.portRange() == null) {
            n.putNull("portRange");
        } else {
            range(n.putObject("portRange"), l.portRange());
        }
        ObjectNode owner = n.putObject("owner");
        owner.put("service", l.owner().service());
        owner.put("process", l.owner().process());
        owner.put("svchostGroup", l.owner().svchostGroup());
        strings(owner.putArray("sharedWith"), l.owner().sharedWith());
        n.put("startType", a.startType(l.owner().service()));
        ObjectNode m = n.putObject("mechanism");
        m.put("kind", l.mechanism().kind().name().toLowerCase());
        m.put("description", l.mechanism().description());
        ObjectNode c = n.putObject("certainty");
        c.put("level", l.certainty().level().name().toLowerCase());
        c.put("reason", l.certainty().reason());
        ObjectNode fw = n.putObject("firewall");
        l.firewall().profiles().forEach((profile, d) -> {
            ObjectNode p = fw.putObject(profile);
            p.put("reachability", d.reachability().word());
            p.put("decidedBy", d.decidedBy());
            evidence(p.putArray("evidence"), d.evidence());
        });
        ObjectNode inForce = fw.putObject("inForce");
        FirewallVerdict.Decision d = l.firewall().inForceDecision();
        inForce.put("profile", l.firewall().inForce() == null ? null : l.firewall().inForce().toLowerCase(Locale.ROOT));
        inForce.put("reachability", l.firewall().inForceReachability().word());
        inForce.put("reason", d == null ? "no firewall profile was evaluated" : d.decidedBy());
        evidence(n.putArray("evidence"), l.evidence());
    }

    private void range(ObjectNode n, PortRange r) {
        n.put("first", r.first());
        n.put("last", r.last());
        n.put("origin", r.origin());
        evidence(n.putArray("evidence"), r.evidence());
    }

    private void rpcEndpoint(ObjectNode n, RpcEndpoint r) {
        n.put("uuid", r.uuid());
        n.put("version", r.version());
        n.put("name", r.name());
        n.put("protseq", r.protseq());
        n.put("endpoint", r.endpoint());
        n.put("service", r.service());
        n.put("process", r.process());
        ObjectNode c = n.putObject("certainty");
        c.put("level", r.certainty().level().name().toLowerCase());
        c.put("reason", r.certainty().reason());
        evidence(n.putArray("evidence"), r.evidence());
    }

    private void bootEntry(ObjectNode n, BootPlanEntry e) {
        n.put("id", a.ids().service(e.name()));
        n.put("name", e.name());
        n.put("displayName", e.service().displayName().isPresent() ? e.service().displayName().value().raw() : null);
        n.put("imagePath", e.service().imagePath().value());
        n.put("kind", e.service().isDriver() ? "driver" : "service");
        n.put("startType", a.startType(e.name()));
        n.put("decision", e.decision().name().toLowerCase());
        n.put("willRun", e.willRun());
        n.put("reason", e.reason());
        strings(n.putArray("failureChain"), e.failureChain());
        strings(n.putArray("requiredBy"), e.requiredBy());
        ObjectNode host = n.putObject("host");
        host.put("kind", e.host().kind().name().toLowerCase());
        host.put("image", e.host().image());
        host.put("path", e.host().path());
        host.put("svchostGroup", e.host().svchostGroup());
        evidence(n.putArray("evidence"), e.evidence());
    }

    private void snapshot(ObjectNode n, SnapshotVerdicts s) {
        n.put("file", a.label(s.snapshot().file()));
        n.put("kind", s.snapshot().kind().name().toLowerCase());
        n.put("encoding", s.snapshot().encoding());
        n.put("commandLine", s.snapshot().commandLine());
        n.put("captureTime", s.snapshot().captureTime() == null ? null : s.snapshot().captureTime().toString());
        listingSource(n, s.snapshot());
        strings(n.putArray("notes"), s.notes());
        ObjectNode match = n.putObject("machineMatch");
        match.put("verdict", s.machineMatch().verdict().word());
        strings(match.putArray("reasons"), s.machineMatch().reasons());
        ArrayNode sockets = n.putArray("sockets");
        for (SocketVerdict v : s.sockets()) {
            ObjectNode o = sockets.addObject();
            socket(o.putObject("socket"), v.socket());
            o.put("verdict", v.kind().name().toLowerCase());
            if (v.listener() == null) {
                o.putNull("listener");
            } else {
                listenerRef(o.putObject("listener"), v.listener());
            }
            owner(o, v.owner());
            o.put("reason", v.reason());
        }
        ArrayNode absent = n.putArray("absent");
        for (AbsentListener al : s.absent()) {
            ObjectNode o = absent.addObject();
            listenerRef(o.putObject("listener"), al.listener());
            ArrayNode ex = o.putArray("explanations");
            for (AbsenceExplanation x : al.explanations()) {
                ObjectNode e = ex.addObject();
                e.put("cause", x.cause().name().toLowerCase());
                e.put("explanation", x.explanation());
                e.put("howToTell", x.howToTell());
                evidence(e.putArray("evidence"), x.evidence());
            }
        }
        ArrayNode connections = n.putArray("connections");
        for (Connection c : s.connections()) {
            ObjectNode o = connections.addObject();
            socket(o.putObject("socket"), c.socket());
            o.put("direction", c.direction().name().toLowerCase());
            o.put("remoteEndpoint", c.remoteEndpoint());
            owner(o, c.owner());
        }
    }

    /** A listener by its identity only, where the full record is in {@code listeners}. */
    private void listenerRef(ObjectNode n, Listener l) {
        n.put("id", a.ids().listener(l));
        n.put("protocol", l.protocol().name());
        n.put("localEndpoint", l.localEndpoint());
        n.put("service", l.owner().service());
        n.put("process", l.owner().process());
    }

    private static void owner(ObjectNode parent, ObservedOwner o) {
        if (o == null) {
            parent.putNull("owner");
            return;
        }
        ObjectNode n = parent.putObject("owner");
        n.put("pid", o.pid());
        n.put("process", o.process());
        strings(n.putArray("services"), o.services());
        n.put("source", o.source() == null ? null : o.source().name().toLowerCase());
    }

    private static void socket(ObjectNode n, Socket s) {
        n.put("protocol", s.protocol().name());
        n.put("ipVersion", s.ipVersion());
        n.put("localAddress", s.localAddress());
        n.put("localPort", s.localPort().toString());
        n.put("localEndpoint", s.localEndpoint());
        n.put("foreignEndpoint", s.foreignEndpoint());
        n.put("state", s.state() == null ? null : s.state().name());
        n.put("stateText", s.stateText());
        n.put("pid", s.pid());
        n.put("process", s.process());
        strings(n.putArray("services"), s.services());
        n.put("line", s.line());
        memoryRecord(n, s);
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
        n.put("capturedNotBefore", snapshot.latestCreated() == null ? null : snapshot.latestCreated().toString());
    }

    /** Schema 1.2: a memory row's offset, creation time and mark; null for netstat. */
    private static void memoryRecord(ObjectNode n, Socket s) {
        org.portmortem.snapshot.MemoryRecord m = s.memory();
        if (m == null) {
            n.putNull("memory");
            return;
        }
        ObjectNode o = n.putObject("memory");
        o.put("offset", m.offset());
        o.put("created", m.createdText());
        o.put("createdUtc", m.created() == null ? null : m.created().toString());
        o.put("mark", m.mark().name().toLowerCase(java.util.Locale.ROOT));
        o.put("markReason", m.reason());
        o.put("duplicateOf", m.duplicateOf());
        o.put("listing", m.listing());
        o.put("ownerNote", m.ownerNote());
    }

    private void evidence(ArrayNode arr, List<Evidence> evidence) {
        evidence.forEach(e -> evidenceFields(arr.addObject(), e));
    }

    private void evidenceOrNull(ObjectNode parent, String field, Evidence e) {
        if (e == null) {
            parent.putNull(field);
        } else {
            evidenceFields(parent.putObject(field), e);
        }
    }

    private void evidenceFields(ObjectNode n, Evidence e) {
        n.put("hive", e.hive());
        n.put("keyPath", e.keyPath());
        n.put("valueName", e.valueName());
        n.put("valueType", e.valueType());
        n.put("data", e.data());
        instant(n, "lastWritten", e.lastWritten());
        n.put("note", e.note());
    }

    private void instant(ObjectNode n, String field, Instant i) {
        time(n, field, i == null ? null : a.time(i));
    }

    /** A time as {@code {utc, local}}, or {@code null}. */
    private static void time(ObjectNode n, String field, MachineTime t) {
        if (t == null) {
            n.putNull(field);
            return;
        }
        ObjectNode o = n.putObject(field);
        o.put("utc", t.utcText());
        o.put("local", t.localText());
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }
}
