package org.portmortem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/**
 * In-process benchmark of the system model and boot plan (not a test): opens a SYSTEM hive (and a
 * SOFTWARE hive if given), builds the model and decides the boot plan, several times after a
 * warm-up, and prints the median time. Run by {@code bench/boot-plan.sh}, or directly:
 *
 * <pre>java -cp reports/target/portmortem.jar org.portmortem.bench.BootPlanBenchmark SYSTEM [SOFTWARE] [RUNS]</pre>
 */
public final class BootPlanBenchmark {
    private static final int WARMUP_RUNS = 5;

    private BootPlanBenchmark() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: BootPlanBenchmark SYSTEM [SOFTWARE] [RUNS]");
            System.exit(2);
        }
        Path system = Path.of(args[0]);
        Path software = args.length > 1 && !args[1].matches("\\d+") ? Path.of(args[1]) : null;
        String last = args[args.length - 1];
        int runs = args.length > 1 && last.matches("\\d+") ? Integer.parseInt(last) : 20;
        int services = 0;
        int running = 0;
        for (int i = 0; i < WARMUP_RUNS; i++) {
            once(system, software);
        }
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            BootPlan plan = once(system, software);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            services = plan.entries().size();
            running = plan.running().size();
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        System.out.printf(Locale.ROOT, "%s%s: %d services and drivers, %d would run%n", system,
                software == null ? "" : " + " + software, services, running);
        System.out.printf(Locale.ROOT, "open + model + boot plan, %d runs after %d warm-up runs:%n", runs, WARMUP_RUNS);
        System.out.printf(Locale.ROOT, "  median %.1f ms; best %.1f ms; worst %.1f ms%n", seconds[runs / 2] * 1e3,
                seconds[0] * 1e3, seconds[runs - 1] * 1e3);
        // On a shared machine wall time includes waiting for a core; the thread's CPU time does not.
        System.out.printf(Locale.ROOT, "  CPU time of the thread: median %.1f ms%n", cpuSeconds[runs / 2] * 1e3);
    }

    private static BootPlan once(Path system, Path software) throws IOException {
        try (Hive sys = Hive.open(system); Hive soft = software == null ? null : Hive.open(software)) {
            return BootPlan.of(SystemModel.read(sys, soft, ModelOptions.DEFAULT));
        }
    }
}
