package org.portmortem.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.SnapshotReader;

/**
 * Benchmark of {@link SnapshotReader#readSockets} (not a test): reads one socket listing a few
 * times after a warm-up and prints MB of file per second from the median wall time and from the
 * reading thread's CPU time (on a shared machine wall time includes waiting for a core), the
 * socket count, and the heap in use after a garbage collection while the last snapshot is held.
 *
 * <p>Usage: {@code java -cp portmortem.jar org.portmortem.bench.SnapshotReaderBenchmark FILE [RUNS]}.
 * Large inputs come from {@code bench/make-netstat.py}.
 */
public final class SnapshotReaderBenchmark {
    private SnapshotReaderBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SnapshotReaderBenchmark FILE [RUNS]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        double mb = Files.size(file) / 1e6;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        NetstatSnapshot last = SnapshotReader.readSockets(file); // warm-up
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            last = null;
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            last = SnapshotReader.readSockets(file);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        long heap = rt.totalMemory() - rt.freeMemory();
        System.out.printf(Locale.ROOT, "%s: %.1f MB, %d sockets, %d warnings%n", file, mb, last.sockets().size(),
                last.warnings().size());
        System.out.printf(Locale.ROOT, "median wall %.3f s (%.1f MB/s), median thread CPU %.3f s (%.1f MB/s)%n",
                wall[runs / 2] / 1e9, mb / (wall[runs / 2] / 1e9), cpu[runs / 2] / 1e9, mb / (cpu[runs / 2] / 1e9));
        System.out.printf(Locale.ROOT, "heap in use holding the snapshot: %.1f MB (max heap %.0f MB)%n", heap / 1e6,
                rt.maxMemory() / 1e6);
    }
}
