package org.portmortem.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.ExposurePredictor;
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

/**
 * Runs the whole analysis of one case, in one direction: inputs hashed, hives opened (logs replayed
 * in memory), overlays applied to copies, system model, boot plan, exposure, snapshots, verdicts and
 * hardening plan; then everything a report shows is precomputed into an {@link Analysis}.
 *
 * <p>Evidence files are only read. The hives are closed before {@link #run} returns; the
 * {@link Analysis} holds only values read from them.
 */
public final class CaseAnalysis {
    private static final List<String> LOG_SUFFIXES = List.of(".LOG", ".LOG1", ".LOG2");

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
     * Analyses one case.
     *
     * @throws org.portmortem.InputException if an input is missing, unreadable or not what it claims to
     *     be (one line naming the file)
     */
    public Analysis analyse(AnalysisRequest request) throws IOException {
        Analysis.Builder out = new Analysis.Builder(request.run());
        // Identify every file before anything parses it.
        InputDigest systemDigest = InputDigest.of(request.system());
        List<Path> systemLogs = logsBeside(request.system());
        InputDigest softwareDigest = request.software() == null ? null : InputDigest.of(request.software());
        List<Path> softwareLogs = request.software() == null ? List.of() : logsBeside(request.software());
        List<InputDigest> overlayDigests = new ArrayList<>();
        for (Path p : request.overlays()) {
            overlayDigests.add(InputDigest.of(p));
        }
        List<InputDigest> snapshotDigests = new ArrayList<>();
        for (Path p : request.snapshots()) {
            snapshotDigests.add(InputDigest.of(p));
        }

        try (Hive systemFile = Hive.open(request.system(), request.hiveOptions());
                Hive softwareFile = request.software() == null ? null
                        : Hive.open(request.software(), request.hiveOptions())) {
            out.input(hiveInput(request.system(), InputRole.SYSTEM, systemDigest, systemFile));
            addLogs(out, systemLogs, systemFile.info());
            if (softwareFile != null) {
                out.input(hiveInput(request.software(), InputRole.SOFTWARE, softwareDigest, softwareFile));
                addLogs(out, softwareLogs, softwareFile.info());
            }

            Hive system = systemFile;
            Hive software = softwareFile;
            if (!request.overlays().isEmpty()) {
                MemoryHive systemCopy = MemoryHive.copyOf(systemFile);
                MemoryHive softwareCopy = softwareFile == null ? null : MemoryHive.copyOf(softwareFile);
                for (int i = 0; i < request.overlays().size(); i++) {
                    Path p = request.overlays().get(i);
                    AppliedOverlay applied = applyOverlay(p, systemCopy, softwareCopy, out);
                    out.overlay(applied);
                    InputDigest d = overlayDigests.get(i);
                    out.input(new InputFile(p.toString(), InputRole.OVERLAY, d.size(), d.sha256(), ".reg", null,
                            overlayStatus(applied)));
                }
                system = systemCopy;
                software = softwareCopy;
            }

            SystemModel model = SystemModel.read(system, software, request.modelOptions());
            for (ModelWarning w : model.warnings()) {
                out.warning(AnalysisWarning.Stage.MODEL, w.evidence() == null ? ""
                        : w.evidence().hive() + "\\" + w.evidence().keyPath(), w.message());
            }
            BootPlan plan = BootPlan.of(model);
            for (ModelWarning w : plan.warnings()) {
                out.warning(AnalysisWarning.Stage.BOOT_PLAN, w.evidence() == null ? ""
                        : w.evidence().hive() + "\\" + w.evidence().keyPath(), w.message());
            }
            Exposure exposure = predictor.predict(model, plan);
            exposure.warnings().forEach(w -> out.warning(AnalysisWarning.Stage.EXPOSURE, "", w));

            List<Snapshot> snapshots = readSnapshots(request.snapshots(), snapshotDigests, out);
            out.model(model, plan, exposure, snapshots);

            // Lazy readers add warnings while the stages above visit the hive: collect them last.
            hiveWarnings(systemFile, out);
            if (softwareFile != null) {
                hiveWarnings(softwareFile, out);
            }
            return out.build();
        }
    }

    /** The transaction logs beside a hive, found by name case-insensitively, in a stable order. */
    static List<Path> logsBeside(Path hive) throws IOException {
        Path folder = hive.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        String base = hive.getFileName().toString().toUpperCase(Locale.ROOT);
        Set<String> names = Set.of(base + LOG_SUFFIXES.get(0), base + LOG_SUFFIXES.get(1), base + LOG_SUFFIXES.get(2));
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> names.contains(f.getFileName().toString().toUpperCase(Locale.ROOT)))
                    .sorted()
                    .map(f -> hive.getParent() == null ? f.getFileName() : hive.getParent().resolve(f.getFileName()))
                    .toList();
        }
    }

    private static InputFile hiveInput(Path path, InputRole role, InputDigest d, Hive hive) {
        HiveInfo info = hive.info();
        String format = switch (hive.format()) {
            case REGF -> "regf " + (info.version() == null ? "" : info.version()).trim();
            case REG_TEXT -> ".reg " + (info.version() == null ? "" : info.version()).trim();
            case MEMORY -> "in-memory";
        };
        String status = info.logReplay() == null ? "no log replay information" : logStatus(info.logReplay());
        return new InputFile(path.toString(), role, d.size(), d.sha256(), format.trim(), info, status);
    }

    private static String logStatus(HiveInfo.LogReplay r) {
        if (r.applied()) {
            return "logs replayed in memory: " + r.entriesApplied() + " entr" + (r.entriesApplied() == 1 ? "y" : "ies")
                    + " applied" + (r.note() == null || r.note().isBlank() ? "" : "; " + r.note());
        }
        return r.note() == null || r.note().isBlank() ? "no logs applied" : r.note();
    }

    private static void addLogs(Analysis.Builder out, List<Path> logs, HiveInfo info) throws IOException {
        List<Path> used = info.logReplay() == null ? List.of() : info.logReplay().logsFound();
        for (Path log : logs) {
            InputDigest d = InputDigest.of(log);
            boolean found = used.stream().anyMatch(u -> u.getFileName().equals(log.getFileName()));
            String status = found
                    ? (info.logReplay().applied() ? "replayed in memory (the file is not written)" : "examined, not applied")
                    : "beside the hive, not used (the hive was clean or log replay was off)";
            out.input(new InputFile(log.toString(), InputRole.LOG, d.size(), d.sha256(), null, null, status));
        }
    }

    private static AppliedOverlay applyOverlay(Path p, MemoryHive system, MemoryHive software, Analysis.Builder out)
            throws IOException {
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
            out.warning(AnalysisWarning.Stage.OVERLAY, p.toString(), i.equals("SOFTWARE")
                    ? "changes under HKLM\\SOFTWARE not applied: no SOFTWARE hive was given"
                    : "changes under " + i + " not applied: only SYSTEM and SOFTWARE are analysed");
        }
        problems.forEach(m -> out.warning(AnalysisWarning.Stage.OVERLAY, p.toString(), m));
        return new AppliedOverlay(p.toString(), hives, ignored, problems);
    }

    private static String overlayStatus(AppliedOverlay o) {
        String s = o.hives().isEmpty() ? "changed nothing" : "applied to " + String.join(" and ", o.hives());
        if (!o.problems().isEmpty()) {
            s += "; " + o.problems().size() + " line" + (o.problems().size() == 1 ? "" : "s") + " not applied";
        }
        return s;
    }

    private static List<Snapshot> readSnapshots(List<Path> files, List<InputDigest> digests, Analysis.Builder out)
            throws IOException {
        List<Snapshot> read = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            Snapshot s = SnapshotReader.read(f);
            read.add(s);
            String what = s instanceof NetstatSnapshot n ? n.sockets().size() + " sockets"
                    : ((ProcessTable) s).processes().size() + " processes";
            InputDigest d = digests.get(i);
            out.input(new InputFile(f.toString(), InputRole.SNAPSHOT, d.size(), d.sha256(),
                    s.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + s.encoding(), null,
                    what + (s.warnings().isEmpty() ? "" : ", " + s.warnings().size() + " lines with warnings")));
            for (SnapshotWarning w : s.warnings()) {
                out.warning(AnalysisWarning.Stage.SNAPSHOT, f + (w.line() > 0 ? ":" + w.line() : ""), w.message());
            }
        }
        return read;
    }

    private static void hiveWarnings(Hive hive, Analysis.Builder out) {
        for (HiveWarning w : hive.warnings()) {
            out.warning(AnalysisWarning.Stage.HIVE, hive.name(), w.toString());
        }
    }
}
