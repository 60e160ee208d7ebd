package org.portmortem.bench;

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
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.SnapshotReader;

/**
 * The netstat reader in process: read one socket listing. Large listings come from
 * {@code bench/make-netstat.py} (see {@code bench/snapshot-reader.sh}); run with
 * {@code -jvmArgs -Xmx512m} to hold the heap the README quotes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(1)
public class SnapshotReaderBenchmark {

    @Param("../shared/corpus/netstat/jc-win10/netstat-aonb.out")
    public String listing;

    @Benchmark
    public NetstatSnapshot readSockets() throws Exception {
        return SnapshotReader.readSockets(Path.of(listing));
    }
}
