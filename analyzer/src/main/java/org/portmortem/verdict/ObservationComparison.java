package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsFamily;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.Socket;

/**
 * Compares what the hives predict with what snapshots of the same host observed, and derives the
 * findings.
 *
 * <p>Per observed listening socket the verdict is EXPLAINED (which predicted listener, and why: a
 * fixed port on the predicted address; a dynamic port by owner, by elimination or, without PIDs, by
 * count within the dynamic range), ARTEFACT (a Windows 2000/XP phantom listener; a port printed as a
 * name that cannot be compared) or UNEXPLAINED. Per predicted listener not observed, an
 * {@link AbsentListener} with candidate explanations. Ownership is PID → process → services from the
 * listing's own {@code -b} lines or a process table, the kernel's PID (8 on 2000, 4 later), else
 * inferred from the matched listener and marked so.
 *
 * <p>Findings: the prediction's own (through {@link ExposureRules}), the model's (Start values that
 * differ between control sets), and the comparison's (unexplained: high; absent: low or info;
 * phantom: info).
 *
 * <p>Immutable: everything it compares with, the hardening plan included, comes in through the
 * constructor.
 */
public final class ObservationComparison {
    private final SystemModel model;
    private final BootPlan plan;
    private final Exposure exposure;
    private final RegistryScope registry;
    private final HardeningPlan hardening;
    private final ExposureRules rules;

    /**
     * A comparison for one host, with the bundled rule table.
     *
     * @param model the system model (family, time zone, control sets)
     * @param plan its boot plan (trigger-start services, evidence of Start values)
     * @param exposure the prediction from that model and plan
     * @param registry the hives the model was read from (the finding rules' registry conditions)
     * @param hardening the hardening plan of the same hives, which supplies the findings' remediations
     */
    public ObservationComparison(
            SystemModel model, BootPlan plan, Exposure exposure, RegistryScope registry, HardeningPlan hardening) {
        this(model, plan, exposure, registry, hardening, ExposureRules.bundled());
    }

    /** A comparison with a rule table of its own. */
    public ObservationComparison(
            SystemModel model,
            BootPlan plan,
            Exposure exposure,
            RegistryScope registry,
            HardeningPlan hardening,
            ExposureRules rules) {
        this.model = Objects.requireNonNull(model, "model");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.exposure = Objects.requireNonNull(exposure, "exposure");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.hardening = Objects.requireNonNull(hardening, "hardening");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /**
     * Judges one snapshot.
     *
     * @param snapshot the socket listing
     * @param processes a process table taken with it ({@code tasklist /svc}), or {@code null}
     */
    public SnapshotVerdicts judge(NetstatSnapshot snapshot, ProcessTable processes) {
        WindowsFamily family = model.family();
        if (snapshot.source() != null) {
            // A memory or live-response listing: owners cut to 14 characters are named from the process table.
            snapshot = org.portmortem.snapshot.SocketOwners.attach(snapshot, java.util.Optional.ofNullable(processes));
        }
        SocketMatching matching = new SocketMatching(exposure, family, snapshot, processes);
        List<SocketVerdict> sockets = matching.match();
        AbsenceReasons reasons = new AbsenceReasons(plan);
        List<AbsentListener> absent = new ArrayList<>();
        for (Listener l : matching.unmatched()) {
            if (l.possibleOnly()) {
                continue; // only possible (an HTTP.sys reservation): its absence says nothing
            }
            absent.add(reasons.explain(l, snapshot));
        }
        List<Connection> connections = new ArrayList<>();
        List<Socket> all = snapshot.sockets();
        for (int i = 0; i < all.size(); i++) {
            Socket s = all.get(i);
            if (s.isLive() && s.state() != null && s.state().isConnected()) {
                connections.add(new Connection(s, direction(s, sockets), matching.owner(i), s.foreignEndpoint()));
            }
        }
        MachineMatch match = MachineMatch.of(model, snapshot);
        List<String> notes = new ArrayList<>(matching.notes());
        if (match.different()) {
            notes.add(
                    0,
                    "WARNING: this listing is not from the machine of the hives (" + String.join("; ", match.reasons())
                            + "). The comparison is shown, but no finding from it is above info.");
        }
        return new SnapshotVerdicts(snapshot, sockets, absent, connections, notes, match);
    }

    /**
     * Judges every snapshot of the host, compares consecutive ones and collects the findings.
     *
     * @param snapshots the socket listings, oldest first
     * @param processes a process table of the case, applied to every snapshot, or {@code null}
     */
    public Verdicts compare(List<NetstatSnapshot> snapshots, ProcessTable processes) {
        List<SnapshotVerdicts> judged = new ArrayList<>();
        for (NetstatSnapshot s : snapshots) {
            judged.add(judge(s, processes));
        }
        List<SnapshotDelta> deltas = new ArrayList<>();
        for (int i = 1; i < snapshots.size(); i++) {
            deltas.add(SnapshotDelta.between(snapshots.get(i - 1), snapshots.get(i), processes));
        }
        List<Finding> findings = new ArrayList<>(rules.findings(model, registry, exposure, hardening));
        findings.addAll(ModelFindings.startDifferences(model));
        ObservedSocketRules socketRules = rules.observedSockets() != null
                ? rules.observedSockets()
                : ExposureRules.bundled().observedSockets();
        ObservedSocketClassifier classifier = new ObservedSocketClassifier(socketRules, exposure, model);
        for (SnapshotVerdicts v : judged) {
            findings.addAll(ObservationFindings.of(v, classifier));
        }
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::id));
        return new Verdicts(judged, deltas, findings);
    }

    private static Connection.Direction direction(Socket c, List<SocketVerdict> listening) {
        for (SocketVerdict v : listening) {
            Socket l = v.socket();
            if (v.kind() != VerdictKind.ARTEFACT
                    && l.protocol() == c.protocol()
                    && l.localPort().equals(c.localPort())
                    && (l.localAddress().equals(c.localAddress())
                            || l.localAddress().equals("0.0.0.0")
                            || l.localAddress().equals("::"))) {
                return Connection.Direction.INBOUND;
            }
        }
        return Connection.Direction.OUTBOUND;
    }
}
