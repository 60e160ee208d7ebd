package org.portmortem.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.exposure.remediation.Remediation;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.ExposurePredictor;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/**
 * Benchmark of the hardening plan that {@code ObservationComparison.compare} evaluates (not a
 * test): opens the hives once, reads the model and, while holding it as the comparison does, proposes the remediations and evaluates them (the listening
 * set after each step), a warm-up then RUNS measured runs, and prints the median times and the
 * number of steps.
 *
 * <p>Usage: {@code java -cp portmortem.jar org.portmortem.bench.HardeningPlanBenchmark SYSTEM [SOFTWARE] [RUNS]}.
 */
public final class HardeningPlanBenchmark {
    private HardeningPlanBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: HardeningPlanBenchmark SYSTEM [SOFTWARE] [RUNS]");
            System.exit(2);
        }
        int runs = args.length > 1 && args[args.length - 1].matches("\\d+") ? Integer.parseInt(args[args.length - 1]) : 3;
        boolean withSoftware = args.length > 2 || (args.length == 2 && !args[1].matches("\\d+"));
        Hive system = Hive.open(Path.of(args[0]));
        Hive software = withSoftware ? Hive.open(Path.of(args[1])) : null;
        long[] propose = new long[runs + 1];
        long[] evaluate = new long[runs + 1];
        HardeningPlan plan = null;
        for (int i = 0; i <= runs; i++) { // run 0 is the warm-up
            // As ObservationComparison.compare: the caller holds the model read from the same hives.
            SystemModel held = SystemModel.read(system, software, ModelOptions.DEFAULT);
            long t0 = System.nanoTime();
            List<Remediation> steps = HardeningPlan.propose(system, software);
            long t1 = System.nanoTime();
            plan = HardeningPlan.evaluate(system, software, steps);
            long t2 = System.nanoTime();
            propose[i] = t1 - t0;
            evaluate[i] = t2 - t1;
            java.lang.ref.Reference.reachabilityFence(held);
        }
        System.out.printf(Locale.ROOT, "%s: %d steps, baseline %d listeners; first run propose %.3f s, evaluate %.3f s%n",
                args[0], plan.steps().size(), plan.baseline().listeners().size(), propose[0] / 1e9, evaluate[0] / 1e9);
        System.out.printf(Locale.ROOT, "median of %d: propose %.3f s, evaluate %.3f s%n", runs, median(propose) / 1e9,
                median(evaluate) / 1e9);
        // What one step costs, by part (medians of the same number of runs).
        long[][] parts = new long[4][runs + 1];
        for (int i = 0; i <= runs; i++) {
            long t0 = System.nanoTime();
            MemoryHive copy = MemoryHive.copyOf(system);
            long t1 = System.nanoTime();
            SystemModel model = SystemModel.read(copy, software, ModelOptions.DEFAULT);
            long t2 = System.nanoTime();
            BootPlan boot = BootPlan.of(model);
            long t3 = System.nanoTime();
            new ExposurePredictor().predict(model, boot);
            long t4 = System.nanoTime();
            parts[0][i] = t1 - t0;
            parts[1][i] = t2 - t1;
            parts[2][i] = t3 - t2;
            parts[3][i] = t4 - t3;
        }
        System.out.printf(Locale.ROOT, "one step by part: copy SYSTEM %.3f s, model %.3f s, boot plan %.3f s, predict %.3f s%n",
                median(parts[0]) / 1e9, median(parts[1]) / 1e9, median(parts[2]) / 1e9, median(parts[3]) / 1e9);
    }

    private static long median(long[] withWarmup) {
        long[] m = Arrays.copyOfRange(withWarmup, 1, withWarmup.length);
        Arrays.sort(m);
        return m[m.length / 2];
    }
}
