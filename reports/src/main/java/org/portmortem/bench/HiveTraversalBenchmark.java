package org.portmortem.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Locale;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/**
 * In-process benchmark of the hive reader (not a test): opens a hive and traverses every key with
 * every value decoded, several times after a warm-up, and prints the throughput in MB of hive file
 * per second. Run by {@code bench/hive-reader.sh}, or directly:
 *
 * <pre>java -cp reports/target/portmortem.jar org.portmortem.bench.HiveTraversalBenchmark HIVE [RUNS]</pre>
 */
public final class HiveTraversalBenchmark {
    private static final int WARMUP_RUNS = 5;

    private HiveTraversalBenchmark() {}

    /** Totals of one traversal, so the work cannot be optimised away. */
    private record Totals(long keys, long values, long dataBytes, long checksum) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: HiveTraversalBenchmark HIVE [RUNS]");
            System.exit(2);
        }
        Path hive = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double megabytes = Files.size(hive) / 1e6;
        Totals totals = null;
        for (int i = 0; i < WARMUP_RUNS; i++) {
            totals = traverse(hive);
        }
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            totals = traverse(hive);
            seconds[i] = (System.nanoTime() - start) / 1e9;
            cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        double median = seconds[runs / 2];
        System.out.printf(Locale.ROOT, "%s: %.1f MB, %d keys, %d values, %d data bytes (checksum %d)%n", hive, megabytes,
                totals.keys, totals.values, totals.dataBytes, totals.checksum);
        System.out.printf(Locale.ROOT, "open + full traversal with every value decoded, %d runs after %d warm-up runs:%n", runs, WARMUP_RUNS);
        System.out.printf(Locale.ROOT, "  median %.1f ms = %.0f MB/s; best %.1f ms = %.0f MB/s; worst %.1f ms%n",
                median * 1e3, megabytes / median, seconds[0] * 1e3, megabytes / seconds[0], seconds[runs - 1] * 1e3);
        // On a shared machine wall time includes waiting for a core; the thread's CPU time does not.
        double cpuMedian = cpuSeconds[runs / 2];
        System.out.printf(Locale.ROOT, "  CPU time of the reading thread: median %.1f ms = %.0f MB/s%n", cpuMedian * 1e3, megabytes / cpuMedian);
    }

    private static Totals traverse(Path file) throws IOException {
        long keys = 0;
        long values = 0;
        long bytes = 0;
        long checksum = 0;
        try (Hive hive = Hive.open(file, HiveOpenOptions.DEFAULT)) {
            Deque<Key> stack = new ArrayDeque<>();
            stack.push(hive.root());
            while (!stack.isEmpty()) {
                Key k = stack.pop();
                keys++;
                checksum += k.lastWritten().map(t -> t.getNano()).orElse(0) + k.path().length();
                for (Value v : k.values()) {
                    values++;
                    bytes += v.size();
                    checksum += decode(v);
                }
                k.subkeys().forEach(stack::push);
            }
        }
        return new Totals(keys, values, bytes, checksum);
    }

    /** Decodes a value the way its type asks, returning something that depends on the result. */
    private static long decode(Value v) {
        if (v.isString()) {
            return v.asString().length();
        }
        if (v.type() == ValueType.REG_MULTI_SZ) {
            return v.asStrings().size();
        }
        if (v.isNumber()) {
            return v.asLong();
        }
        return v.name().length();
    }
}
