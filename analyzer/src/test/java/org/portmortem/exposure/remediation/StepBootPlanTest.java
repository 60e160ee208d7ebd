package org.portmortem.exposure.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.model.SystemModel;

/**
 * The hardening plan decides its states' boot plans with {@link BootPlan.StatesOfOneMachine}, which
 * keeps each service's entry while the service's facts are the same objects and its dependencies
 * resolve the same way, and evaluates its orders with one {@link HardeningPlan.Evaluator}. Both must
 * give what is decided afresh, on the reference systems and on every SYSTEM hive of the shared corpus,
 * including after a step that makes services whose facts did not change fail to start (RpcSs
 * disabled).
 */
class StepBootPlanTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portmortem.exposure.remediation.StepSystems#all")
    void everyStatesBootPlanKeepingEntriesIsThePlanDecidedAfresh(String name, Path source) throws IOException {
        StepSystems.withBaseline(source, h -> {}, (baseline, system, software) -> {
            SystemModel before = baseline.model();
            Assumptions.assumeTrue(before.service("RpcSs").isPresent(), name + " has no RpcSs");
            List<Remediation> steps = new ArrayList<>(HardeningPlan.propose(baseline));
            steps.add(Remediation.disableService("RpcSs", "test: its dependents fail to start"));

            StepSystems.Walk walk = new StepSystems.Walk(baseline, system, software);
            BootPlan.StatesOfOneMachine states = new BootPlan.StatesOfOneMachine();
            int sameFactsOtherDecision = 0;
            for (Remediation r : steps) {
                SystemModel m = walk.apply(r);
                BootPlan kept = states.of(m);
                BootPlan afresh = BootPlan.of(m);
                String step = name + ", after " + r.title();
                assertThat(kept.entries()).as(step).isEqualTo(afresh.entries());
                assertThat(kept.warnings()).as(step).isEqualTo(afresh.warnings());
                for (BootPlanEntry now : afresh.entries()) {
                    BootPlanEntry then = baseline.plan().entry(now.name()).orElseThrow();
                    if (then.service().type() == now.service().type()
                            && then.service().start() == now.service().start()
                            && then.decision() != now.decision()) {
                        sameFactsOtherDecision++;
                    }
                }
            }
            // The last step did make a service with untouched facts change its decision: the entries kept
            // were checked against the outcome, not only against the facts.
            assertThat(sameFactsOtherDecision).as(name).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.portmortem.exposure.remediation.StepSystems#all")
    void oneEvaluatorForSeveralOrdersGivesThePlansEvaluatedAfresh(String name, Path source) throws IOException {
        StepSystems.withBaseline(source, h -> {}, (baseline, system, software) -> {
            List<Remediation> proposed = HardeningPlan.propose(baseline);
            Assumptions.assumeTrue(proposed.size() > 1, name + " has fewer than two remediations to order");
            List<Remediation> reversed = new ArrayList<>(proposed);
            java.util.Collections.reverse(reversed);

            HardeningPlan.Evaluator one = new HardeningPlan.Evaluator(baseline);
            HardeningPlan first = one.evaluate(proposed, null);
            HardeningPlan second = one.evaluate(reversed, first);

            assertSamePlan(name + ", proposed order", first, HardeningPlan.evaluate(baseline, proposed));
            assertSamePlan(name + ", reversed order", second, HardeningPlan.evaluate(baseline, reversed));
        });
    }

    private static void assertSamePlan(String what, HardeningPlan kept, HardeningPlan afresh) {
        assertThat(kept.steps()).as(what).hasSameSizeAs(afresh.steps());
        for (int i = 0; i < kept.steps().size(); i++) {
            HardeningPlan.Step k = kept.steps().get(i);
            HardeningPlan.Step a = afresh.steps().get(i);
            String step = what + ", step " + (i + 1) + " " + k.remediation().title();
            assertThat(k.remediation()).as(step).isEqualTo(a.remediation());
            assertThat(k.closed()).as(step).isEqualTo(a.closed());
            assertThat(k.after().listeners()).as(step).isEqualTo(a.after().listeners());
            assertThat(k.after().rpcEndpoints()).as(step).isEqualTo(a.after().rpcEndpoints());
            assertThat(k.after().warnings()).as(step).isEqualTo(a.after().warnings());
        }
    }
}
