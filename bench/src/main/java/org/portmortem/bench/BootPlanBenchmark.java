package org.portmortem.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/**
 * The system model and boot plan in process: open a SYSTEM hive (and a SOFTWARE hive when
 * {@code software} is not empty), read the model and decide the boot plan. {@code bench/boot-plan.sh}
 * runs it beside {@code regripper -p svc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class BootPlanBenchmark {

    @Param("../shared/corpus/hives/dissect-regf/SYSTEM")
    public String system;

    /** A SOFTWARE hive, or empty for none. */
    @Param("")
    public String software;

    @Benchmark
    public BootPlan modelAndBootPlan() throws IOException {
        try (Hive sys = Hive.open(Path.of(system));
                Hive soft = software.isEmpty() ? null : Hive.open(Path.of(software))) {
            return BootPlan.of(SystemModel.read(sys, soft, ModelOptions.DEFAULT));
        }
    }
}
