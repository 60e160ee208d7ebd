package org.portmortem.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
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
import org.openjdk.jmh.infra.Blackhole;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/**
 * The regf reader in process: open a hive and traverse every key with every value decoded as its
 * type asks (strings, multi-strings, numbers). Divide the hive's size by the score for MB/s.
 * {@code bench/hive-reader.sh} runs it beside reglookup and hivexml on the same file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class HiveTraversalBenchmark {

    /** The hive to read (default: the largest corpus SYSTEM hive, beside the repository). */
    @Param("../shared/corpus/hives/dissect-regf/SYSTEM")
    public String hive;

    @Benchmark
    public void openAndTraverse(Blackhole sink) throws IOException {
        try (Hive h = Hive.open(Path.of(hive), HiveOpenOptions.DEFAULT)) {
            Deque<Key> stack = new ArrayDeque<>();
            stack.push(h.root());
            while (!stack.isEmpty()) {
                Key k = stack.pop();
                sink.consume(k.lastWritten());
                for (Value v : k.values()) {
                    if (v.isString()) {
                        sink.consume(v.asString());
                    } else if (v.type() == ValueType.REG_MULTI_SZ) {
                        sink.consume(v.asStrings());
                    } else if (v.isNumber()) {
                        sink.consume(v.asLong());
                    } else {
                        sink.consume(v.size());
                    }
                }
                k.subkeys().forEach(stack::push);
            }
        }
    }
}
