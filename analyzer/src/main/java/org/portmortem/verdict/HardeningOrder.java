package org.portmortem.verdict;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.exposure.remediation.Remediation;

/**
 * Orders the hardening plan's steps by what they fix. Steps that take administrators' remote access
 * away ({@link RemoteManagement}: WinRM, Remote Desktop, SSH, Telnet, SNMP, Remote Registry, ...) come
 * after every step that does not. Within each part: first the step that closes the most severe
 * finding's listeners (the finding rules of {@link ExposureRules}), then, at equal severity, the one
 * that closes more sockets. A step that closes nothing once reordered (its effect needed an earlier
 * step, as removing DCOM's TCP protocol sequence needs the RPC servers gone) goes last, where the
 * paper's order put its effect (within its part).
 */
public final class HardeningOrder {
    private HardeningOrder() {}

    /**
     * The remediations proposed for the baseline, evaluated cumulatively in severity order; a reordering
     * evaluates only the hive states the earlier order did not reach.
     */
    public static HardeningPlan bySeverity(HardeningPlan.Baseline baseline) throws IOException {
        List<Remediation> proposed = HardeningPlan.propose(baseline);
        HardeningPlan.Evaluator states = new HardeningPlan.Evaluator(baseline);
        HardeningPlan paper = states.evaluate(proposed, null);
        Map<String, Severity> severityOf = new HashMap<>();
        for (Finding f : ExposureRules.bundled()
                .findings(
                        baseline.model(),
                        baseline.registry(),
                        paper.baseline(),
                        new HardeningPlan(paper.baseline(), List.of()))) {
            f.listeners()
                    .forEach(l -> severityOf.merge(identity(l), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            order.add(i);
        }
        List<HardeningPlan.Step> steps = paper.steps();
        List<Remediation> management = new ArrayList<>();
        for (int i = 0; i < proposed.size(); i++) {
            if (RemoteManagement.bundled()
                    .cutBy(proposed.get(i), steps.get(i).closed())
                    .isPresent()) {
                management.add(proposed.get(i));
            }
        }
        order.sort(Comparator.<Integer, Boolean>comparing(i -> management.contains(proposed.get(i)))
                .thenComparing(i -> worst(steps.get(i).closed(), severityOf))
                .thenComparing(i -> -steps.get(i).closed().size()));
        List<Remediation> ordered = order.stream().map(proposed::get).toList();
        if (ordered.equals(proposed)) {
            return paper;
        }
        HardeningPlan plan = states.evaluate(ordered, paper);
        List<Remediation> closing = new ArrayList<>();
        List<Remediation> idle = new ArrayList<>();
        List<Remediation> managementClosing = new ArrayList<>();
        List<Remediation> managementIdle = new ArrayList<>();
        for (HardeningPlan.Step s : plan.steps()) {
            boolean m = management.contains(s.remediation());
            (s.closed().isEmpty() ? (m ? managementIdle : idle) : (m ? managementClosing : closing))
                    .add(s.remediation());
        }
        closing.addAll(idle);
        closing.addAll(managementClosing);
        closing.addAll(managementIdle);
        return closing.equals(ordered) ? plan : states.evaluate(closing, plan);
    }

    private static Severity worst(List<Listener> closed, Map<String, Severity> severityOf) {
        return closed.stream()
                .map(l -> severityOf.getOrDefault(identity(l), Severity.INFO))
                .min(Comparator.naturalOrder())
                .orElse(Severity.INFO);
    }

    private static String identity(Listener l) {
        return l.protocol() + " " + l.ipVersion() + " " + l.address() + " " + l.port() + " "
                + l.owner().service() + " " + l.owner().process();
    }
}
