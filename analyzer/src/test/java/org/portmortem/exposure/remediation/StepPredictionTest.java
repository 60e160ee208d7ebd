package org.portmortem.exposure.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.ExposurePredictor;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/**
 * The hardening plan predicts its states with {@link ExposurePredictor#forStatesOfOneMachine}, which
 * keeps the firewall rules and service SIDs it derived from registry values for the next state.
 * Every state's prediction must equal that of a predictor that keeps nothing, on the reference systems
 * and on every SYSTEM hive of the shared corpus, with a firewall rule replaced between two states.
 */
class StepPredictionTest {

    static Stream<Arguments> systems() throws IOException {
        return StepSystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void everyStatesPredictionKeepingWhatWasDerivedIsThePredictionMadeAfresh(String name, Path source)
            throws IOException {
        StepSystems.Hives hives = StepSystems.open(source, h -> {});
        Hive system = hives.system();
        Hive software = hives.software();
        try (system) {
            HardeningPlan.Baseline baseline = HardeningPlan.Baseline.read(system, software, ModelOptions.DEFAULT);
            // First, while SMB still listens: a firewall rule replaced in place (other data under the same
            // name) must be read again, not taken from the state before. Then the plan's steps.
            List<Remediation> steps = new ArrayList<>();
            steps.add(rule("Block SMB in the firewall", "Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=445"));
            steps.add(rule(
                    "Allow SMB in the firewall instead",
                    "Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=445|App=System"));
            steps.addAll(HardeningPlan.propose(baseline));
            steps.add(Remediation.setDword(
                    "Deny Remote Desktop connections",
                    "CS\\Control\\Terminal Server",
                    "fDenyTSConnections",
                    1,
                    "test"));

            ModelOptions options =
                    ModelOptions.withControlSet(baseline.model().controlSets().inUse());
            String cs = baseline.model().controlSetPath();
            MemoryHive s = MemoryHive.copyOf(system);
            MemoryHive w = software == null ? null : MemoryHive.copyOf(software);
            ExposurePredictor keeping = ExposurePredictor.forStatesOfOneMachine();
            for (Remediation r : steps) {
                r.applyInPlace(s, w, cs);
                SystemModel m = SystemModel.read(s, w, options);
                BootPlan plan = BootPlan.of(m);
                Exposure kept = keeping.predict(m, plan, RegistryScope.of(m, s, w));
                Exposure afresh = new ExposurePredictor().predict(m, plan, RegistryScope.of(m, s, w));
                String step = name + ", after " + r.title();
                assertThat(kept.listeners()).as(step).isEqualTo(afresh.listeners());
                assertThat(kept.warnings()).as(step).isEqualTo(afresh.warnings());
                assertThat(kept.rpcEndpoints()).as(step).isEqualTo(afresh.rpcEndpoints());
                assertThat(kept.firewallProfile()).as(step).isEqualTo(afresh.firewallProfile());
            }
        }
    }

    /** Sets the local firewall rule {@code StepPredictionTest} to these fields. */
    private static Remediation rule(String title, String fields) {
        return new Remediation(
                title,
                "test",
                List.of(new Remediation.Edit(
                        "CS\\Services\\SharedAccess\\Parameters\\FirewallPolicy\\FirewallRules",
                        "StepPredictionTest",
                        ValueType.REG_SZ,
                        "v2.10|" + fields + "|Name=test|")),
                null);
    }
}
