package org.portmortem.exposure.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.InterfaceAddress;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.Service;
import org.portmortem.model.SystemModel;

/**
 * The hardening plan reads each step's model with {@link SystemModel#readAfterEdits}: the baseline's
 * services, read again only where a step's edits are. Every step's model must equal the model read
 * whole from the same hive state, on the reference systems (with a service whose read raises
 * warnings added) and on every SYSTEM hive of the shared corpus.
 */
class StepModelTest {

    static Stream<Arguments> systems() throws IOException {
        return StepSystems.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systems")
    void everyStepsModelReadAgainOnlyWhereItsEditsAreIsTheModelReadWhole(String name, Path source) throws IOException {
        StepSystems.Hives hives = StepSystems.open(source, StepModelTest::addServiceWhoseReadWarns);
        Hive system = hives.system();
        Hive software = hives.software();
        try (system) {
            HardeningPlan.Baseline baseline = HardeningPlan.Baseline.read(system, software, ModelOptions.DEFAULT);
            SystemModel before = baseline.model();
            List<Remediation> steps = new ArrayList<>(HardeningPlan.propose(baseline));
            // A step outside Services too, so that a model is read again after an edit no service sees.
            steps.add(Remediation.setDword(
                    "Deny Remote Desktop connections",
                    "CS\\Control\\Terminal Server",
                    "fDenyTSConnections",
                    1,
                    "test"));
            Assumptions.assumeTrue(before.services().size() > 1, name + " has no services to read again");

            StepSystems.Walk walk = new StepSystems.Walk(baseline, system, software);
            ModelOptions options = walk.options;
            String cs = walk.cs;
            MemoryHive s = walk.system;
            MemoryHive w = walk.software;
            Set<String> edited = walk.edited;
            int reusedInAll = 0;
            boolean triggersTakenAfterAnInterfaceEdit = false;
            for (Remediation r : steps) {
                SystemModel part = walk.apply(r);
                SystemModel whole = SystemModel.read(s, w, options);

                String step = name + ", after " + r.title();
                assertThat(part.services()).as(step).isEqualTo(whole.services());
                assertThat(part.warnings()).as(step).isEqualTo(whole.warnings());
                assertThat(part.networkInterfaces()).as(step).isEqualTo(whole.networkInterfaces());
                assertThat(part.identity()).as(step).isEqualTo(whole.identity());
                assertThat(part.systemRoot()).as(step).isEqualTo(whole.systemRoot());
                assertThat(part.version()).as(step).isEqualTo(whole.version());
                assertThat(part.svchostGroups()).as(step).isEqualTo(whole.svchostGroups());
                assertThat(part.controlSets()).as(step).isEqualTo(whole.controlSets());
                assertThat(part.netbtNodeType()).as(step).isEqualTo(whole.netbtNodeType());
                assertThat(part.controlSetPath()).as(step).isEqualTo(whole.controlSetPath());

                // Taken, not read: the very facts of the baseline, for every service no edit touched
                // (those with triggers only while the boot addresses and DNS suffix are the baseline's).
                boolean sameInterfaces = bootAddresses(whole).equals(bootAddresses(before))
                        && whole.identity().dnsDomain().equals(before.identity().dnsDomain());
                triggersTakenAfterAnInterfaceEdit |= sameInterfaces
                        && !whole.networkInterfaces().equals(before.networkInterfaces())
                        && part.services().stream()
                                .anyMatch(now -> !now.triggers().isEmpty()
                                        && before.service(now.name())
                                                .map(then -> then.type() == now.type())
                                                .orElse(false));
                for (Service now : part.services()) {
                    Service then = before.service(now.name()).orElse(null);
                    boolean untouched = then != null
                            && then.name().equals(now.name())
                            && edited.stream().noneMatch(k -> isAtOrBelow(k, cs + "\\Services\\" + now.name()))
                            && (sameInterfaces
                                    || then.triggers().isEmpty()
                                            && before.warnings().stream()
                                                    .noneMatch(x -> x.evidence() != null
                                                            && isAtOrBelow(
                                                                    x.evidence().keyPath(),
                                                                    then.key().path())));
                    assertThat(now.type() == then.type())
                            .as("%s: %s taken from the baseline", step, now.name())
                            .isEqualTo(untouched);
                    reusedInAll += untouched ? 1 : 0;
                }
            }
            if (w != null) {
                // A program folder that changes changes every image path: nothing is taken then.
                Remediation.setDword(
                                "Program Files elsewhere",
                                "SW\\Microsoft\\Windows\\CurrentVersion",
                                "ProgramFilesDir",
                                7,
                                "test")
                        .applyInPlace(s, w, cs);
                SystemModel part = SystemModel.readAfterEdits(before, s, w, options, edited);
                assertThat(part.services())
                        .isEqualTo(SystemModel.read(s, w, options).services());
                assertThat(part.services())
                        .noneMatch(now -> before.service(now.name())
                                .map(then -> then.type() == now.type())
                                .orElse(false));
            }
            assertThat(reusedInAll)
                    .as(name + ": services taken from the baseline")
                    .isPositive();
            if (name.equals("winxp-default") || name.endsWith("dissect-regf/SYSTEM")) {
                // Their plans turn NetBIOS over TCP/IP off per interface: the interfaces change, their
                // boot addresses do not, and services with triggers are still taken where there are any.
                assertThat(triggersTakenAfterAnInterfaceEdit
                                || before.services().stream()
                                        .allMatch(x -> x.triggers().isEmpty()))
                        .as(name + ": services with triggers taken after an edit of the interfaces only")
                        .isTrue();
            }
        }
    }

    private static List<InterfaceAddress> bootAddresses(SystemModel m) {
        return m.networkInterfaces().stream()
                .flatMap(i -> i.bootAddresses().stream())
                .toList();
    }

    private static boolean isAtOrBelow(String path, String key) {
        String p = path.toUpperCase(Locale.ROOT);
        String k = key.toUpperCase(Locale.ROOT);
        return p.equals(k) || p.startsWith(k + "\\");
    }

    /** A service whose Start is a string and whose trigger has no Type: two warnings when it is read. */
    private static void addServiceWhoseReadWarns(MemoryHive system) throws IOException {
        String cs =
                SystemModel.chooseControlSet(system, ModelOptions.DEFAULT).key().path();
        MemoryHive.MemoryKey svc = system.createKey(cs + "\\Services\\ZzWarns");
        svc.putValue("Type", ValueType.REG_DWORD.id(), new byte[] {0x10, 0, 0, 0});
        svc.putValue("Start", ValueType.REG_SZ.id(), "2\0".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
        system.createKey(cs + "\\Services\\ZzWarns\\TriggerInfo\\0")
                .putValue("Action", ValueType.REG_DWORD.id(), new byte[] {1, 0, 0, 0});
    }
}
