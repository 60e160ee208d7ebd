package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.fuzz.FuzzLoop;

/**
 * Every listing reader (netstat, tasklist, Get-NetTCPConnection / Get-NetUDPEndpoint tables and
 * CSV) on seeded mutants of the listings in the repository (test resources and {@code fixtures/}),
 * plus the shared corpus's listings when present: each mutant is recognised and read as a snapshot,
 * and also read by one parser chosen at random whatever its content, so every parser meets text
 * meant for another. Only a result or the reader's one-line refusal may come out.
 */
class ListingMutationFuzzTest {
    private static final long SEED = FuzzLoop.seed(20261207L);
    /** Mutants in all, spread over the seeds in turn: bounded by count, not by time, so a run is reproducible. */
    private static final int MUTANTS = FuzzLoop.mutants(1500);

    @TempDir
    Path dir;

    static List<Path> seeds() {
        List<Path> seeds = new ArrayList<>(FuzzLoop.files(Path.of("src/test/resources/snapshot"), ".*\\.(txt|csv)"));
        seeds.addAll(FuzzLoop.files(Path.of("src/test/resources/org/portmortem/verdict"), ".*\\.csv"));
        seeds.addAll(FuzzLoop.files(FuzzLoop.fixtures(), "netstat.*\\.txt"));
        seeds.addAll(FuzzLoop.files(Path.of("src/test/resources/fuzz/listing"), ".*"));
        FuzzLoop.corpus("netstat").ifPresent(c -> seeds.addAll(FuzzLoop.files(c, ".*\\.(txt|out|csv)")));
        return seeds;
    }

    @Test
    void mutatedListingsEndInASnapshotOrAOneLineRefusal() throws IOException {
        List<Path> seeds = seeds();
        List<byte[]> seedBytes = FuzzLoop.bytes(seeds);
        FuzzLoop loop = new FuzzLoop(dir);
        SnapshotKind[] kinds = SnapshotKind.values();
        for (int i = 0; i < seeds.size(); i++) {
            Path copy = Files.write(loop.folder("seed" + i).resolve(seeds.get(i).getFileName()), seedBytes.get(i));
            loop.check("listing seed " + seeds.get(i).getFileName(), copy, ListingMutationFuzzTest::readAsSnapshot);
        }
        Random random = new Random(SEED);
        for (int i = 0; i < MUTANTS; i++) {
            int s = i % seeds.size();
            byte[] mutant = FuzzLoop.mutateText(seedBytes.get(s), seedBytes, random);
            SnapshotKind forced = kinds[random.nextInt(kinds.length)];
            Path file = Files.write(loop.folder("m" + i).resolve("listing.txt"), mutant);
            loop.check("listing mutant " + i + " of " + seeds.get(s).getFileName(), file, p -> {
                readAsSnapshot(p);
                SnapshotReader.read(p, SnapshotReader.decode(Files.readAllBytes(p)), forced);
            });
            Files.delete(file);
        }
        assertThat(loop.failures()).isEmpty();
        // the mutants reached the parsers: most were still read as listings
        assertThat(loop.results()).isGreaterThan(MUTANTS / 2);
    }

    private static void readAsSnapshot(Path p) throws IOException {
        if (SnapshotReader.recognize(p).isPresent()) {
            Snapshot s = SnapshotReader.read(p);
            if (s instanceof NetstatSnapshot n) {
                PhantomListener.findIn(n);
            }
        }
    }
}
