package org.portmortem.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.cases.CaseFiles;
import org.portmortem.cases.CaseHives;
import org.portmortem.evidence.FileDigest;
import org.portmortem.evidence.PendingDigests;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.ExposurePredictor;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.RegOverlay;
import org.portmortem.model.ModelWarning;
import org.portmortem.model.SystemModel;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.Snapshot;
import org.portmortem.snapshot.SnapshotReader;
import org.portmortem.snapshot.SnapshotWarning;
import org.portmortem.verdict.ExposureRules;
import org.portmortem.verdict.ObservationComparison;
import org.portmortem.verdict.Verdicts;

/**
 * The one pipeline every subcommand that reads a case goes through: inputs hashed, hives opened (logs
 * replayed in memory), overlays applied to copies, system model, boot plan, exposure; then, for a full
 * analysis, older hive copies, snapshots, hardening plan and verdicts, precomputed into an
 * {@link Analysis}. {@link #predict} runs the stages up to the exposure (what {@code listeners},
 * {@code rpc}, {@code services} and {@code system} show), {@link #analyse} all of them; both raise
 * the same warnings for the same inputs, in stage order, the hive readers' last.
 *
 * <p>The stages after the model are given the registry they read explicitly (a
 * {@link RegistryScope} over the hives this class holds open); the hardening plan is evaluated from
 * the baseline computed here. Evidence files are only read. The hives are closed before either
 * method returns; what it returns holds only values read from them.
 */
public final class CaseAnalysis {
    private final ExposurePredictor predictor;

    /** An analysis with the bundled knowledge base. */
    public CaseAnalysis() {
        this(new ExposurePredictor());
    }

    /** An analysis with the given predictor. */
    public CaseAnalysis(ExposurePredictor predictor) {
        this.predictor = predictor;
    }

    /** Analyses one case with the bundled knowledge base. */
    public static Analysis run(AnalysisRequest request) throws IOException {
        return new CaseAnalysis().analyse(request);
    }

    /**
     * Runs the stages up to the exposure (the request's snapshots are not read): the inputs, every
     * warning those stages raise, the model, boot plan and exposure.
     *
     * @throws org.portmortem.InputException if an input is missing, unreadable or not what it claims to
     *     be (one line naming the file)
     */
    public Prediction predict(AnalysisRequest request) throws IOException {
        org.portmortem.exposure.knowledge.KnowledgeBase.preload(); // read while the hives are opened
        Analysis.Builder out = new Analysis.Builder(request.run());
        try (OpenedCase opened = open(request, out, false)) {
            Stages s = predictionStages(opened, request, out);
            opened.hiveWarnings(request.files(), out);
            opened.inputs.recordInto(out);
            return new Prediction(
                    out.inputs, out.warnings, s.model(), s.plan(), s.exposure().withoutFirewallJudge());
        }
    }

    /**
     * Analyses one case: every stage.
     *
     * @throws org.portmortem.InputException if an input is missing, unreadable or not what it claims to
     *     be (one line naming the file)
     */
    public Analysis analyse(AnalysisRequest request) throws IOException {
        org.portmortem.exposure.knowledge.KnowledgeBase.preload(); // read while the hives are opened
        Analysis.Builder out = new Analysis.Builder(request.run());
        try (OpenedCase opened = open(request, out, true)) {
            Stages s = predictionStages(opened, request, out);
            out.hiveCopies = new HiveCopyComparison(predictor)
                    .compare(
                            request.files().copies(),
                            s.model(),
                            s.exposure(),
                            opened.software,
                            request.hiveOptions(),
                            request.modelOptions(),
                            request::label);
            List<Snapshot> snapshots = readSnapshots(request, opened.inputs, out);
            out.model(s.model(), s.plan(), s.exposure().withoutFirewallJudge(), snapshots);
            HardeningPlan.Baseline baseline =
                    new HardeningPlan.Baseline(s.model(), s.plan(), s.exposure(), s.registry());
            HardeningPlan hardening = org.portmortem.verdict.HardeningOrder.bySeverity(baseline);
            out.hardeningPlan = steps(
                    hardening, s.exposure(), s.model(), !request.overlays().isEmpty());
            out.verdicts = judge(
                    new ObservationComparison(s.model(), s.plan(), s.exposure(), s.registry(), hardening),
                    snapshots,
                    request,
                    out);
            opened.hiveWarnings(request.files(), out);
            opened.inputs.recordInto(out);
            return out.build();
        }
    }

    /** What the stages up to the exposure computed, with the registry they read (open while the case is). */
    private record Stages(SystemModel model, BootPlan plan, Exposure exposure, RegistryScope registry) {}

    /**
     * The hives of a case, open: as read from the files (whose readers collect the warnings) and as
     * analysed (overlaid copies, or the same).
     */
    private static final class OpenedCase implements AutoCloseable {
        final CaseHives files;
        final Hive system;
        final Hive software;
        final PendingInputs inputs;

        OpenedCase(CaseHives files, Hive system, Hive software, PendingInputs inputs) {
            this.files = files;
            this.system = system;
            this.software = software;
            this.inputs = inputs;
        }

        /** Lazy readers add warnings while the stages visit the hive: collected last. */
        void hiveWarnings(CaseFiles caseFiles, Analysis.Builder out) {
            CaseAnalysis.hiveWarnings(files.system(), caseFiles, caseFiles.system(), out);
            if (files.software() != null) {
                CaseAnalysis.hiveWarnings(files.software(), caseFiles, caseFiles.software(), out);
            }
        }

        @Override
        public void close() {
            // after a failure the digests are not needed: stop reading (a no-op once they are recorded)
            inputs.cancel();
            files.close();
        }
    }

    /**
     * Starts hashing every input, opens the hives and applies the overlays to copies, recording each
     * input (completed with its digest by {@link PendingInputs#recordInto}).
     */
    private static OpenedCase open(AnalysisRequest request, Analysis.Builder out, boolean withSnapshots)
            throws IOException {
        CaseFiles files = request.files();
        files.notes().forEach(n -> out.warning(AnalysisWarning.Stage.CASE, "", n));
        // Every file is hashed, in the order its input is recorded, beside the parse (PendingDigests says why).
        List<Path> hashed = new ArrayList<>();
        hashed.add(files.system());
        hashed.addAll(files.systemLogs());
        if (files.software() != null) {
            hashed.add(files.software());
            hashed.addAll(files.softwareLogs());
        }
        hashed.addAll(request.overlays());
        if (withSnapshots) {
            hashed.addAll(request.snapshots());
        }
        PendingInputs inputs = new PendingInputs(PendingDigests.start(hashed));

        CaseHives hives;
        try {
            hives = CaseHives.open(files, request.hiveOptions());
        } catch (IOException | RuntimeException e) {
            inputs.cancel();
            throw e;
        }
        try {
            Hive systemFile = hives.system();
            Hive softwareFile = hives.software();
            inputs.add(d -> hiveInput(
                    request.label(files.system()),
                    InputRole.SYSTEM,
                    d,
                    systemFile,
                    files.origin(files.system()).orElse(null)));
            addLogs(inputs, request, files.systemLogs(), systemFile.info());
            if (softwareFile != null) {
                inputs.add(d -> hiveInput(
                        request.label(files.software()),
                        InputRole.SOFTWARE,
                        d,
                        softwareFile,
                        files.origin(files.software()).orElse(null)));
                addLogs(inputs, request, files.softwareLogs(), softwareFile.info());
            }
            if (request.overlays().isEmpty()) {
                return new OpenedCase(hives, systemFile, softwareFile, inputs);
            }
            MemoryHive systemCopy = MemoryHive.copyOf(systemFile);
            MemoryHive softwareCopy = softwareFile == null ? null : MemoryHive.copyOf(softwareFile);
            for (int i = 0; i < request.overlays().size(); i++) {
                Path p = request.overlays().get(i);
                AppliedOverlay applied = applyOverlay(p, request.label(p), systemCopy, softwareCopy, out);
                out.overlay(applied);
                inputs.add(d -> new InputFile(
                        request.label(p),
                        InputRole.OVERLAY,
                        d.size(),
                        d.sha256(),
                        ".reg",
                        null,
                        overlayStatus(applied)));
            }
            return new OpenedCase(hives, systemCopy, softwareCopy, inputs);
        } catch (IOException | RuntimeException e) {
            inputs.cancel();
            hives.close();
            throw e;
        }
    }

    /** System model, boot plan and exposure, each stage's warnings recorded. */
    private Stages predictionStages(OpenedCase opened, AnalysisRequest request, Analysis.Builder out)
            throws IOException {
        SystemModel model = SystemModel.read(opened.system, opened.software, request.modelOptions());
        for (ModelWarning w : model.warnings()) {
            out.warning(
                    AnalysisWarning.Stage.MODEL,
                    w.evidence() == null
                            ? ""
                            : w.evidence().hive() + "\\" + w.evidence().keyPath(),
                    w.message());
        }
        BootPlan plan = BootPlan.of(model);
        for (ModelWarning w : plan.warnings()) {
            out.warning(
                    AnalysisWarning.Stage.BOOT_PLAN,
                    w.evidence() == null
                            ? ""
                            : w.evidence().hive() + "\\" + w.evidence().keyPath(),
                    w.message());
        }
        RegistryScope registry = RegistryScope.of(model, opened.system, opened.software);
        Exposure exposure = predictor.predict(model, plan, registry);
        exposure.warnings().forEach(w -> out.warning(AnalysisWarning.Stage.EXPOSURE, "", w));
        return new Stages(model, plan, exposure, registry);
    }

    /**
     * The verdict branch's comparison of the prediction with the socket listings (oldest first, as
     * given), with the owners of the first process table; its findings include the prediction's and the
     * model's own.
     */
    private static Verdicts judge(
            ObservationComparison comparison, List<Snapshot> snapshots, AnalysisRequest request, Analysis.Builder out)
            throws IOException {
        List<NetstatSnapshot> listings = new ArrayList<>();
        ProcessTable processes = null;
        for (Snapshot s : snapshots) {
            if (s instanceof NetstatSnapshot n) {
                listings.add(n);
            } else if (processes == null) {
                processes = (ProcessTable) s;
            } else if (isVolatilityCompanion(processes) && isVolatilityCompanion(s)) {
                // pslist, cmdline and svcscan of one image: one table, as tasklist /svc would be.
                processes = ProcessTable.merge(processes, (ProcessTable) s);
            } else {
                out.warning(
                        AnalysisWarning.Stage.VERDICT,
                        request.label(s.file()),
                        "a second process table: owners" + " are taken from " + request.label(processes.file())
                                + " only");
            }
        }
        Verdicts verdicts = comparison.compare(org.portmortem.snapshot.MemoryListings.join(listings), processes);
        for (org.portmortem.verdict.SnapshotVerdicts v : verdicts.snapshots()) {
            if (v.machineMatch().different()) {
                out.warning(
                        AnalysisWarning.Stage.SNAPSHOT,
                        request.label(v.snapshot().file()),
                        "this listing is not from"
                                + " the machine of the hives ("
                                + String.join("; ", v.machineMatch().reasons()) + "): its"
                                + " comparison is shown, but no finding from it is above info");
            }
        }
        return verdicts;
    }

    private static boolean isVolatilityCompanion(Snapshot s) {
        return s.kind() == org.portmortem.snapshot.SnapshotKind.VOLATILITY_PROCESSES
                || s.kind() == org.portmortem.snapshot.SnapshotKind.VOLATILITY_SERVICES;
    }

    /**
     * The exposure branch's hardening plan (its remediations, in the paper's order, applied cumulatively
     * to copies of the hives) as report steps; step 0 is the prediction as found.
     */
    private static List<HardeningStep> steps(
            HardeningPlan plan, Exposure asFound, SystemModel model, boolean overlaid) {
        ExposureRules rules = ExposureRules.bundled();
        List<HardeningStep> steps = new ArrayList<>();
        steps.add(new HardeningStep(
                0,
                overlaid ? "As found, with the overlays applied" : "As found",
                null,
                null,
                asFound.listeners(),
                asFound.listeners().size(),
                List.of(),
                List.of()));
        List<Listener> previous = plan.baseline().listeners();
        int n = 0;
        for (HardeningPlan.Step s : plan.steps()) {
            List<Listener> after = s.after().listeners();
            List<String> before = previous.stream().map(CaseAnalysis::describe).toList();
            List<String> opened = after.stream()
                    .map(CaseAnalysis::describe)
                    .filter(d -> !before.contains(d))
                    .toList();
            steps.add(new HardeningStep(
                    ++n,
                    s.remediation().title(),
                    s.remediation(),
                    rules.guiPath(s.remediation(), model),
                    after,
                    after.size(),
                    s.closed().stream().map(CaseAnalysis::describe).toList(),
                    opened,
                    org.portmortem.verdict.RemoteManagement.bundled()
                            .cutBy(s.remediation(), s.closed())
                            .orElse(null)));
            previous = after;
        }
        return steps;
    }

    static String describe(Listener l) {
        return l.protocol() + (l.ipVersion() == 6 ? "v6 " : " ") + l.localEndpoint() + " "
                + l.owner().display();
    }

    /**
     * The case's input records, each waiting for its file's digest: added in the order the files were
     * given to {@link PendingDigests#start}, so the n-th record takes the n-th digest.
     */
    private static final class PendingInputs {
        private final PendingDigests digests;
        private final List<java.util.function.Function<FileDigest, InputFile>> records = new ArrayList<>();

        PendingInputs(PendingDigests digests) {
            this.digests = digests;
        }

        void add(java.util.function.Function<FileDigest, InputFile> record) {
            records.add(record);
        }

        void cancel() {
            digests.cancel();
        }

        /** Waits for the digests and records every input, in the order added. */
        void recordInto(Analysis.Builder out) throws IOException {
            List<FileDigest> d = digests.await();
            if (d.size() != records.size()) {
                // a file hashed without its record, or a record without its file: a bug, never a wrong pairing
                throw new IllegalStateException(d.size() + " files hashed for " + records.size() + " input records");
            }
            for (int i = 0; i < records.size(); i++) {
                out.input(records.get(i).apply(d.get(i)));
            }
        }
    }

    private static InputFile hiveInput(
            String path, InputRole role, FileDigest d, Hive hive, org.portmortem.image.ImageFileOrigin origin) {
        HiveInfo info = hive.info();
        String format = switch (hive.format()) {
            case REGF -> "regf " + (info.version() == null ? "" : info.version()).trim();
            case REG_TEXT -> ".reg " + (info.version() == null ? "" : info.version()).trim();
            case MEMORY -> "in-memory";
        };
        String status = info.logReplay() == null ? "no log replay information" : logStatus(info.logReplay());
        return new InputFile(path, role, d.size(), d.sha256(), format.trim(), info, status, origin);
    }

    private static String logStatus(HiveInfo.LogReplay r) {
        if (r.applied()) {
            return "logs replayed in memory: " + r.entriesApplied() + " entr" + (r.entriesApplied() == 1 ? "y" : "ies")
                    + " applied" + (r.note() == null || r.note().isBlank() ? "" : "; " + r.note());
        }
        return r.note() == null || r.note().isBlank() ? "no logs applied" : r.note();
    }

    private static void addLogs(PendingInputs inputs, AnalysisRequest request, List<Path> logs, HiveInfo info) {
        List<Path> used =
                info.logReplay() == null ? List.of() : info.logReplay().logsFound();
        for (Path log : logs) {
            boolean found = used.stream().anyMatch(u -> u.getFileName().equals(log.getFileName()));
            String status = found
                    ? (info.logReplay().applied()
                            ? "replayed in memory (the file is not written)"
                            : "examined, not applied")
                    : "beside the hive, not used (the hive was clean or log replay was off)";
            inputs.add(d -> new InputFile(
                    request.label(log),
                    InputRole.LOG,
                    d.size(),
                    d.sha256(),
                    null,
                    null,
                    status,
                    request.files().origin(log).orElse(null)));
        }
    }

    private static AppliedOverlay applyOverlay(
            Path p, String label, MemoryHive system, MemoryHive software, Analysis.Builder out) throws IOException {
        RegOverlay overlay = RegOverlay.read(p);
        List<String> problems = new ArrayList<>();
        overlay.warnings().forEach(w -> problems.add(w.toString()));
        List<String> hives = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String root : overlay.roots()) {
            if (root.equals("SYSTEM")) {
                hives.add(root);
                overlay.applyTo(system, "SYSTEM").forEach(w -> problems.add(w.toString()));
            } else if (root.equals("SOFTWARE") && software != null) {
                hives.add(root);
                overlay.applyTo(software, "SOFTWARE").forEach(w -> problems.add(w.toString()));
            } else {
                ignored.add(root);
            }
        }
        for (String i : ignored) {
            out.warning(
                    AnalysisWarning.Stage.OVERLAY,
                    label,
                    i.equals("SOFTWARE")
                            ? "changes under HKLM\\SOFTWARE not applied: no SOFTWARE hive was given"
                            : "changes under " + i + " not applied: only SYSTEM and SOFTWARE are analysed");
        }
        problems.forEach(m -> out.warning(AnalysisWarning.Stage.OVERLAY, label, m));
        return new AppliedOverlay(label, hives, ignored, problems);
    }

    private static String overlayStatus(AppliedOverlay o) {
        String s = o.hives().isEmpty() ? "changed nothing" : "applied to " + String.join(" and ", o.hives());
        if (!o.problems().isEmpty()) {
            s += "; " + o.problems().size() + " line" + (o.problems().size() == 1 ? "" : "s") + " not applied";
        }
        return s;
    }

    private static List<Snapshot> readSnapshots(AnalysisRequest request, PendingInputs inputs, Analysis.Builder out)
            throws IOException {
        List<Path> files = request.snapshots();
        List<Snapshot> read = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Snapshot s = SnapshotReader.read(f);
            read.add(s);
            String what = s instanceof NetstatSnapshot n
                    ? n.sockets().size() + " sockets"
                    : ((ProcessTable) s).processes().size() + " processes";
            out.label(f, request.label(f));
            inputs.add(d -> new InputFile(
                    request.label(f),
                    InputRole.SNAPSHOT,
                    d.size(),
                    d.sha256(),
                    s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + s.encoding(),
                    null,
                    what + (s.warnings().isEmpty() ? "" : ", " + s.warnings().size() + " lines with warnings")));
            for (SnapshotWarning w : s.warnings()) {
                out.warning(
                        AnalysisWarning.Stage.SNAPSHOT,
                        request.label(f) + (w.line() > 0 ? ":" + w.line() : ""),
                        w.message());
            }
        }
        return read;
    }

    /** The reader's warnings, naming the hive (a copy out of a disk image by its place in the image). */
    private static void hiveWarnings(Hive hive, CaseFiles files, Path file, Analysis.Builder out) {
        String where = files.origin(file).isPresent() ? files.shown(file) : hive.name();
        for (HiveWarning w : hive.warnings()) {
            out.warning(AnalysisWarning.Stage.HIVE, where, w.toString());
        }
    }
}
