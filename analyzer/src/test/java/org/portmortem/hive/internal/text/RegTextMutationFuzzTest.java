package org.portmortem.hive.internal.text;

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
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveTraversal;
import org.portmortem.hive.RegOverlay;

/**
 * The .reg text reader on seeded mutants of the repository's .reg files (test resources, the
 * reference systems and their hardening steps, the hostile fixture): each mutant is opened as a hive
 * and traversed with every value decoded, and read as an overlay. Only a result or the reader's
 * one-line refusal may come out.
 */
class RegTextMutationFuzzTest {
    private static final long SEED = FuzzLoop.seed(20261208L);
    /** Mutants in all, spread over the seeds in turn; bounded by count so a run is reproducible. */
    private static final int MUTANTS = FuzzLoop.mutants(600);

    @TempDir
    Path dir;

    @Test
    void mutatedRegFilesEndInAHiveOrAOneLineRefusal() throws IOException {
        List<Path> seeds = new ArrayList<>(FuzzLoop.files(Path.of("src/test/resources/regtext"), ".*\\.reg"));
        seeds.addAll(FuzzLoop.files(FuzzLoop.fixtures(), ".*\\.reg"));
        seeds.addAll(FuzzLoop.files(Path.of("src/test/resources/fuzz/regtext"), ".*"));
        List<byte[]> seedBytes = FuzzLoop.bytes(seeds);
        FuzzLoop loop = new FuzzLoop(dir);
        Random random = new Random(SEED);
        for (int i = 0; i < MUTANTS; i++) {
            int s = i % seeds.size();
            byte[] mutant = FuzzLoop.mutateText(seedBytes.get(s), seedBytes, random);
            Path file = Files.write(loop.folder("m" + i).resolve("SYSTEM.reg"), mutant);
            loop.check("reg mutant " + i + " of " + seeds.get(s).getFileName(), file, RegTextMutationFuzzTest::read);
            Files.delete(file);
        }
        assertThat(loop.failures()).isEmpty();
        assertThat(loop.results()).isGreaterThan(MUTANTS / 2);
    }

    private static void read(Path p) throws IOException {
        try (Hive hive = Hive.open(p)) {
            HiveTraversal.facts(hive);
            hive.warnings();
        }
        RegOverlay.read(p);
    }
}
