package org.portmortem.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.exposure.remediation.Remediation;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;
import org.portmortem.verdict.HardeningOrder;

/**
 * The hardening plan as the pipeline evaluates it: propose the remediations for the baseline (model,
 * boot plan and exposure read once), evaluate them in the proposed order (the listening set after each
 * step), and order them as the report does ({@code bySeverity}: up to three orders of the same steps,
 * every hive state of each). The hives stay open across invocations, as they do during one analysis.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HardeningPlanBenchmark {

    @Param("fixtures/winxp-default/SYSTEM.reg")
    public String system;

    /** A SOFTWARE hive, or empty for none. */
    @Param("fixtures/winxp-default/SOFTWARE.reg")
    public String software;

    private Hive systemHive;
    private Hive softwareHive;
    private HardeningPlan.Baseline baseline;
    private List<Remediation> steps;

    @Setup(Level.Trial)
    public void open() throws IOException {
        systemHive = Hive.open(Path.of(system));
        softwareHive = software.isEmpty() ? null : Hive.open(Path.of(software));
        baseline = HardeningPlan.Baseline.read(systemHive, softwareHive, ModelOptions.DEFAULT);
        steps = HardeningPlan.propose(baseline);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        systemHive.close();
        if (softwareHive != null) {
            softwareHive.close();
        }
    }

    @Benchmark
    public List<Remediation> propose() {
        return HardeningPlan.propose(baseline);
    }

    @Benchmark
    public HardeningPlan evaluate() throws IOException {
        return HardeningPlan.evaluate(baseline, steps);
    }

    @Benchmark
    public HardeningPlan bySeverity() throws IOException {
        return HardeningOrder.bySeverity(baseline);
    }
}
