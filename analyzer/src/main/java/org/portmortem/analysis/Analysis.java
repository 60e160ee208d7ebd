package org.portmortem.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.Exposure;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.model.SystemModel;
import org.portmortem.snapshot.Snapshot;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.Severity;
import org.portmortem.verdict.SeverityScale;
import org.portmortem.verdict.Verdicts;

/**
 * Everything a report of one case shows, computed once: the run metadata, every input file with its
 * hash, the overlays applied, all warnings, the system model, boot plan, exposure, verdicts and
 * findings, the hardening plan, the cited registry keys, and the presentation facts derived from them
 * (summaries, sorted sections, machine-local times, chart data). Renderers only lay it out.
 *
 * <p>Immutable. Built by {@link CaseAnalysis}; holds only values read from the hives, which are closed
 * when it is returned (the model keeps no hive, the exposure no firewall judge).
 */
public final class Analysis {
    /** The version of the JSON report layout this analysis is rendered with. */
    public static final String SCHEMA_VERSION = "1.3";

    private final AnalysisRequest.RunInfo run;
    private final List<InputFile> inputs;
    private final List<AppliedOverlay> overlays;
    private final List<AnalysisWarning> warnings;
    private final SystemModel model;
    private final List<Fact> systemSummary;
    private final List<InterfaceSummary> interfaces;
    private final BootPlan bootPlan;
    private final List<BootPlanSection> bootPlanSections;
    private final Exposure exposure;
    private final List<Snapshot> snapshots;
    private final Verdicts verdicts;
    private final Map<Severity, Integer> findingCounts;
    private final SeverityScale severityScale;
    private final List<HardeningStep> hardeningPlan;
    private final List<HiveCopy> hiveCopies;
    private final List<CitedKey> citedKeys;
    private final Map<Instant, MachineTime> times;
    private final Map<String, String> startTypes;
    private final Map<java.nio.file.Path, String> labels;
    private final List<String> summary;
    private final FirstScreen firstScreen;
    private final ReportIds ids;

    private Analysis(
            Builder b,
            List<Fact> systemSummary,
            List<InterfaceSummary> interfaces,
            List<BootPlanSection> sections,
            List<CitedKey> citedKeys,
            Map<Instant, MachineTime> times,
            List<String> summary) {
        this.firstScreen = FirstScreen.of(b, systemSummary);
        this.ids = new ReportIds(
                b.inputs,
                b.verdicts.findings(),
                b.exposure.listeners(),
                sections,
                b.exposure.rpcEndpoints(),
                citedKeys);
        this.run = b.run;
        this.inputs = List.copyOf(b.inputs);
        this.overlays = List.copyOf(b.overlays);
        this.warnings = List.copyOf(b.warnings);
        this.model = b.model;
        this.systemSummary = List.copyOf(systemSummary);
        this.interfaces = List.copyOf(interfaces);
        this.bootPlan = b.bootPlan;
        this.bootPlanSections = List.copyOf(sections);
        this.exposure = b.exposure;
        this.snapshots = List.copyOf(b.snapshots);
        this.verdicts = b.verdicts;
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0);
        }
        b.verdicts.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        this.findingCounts = Collections.unmodifiableMap(counts);
        // Read now, not when the builder is made: there it was Jackson's first use, on the calling thread
        // before the hives were opened, while the knowledge base's thread waited for Jackson to be ready.
        this.severityScale = SeverityScale.bundled();
        this.hardeningPlan = List.copyOf(b.hardeningPlan);
        this.hiveCopies = List.copyOf(b.hiveCopies);
        this.citedKeys = List.copyOf(citedKeys);
        this.times = Collections.unmodifiableMap(times);
        this.summary = List.copyOf(summary);
        Map<String, String> st = new java.util.HashMap<>();
        for (org.portmortem.model.Service svc : b.model.services()) {
            st.put(svc.name().toUpperCase(java.util.Locale.ROOT), svc.startTypeText());
        }
        this.startTypes = Collections.unmodifiableMap(st);
        this.labels = Map.copyOf(b.labels);
    }

    /** Tool version, run time, case ID and examiner. */
    public AnalysisRequest.RunInfo run() {
        return run;
    }

    /** The run time in UTC and machine-local time. */
    public MachineTime runTime() {
        return time(run.runTime());
    }

    /** Every file read, with role, size and SHA-256: hives, their logs, overlays, snapshots. */
    public List<InputFile> inputs() {
        return inputs;
    }

    /** How a snapshot file is named in the report (as given, or relabelled for the demo). */
    public String label(java.nio.file.Path snapshotFile) {
        return labels.getOrDefault(snapshotFile, snapshotFile.toString());
    }

    /** The overlays, in the order applied. */
    public List<AppliedOverlay> overlays() {
        return overlays;
    }

    /** Every warning of every stage, in the order raised (stage order). */
    public List<AnalysisWarning> warnings() {
        return warnings;
    }

    /** The system model: the facts read from the hives, with their evidence. */
    public SystemModel model() {
        return model;
    }

    /** Version, role, names, clock and control set as summary lines. */
    public List<Fact> systemSummary() {
        return systemSummary;
    }

    /** The network interfaces bound to TCP/IP. */
    public List<InterfaceSummary> interfaces() {
        return interfaces;
    }

    /** The boot plan. */
    public BootPlan bootPlan() {
        return bootPlan;
    }

    /** The boot plan as the report lists it: running, not running, failing. */
    public List<BootPlanSection> bootPlanSections() {
        return bootPlanSections;
    }

    /**
     * The start type of a service or driver as the report prints it, e.g. {@code automatic (2)}, or
     * {@code null} for a name the model does not have (a process that is no service).
     */
    public String startType(String service) {
        return service == null ? null : startTypes.get(service.toUpperCase(java.util.Locale.ROOT));
    }

    /** The predicted listeners and RPC endpoints. */
    public Exposure exposure() {
        return exposure;
    }

    /** The snapshots read, in the order given. */
    public List<Snapshot> snapshots() {
        return snapshots;
    }

    /** Observed-versus-predicted per snapshot, and the findings. */
    public Verdicts verdicts() {
        return verdicts;
    }

    /** The findings, most severe first (then by id). */
    public List<Finding> findings() {
        return verdicts.findings();
    }

    /** How many findings of each severity (every severity present, most severe first). */
    public Map<Severity, Integer> findingCounts() {
        return findingCounts;
    }

    /** What makes a finding high, medium, low or info. */
    public SeverityScale severityScale() {
        return severityScale;
    }

    /** The hardening plan: step 0 is the machine as found, each further step one remediation more. */
    public List<HardeningStep> hardeningPlan() {
        return hardeningPlan;
    }

    /** The older hive copies of the case (RegBack, repair, VSS exports), each compared with the live hives. */
    public List<HiveCopy> hiveCopies() {
        return hiveCopies;
    }

    /** Every registry key cited by any evidence in the report, sorted by hive and path. */
    public List<CitedKey> citedKeys() {
        return citedKeys;
    }

    /**
     * An instant shown in the report, in UTC and machine-local time. Every instant an evidence record
     * or summary of this analysis carries is precomputed; others are converted on the spot.
     */
    public MachineTime time(Instant instant) {
        MachineTime t = times.get(instant);
        return t != null ? t : MachineTime.of(instant, timeZone());
    }

    /** The machine's time zone, or {@code null} where SYSTEM does not record one. */
    public MachineTimeZone timeZone() {
        return model.identity() == null ? null : model.identity().timeZone();
    }

    /**
     * Five lines for a console: system, listeners predicted, findings by severity, observed versus
     * predicted, hardening outcome.
     */
    public List<String> summary() {
        return summary;
    }

    /** The answer first: the machine, the listeners reachable from the network, the top findings. */
    public FirstScreen firstScreen() {
        return firstScreen;
    }

    /** The stable, content-derived ids of inputs, findings, listeners, services, RPC endpoints and cited keys. */
    public ReportIds ids() {
        return ids;
    }

    /** Collects the stages' results; {@link #build()} derives the presentation facts. */
    static final class Builder {
        final AnalysisRequest.RunInfo run;
        final List<InputFile> inputs = new ArrayList<>();
        final List<AppliedOverlay> overlays = new ArrayList<>();
        final List<AnalysisWarning> warnings = new ArrayList<>();
        SystemModel model;
        BootPlan bootPlan;
        Exposure exposure;
        List<Snapshot> snapshots = List.of();
        Verdicts verdicts;
        List<HardeningStep> hardeningPlan = List.of();
        List<HiveCopy> hiveCopies = List.of();

        Builder(AnalysisRequest.RunInfo run) {
            this.run = run;
        }

        final Map<java.nio.file.Path, String> labels = new java.util.HashMap<>();

        void label(java.nio.file.Path file, String label) {
            labels.put(file, label);
        }

        void input(InputFile f) {
            inputs.add(f);
        }

        void overlay(AppliedOverlay o) {
            overlays.add(o);
        }

        void warning(AnalysisWarning.Stage stage, String subject, String message) {
            warnings.add(new AnalysisWarning(stage, subject == null ? "" : subject, message));
        }

        void model(SystemModel m, BootPlan plan, Exposure e, List<Snapshot> s) {
            this.model = m;
            this.bootPlan = plan;
            this.exposure = e;
            this.snapshots = List.copyOf(s);
        }

        Analysis build() {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(verdicts, "verdicts");
            Presentation p = new Presentation(this);
            return new Analysis(
                    this,
                    p.systemSummary(),
                    p.interfaces(),
                    p.bootPlanSections(),
                    p.citedKeys(),
                    p.times(),
                    p.summary());
        }
    }

    /** Keeps first-seen order of evidence while removing duplicates. */
    static void collect(Map<Evidence, Boolean> into, List<Evidence> evidence) {
        for (Evidence e : evidence) {
            if (e != null) {
                into.putIfAbsent(e, Boolean.TRUE);
            }
        }
    }

    static Comparator<String> caseInsensitive() {
        return String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());
    }
}
