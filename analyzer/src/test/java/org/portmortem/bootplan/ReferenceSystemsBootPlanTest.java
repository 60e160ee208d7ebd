package org.portmortem.bootplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.RegOverlay;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsFamily;

/**
 * The boot plan of the reference systems of the seed paper (fixtures/), step by step: the services
 * each hardening step turns off stop running, and nothing else changes.
 */
class ReferenceSystemsBootPlanTest {
    /** Services the paper's default Windows 2000 Server runs, and the step after which each stops. */
    private static final Map<String, Integer> WIN2000_STOPPED_AFTER = Map.of(
            "IISADMIN",
            1,
            "W3SVC",
            1,
            "SMTPSVC",
            1,
            "PolicyAgent",
            2,
            "MSDTC",
            3,
            "LmHosts",
            4,
            "Messenger",
            6,
            "Schedule",
            7);
    /** The same for the default Windows XP. */
    private static final Map<String, Integer> XP_STOPPED_AFTER =
            Map.of("PolicyAgent", 1, "W32Time", 1, "LmHosts", 2, "Messenger", 4, "Schedule", 5);

    /** The reference hives as read from the .reg files, copied for each step. */
    private static final Map<Path, MemoryHive[]> BASE = new java.util.HashMap<>();

    static Optional<Path> fixtures() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("fixtures").resolve("win2000-server-default");
            if (Files.isDirectory(f)) {
                return Optional.of(p.resolve("fixtures"));
            }
        }
        return Optional.empty();
    }

    private static List<Path> steps(Path system) throws IOException {
        try (Stream<Path> s = Files.list(system.resolve("steps"))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".reg"))
                    .sorted()
                    .toList();
        }
    }

    /** The SYSTEM and SOFTWARE hives after the first {@code upTo} steps. */
    private static MemoryHive[] hivesAfter(Path system, int upTo) throws IOException {
        MemoryHive[] base = BASE.get(system);
        if (base == null) {
            try (Hive s = Hive.open(system.resolve("SYSTEM.reg"));
                    Hive w = Hive.open(system.resolve("SOFTWARE.reg"))) {
                base = new MemoryHive[] {MemoryHive.copyOf(s), MemoryHive.copyOf(w)};
            }
            BASE.put(system, base);
        }
        MemoryHive sys = MemoryHive.copyOf(base[0]);
        MemoryHive soft = MemoryHive.copyOf(base[1]);
        List<Path> steps = steps(system);
        for (int i = 0; i < upTo; i++) {
            RegOverlay o = RegOverlay.read(steps.get(i));
            o.applyTo(sys, "SYSTEM");
            o.applyTo(soft, "SOFTWARE");
        }
        return new MemoryHive[] {sys, soft};
    }

    private static BootPlan planAfter(Path system, int step) throws IOException {
        MemoryHive[] h = hivesAfter(system, step);
        return BootPlan.of(SystemModel.read(h[0], h[1], ModelOptions.DEFAULT));
    }

    private static Set<String> running(BootPlan plan) {
        Set<String> out = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        plan.running().forEach(e -> out.add(e.name()));
        return out;
    }

    private static void checkSteps(String folder, Map<String, Integer> stoppedAfter) throws IOException {
        Optional<Path> f = fixtures();
        assumeTrue(f.isPresent(), "fixtures/ not found above the working directory");
        Path system = f.get().resolve(folder);
        int count = steps(system).size();
        Set<String> before = running(planAfter(system, 0));
        for (int step = 0; step <= count; step++) {
            BootPlan plan = planAfter(system, step);
            Set<String> running = running(plan);
            for (Map.Entry<String, Integer> e : stoppedAfter.entrySet()) {
                assertThat(running.contains(e.getKey()))
                        .as(folder + " step " + step + ": " + e.getKey() + " runs")
                        .isEqualTo(step < e.getValue());
            }
            Set<String> unexpectedlyStopped = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            unexpectedlyStopped.addAll(before);
            unexpectedlyStopped.removeAll(running);
            // A step may disable more than the table names (RasMan with Schedule in 2000 step 07), and a
            // service that needs a disabled one fails with it (Browser needs LmHosts on 2000).
            unexpectedlyStopped.removeIf(n -> stoppedAfter.containsKey(n)
                    || plan.entry(n)
                            .map(e -> e.decision() == BootDecision.DISABLED
                                    || e.decision() == BootDecision.FAILS_TO_START && endsInDisabled(plan, e))
                            .orElse(false));
            assertThat(unexpectedlyStopped)
                    .as(folder + " step " + step + ": stopped without a step disabling them")
                    .isEmpty();
        }
    }

    private static boolean endsInDisabled(BootPlan plan, BootPlanEntry e) {
        String last = e.failureChain().get(e.failureChain().size() - 1);
        return plan.entry(last).map(d -> d.decision() == BootDecision.DISABLED).orElse(false);
    }

    @Test
    void windows2000RunsIisMsdtcPolicyAgentMessengerScheduleUntilEachStepTurnsThemOff() throws IOException {
        checkSteps("win2000-server-default", WIN2000_STOPPED_AFTER);
    }

    @Test
    void windowsXpStopsEachServiceAtItsStep() throws IOException {
        checkSteps("winxp-default", XP_STOPPED_AFTER);
    }

    @Test
    void windows2000BrowserFailsOnceLmHostsIsDisabled() throws IOException {
        Optional<Path> f = fixtures();
        assumeTrue(f.isPresent(), "fixtures/ not found above the working directory");
        BootPlanEntry browser = planAfter(f.get().resolve("win2000-server-default"), 4)
                .entry("Browser")
                .orElseThrow();
        assertThat(browser.decision()).isEqualTo(BootDecision.FAILS_TO_START);
        assertThat(browser.failureChain()).containsExactly("Browser", "LmHosts");
    }

    /** Each entry's decision, run flag and reason, by service name, for comparing two plans. */
    private static Map<String, String> decisions(BootPlan plan) {
        Map<String, String> out = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        plan.entries().forEach(e -> out.put(e.name(), e.decision() + " " + e.willRun() + " " + e.reason()));
        return out;
    }

    @Test
    void theSamePlanComesFromBinaryHivesWrittenFromTheRegFiles(@org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        Optional<Path> f = fixtures();
        assumeTrue(f.isPresent(), "fixtures/ not found above the working directory");
        for (String folder : new String[] {"win2000-server-default", "winxp-default"}) {
            Path system = f.get().resolve(folder);
            int last = steps(system).size();
            for (int step : new int[] {0, last}) {
                MemoryHive[] h = hivesAfter(system, step);
                Path sysFile = tmp.resolve(folder + "-" + step + "-SYSTEM");
                Path softFile = tmp.resolve(folder + "-" + step + "-SOFTWARE");
                java.time.Instant when = java.time.Instant.parse("2002-09-01T00:00:00Z");
                org.portmortem.hive.write.HiveWriter.write(h[0], sysFile, when);
                org.portmortem.hive.write.HiveWriter.write(h[1], softFile, when);
                try (Hive bs = Hive.open(sysFile);
                        Hive bw = Hive.open(softFile)) {
                    BootPlan binary = BootPlan.of(SystemModel.read(bs, bw, ModelOptions.DEFAULT));
                    assertThat(decisions(binary))
                            .as(folder + " step " + step)
                            .isEqualTo(decisions(BootPlan.of(SystemModel.read(h[0], h[1], ModelOptions.DEFAULT))));
                }
            }
        }
    }

    @Test
    void withOnlyIisadminDisabledW3svcAndSmtpsvcFailBecauseOfIt() throws IOException {
        Optional<Path> f = fixtures();
        assumeTrue(f.isPresent(), "fixtures/ not found above the working directory");
        MemoryHive[] h = hivesAfter(f.get().resolve("win2000-server-default"), 0);
        h[0].createKey("ControlSet001\\Services\\IISADMIN")
                .putValue("Start", ValueType.REG_DWORD.id(), new byte[] {4, 0, 0, 0});
        SystemModel model = SystemModel.read(h[0], h[1], ModelOptions.DEFAULT);
        BootPlan plan = BootPlan.of(model);
        for (String n : new String[] {"W3SVC", "SMTPSVC"}) {
            BootPlanEntry e = plan.entry(n).orElseThrow();
            assertThat(e.decision()).as(n).isEqualTo(BootDecision.FAILS_TO_START);
            assertThat(e.failureChain()).as(n).containsExactly(e.name(), "IISADMIN");
            assertThat(e.reason()).as(n).contains("IISADMIN is disabled");
        }
        assertThat(model.family()).isEqualTo(WindowsFamily.WIN2000);
        assertThat(BootPlan.hostProcess(model.service("W3SVC").orElseThrow()).image())
                .isEqualToIgnoringCase("inetinfo.exe");
    }
}
