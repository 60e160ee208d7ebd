package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;

/** Hardening that does no harm: ordered by severity, the host's own addressing kept, side effects said. */
class HardeningOrderTest {

    private static HardeningPlan plan(HardeningPlan.Baseline baseline) throws Exception {
        return HardeningOrder.bySeverity(baseline);
    }

    /** The severity each step fixes: the most severe finding among the listeners it closes. */
    private static List<Severity> stepSeverities(HardeningPlan.Baseline baseline, HardeningPlan p) {
        Exposure base = p.baseline();
        List<Finding> findings = ExposureRules.bundled()
                .findings(baseline.model(), baseline.registry(), base, new HardeningPlan(base, List.of()));
        List<Severity> out = new ArrayList<>();
        for (HardeningPlan.Step s : p.steps()) {
            out.add(findings.stream()
                    .filter(f -> f.listeners().stream()
                            .anyMatch(l -> s.closed().stream()
                                    .anyMatch(c -> c.localEndpoint().equals(l.localEndpoint())
                                            && c.protocol() == l.protocol())))
                    .map(Finding::severity)
                    .min(Comparator.naturalOrder())
                    .orElse(Severity.INFO));
        }
        return out;
    }

    @Test
    void stepsGoFromTheMostSevereFindingDownAndSayWhatElseStops() throws Exception {
        ReferenceSystems.Step xp = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        {
            HardeningPlan p = plan(xp.baseline());
            List<Severity> severities = stepSeverities(xp.baseline(), p);
            List<Severity> closing = new ArrayList<>();
            for (int i = 0; i < severities.size(); i++) {
                if (!p.steps().get(i).closed().isEmpty()) {
                    closing.add(severities.get(i));
                }
            }
            // Removing DCOM's TCP protocol sequence closes 135 only once the RPC servers are gone: it goes last.
            HardeningPlan.Step last = p.steps().get(p.steps().size() - 1);
            assertThat(last.remediation().edits()).anyMatch(e -> e.value().equals("DCOM Protocols"));
            assertThat(closing.subList(0, closing.size() - 1)).isSortedAccordingTo(Comparator.naturalOrder());
            assertThat(closing.get(0)).isEqualTo(Severity.MEDIUM);
        }
    }

    @Test
    void theDhcpClientOfADhcpHostIsNeverDisabled() throws Exception {
        java.nio.file.Path system = ReferenceSystems.corpusFile("hives/dissect-regf/SYSTEM");
        try (Hive h = Hive.open(system)) {
            HardeningPlan.Baseline baseline = HardeningPlan.Baseline.read(h, null, ModelOptions.DEFAULT);
            Exposure e = baseline.exposure();
            assertThat(e.listeners())
                    .anyMatch(l -> "Dhcp".equalsIgnoreCase(l.owner().service()));
            HardeningPlan p = plan(baseline);
            assertThat(p.steps())
                    .isNotEmpty()
                    .noneMatch(st -> "Dhcp".equalsIgnoreCase(st.remediation().serviceToDisable()));
            assertThat(p.steps())
                    .filteredOn(st -> st.remediation().serviceToDisable() != null)
                    .isNotEmpty()
                    .allSatisfy(st -> HardeningPlan.runningDependents(
                                    baseline.plan(), st.remediation().serviceToDisable())
                            .forEach(d -> assertThat(st.remediation().why()).contains(d)));
        }
    }
}
