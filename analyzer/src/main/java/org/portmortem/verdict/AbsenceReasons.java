package org.portmortem.verdict;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.portmortem.bootplan.BootDecision;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.Certainty;
import org.portmortem.exposure.Listener;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.snapshot.NetstatSnapshot;

/**
 * Why a predicted listener may be missing from a snapshot: the candidate causes, most telling first,
 * each with how to tell it from the others.
 */
final class AbsenceReasons {
    private final BootPlan plan;

    AbsenceReasons(BootPlan plan) {
        this.plan = plan;
    }

    AbsentListener explain(Listener l, NetstatSnapshot snapshot) {
        List<AbsenceExplanation> out = new ArrayList<>();
        Optional<String> partial = partialListing(l, snapshot);
        if (partial.isPresent()) {
            out.add(new AbsenceExplanation(
                    AbsenceExplanation.Cause.LISTING_INCOMPLETE,
                    partial.get(),
                    "Take a complete listing (netstat -ano, with -b where available) and compare again.",
                    List.of()));
            return new AbsentListener(l, out);
        }
        changedAfterSnapshot(l, snapshot).ifPresent(out::add);
        Optional<BootPlanEntry> entry = l.owner().service() == null
                ? Optional.empty()
                : plan.entry(l.owner().service());
        if (entry.isPresent() && entry.get().decision() == BootDecision.TRIGGER_START) {
            out.add(new AbsenceExplanation(
                    AbsenceExplanation.Cause.TRIGGER_NOT_FIRED,
                    entry.get().name()
                            + " is trigger-start (" + entry.get().reason()
                            + "): it opens its port only once a trigger fires,"
                            + " and may have been idle or stopped again when the snapshot was taken.",
                    "The System event log shows Service Control Manager event 7036 when it starts and stops; a"
                            + " trigger service stops again after it has been idle.",
                    entry.get().evidence()));
        }
        if (l.owner().service() != null) {
            String who = l.owner().service();
            out.add(new AbsenceExplanation(
                    AbsenceExplanation.Cause.STOPPED_BY_HAND,
                    who + " (" + l.owner().display()
                            + ") may have been stopped by hand (net stop, services.msc, sc stop) before the snapshot; its"
                            + " configuration still starts it at boot.",
                    "The System event log holds Service Control Manager events 7035/7036 (\"The " + who + " service"
                            + " entered the stopped state\") before the snapshot time; a tasklist /svc taken with the"
                            + " snapshot lists no process hosting " + who + ".",
                    entry.map(BootPlanEntry::evidence).orElse(List.of())));
        }
        if (l.certainty().level() != Certainty.Level.CERTAIN) {
            out.add(new AbsenceExplanation(
                    AbsenceExplanation.Cause.PREDICTION_UNCERTAIN,
                    "The prediction itself is " + l.certainty() + ".",
                    "Check the source the prediction cites against this Windows version and" + " service pack.",
                    List.of()));
        }
        return new AbsentListener(l, out);
    }

    /** The listing shows only part of the sockets: filtered through find, or restricted with -p. */
    private static Optional<String> partialListing(Listener l, NetstatSnapshot snapshot) {
        String cmd = snapshot.commandLine();
        if (cmd != null && cmd.contains("|")) {
            return Optional.of(
                    "The listing was filtered (" + cmd.trim() + "): it shows only the lines the filter kept.");
        }
        boolean protocolShown = snapshot.sockets().stream().anyMatch(s -> s.protocol() == l.protocol());
        if (snapshot.flags().contains("p") && !protocolShown) {
            return Optional.of(
                    "The listing was restricted to one protocol with -p and shows no " + l.protocol() + " socket.");
        }
        return Optional.empty();
    }

    /**
     * The hives may describe a later state than the snapshot: a key the prediction rests on written
     * after the snapshot was taken. Decided when both times are known, else offered with the times to
     * compare.
     */
    private Optional<AbsenceExplanation> changedAfterSnapshot(Listener l, NetstatSnapshot snapshot) {
        List<Evidence> dated = l.evidence().stream()
                .filter(e -> e.lastWritten() != null)
                .sorted(Comparator.comparing(Evidence::lastWritten).reversed())
                .toList();
        if (dated.isEmpty()) {
            return Optional.empty();
        }
        Evidence latest = dated.get(0);
        LocalDateTime taken = snapshot.captureTime();
        MachineTimeZone tz =
                plan.model().identity() == null ? null : plan.model().identity().timeZone();
        if (taken == null || tz == null) {
            return Optional.of(new AbsenceExplanation(
                    AbsenceExplanation.Cause.CHANGED_AFTER_SNAPSHOT,
                    "The configuration may have changed after the snapshot: the latest key the prediction rests on, "
                            + latest.hive() + "\\" + latest.keyPath() + ", was last written " + latest.lastWritten()
                            + " UTC.",
                    "The snapshot time is not in the listing: compare it with that last-write time; a key written"
                            + " after the snapshot means the hives describe a later state.",
                    dated));
        }
        Instant written = latest.lastWritten();
        LocalDateTime writtenLocal = tz.toLocal(written).toLocalDateTime();
        if (!writtenLocal.isAfter(taken)) {
            return Optional.empty();
        }
        return Optional.of(new AbsenceExplanation(
                AbsenceExplanation.Cause.CHANGED_AFTER_SNAPSHOT,
                latest.hive() + "\\" + latest.keyPath() + " was last written " + writtenLocal + " machine local time ("
                        + written + " UTC), after the snapshot taken " + taken + ": the hives describe a later state.",
                "A change made after the snapshot also shows in the other keys' last-write times and in the"
                        + " event log; the snapshot then reflects the earlier configuration.",
                dated));
    }
}
