package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.fuzz.FuzzLoop;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveTraversal;
import org.portmortem.hive.write.HiveWriter;

/**
 * A seeded mutation loop over regf hives and their transaction logs (Jazzer needs a native agent; a
 * fixed seed and a fixed count keep CI reproducible and its time bounded): bit flips, truncations,
 * and sizes, counts and offsets in records overwritten with edge values, in the hive and in its
 * logs, so log replay meets damaged logs too. The seeds are made in the test or kept in the
 * repository (hives with crafted new- and old-format logs, the reference systems written as regf,
 * committed regression inputs), plus the shared corpus's hives when present. After each mutation the
 * hive is opened with log replay and traversed completely with every value decoded, under a time
 * limit; only the reader's own one-line refusal may come out.
 */
class RegfMutationFuzzTest {
    private static final long SEED = FuzzLoop.seed(20261127L);
    /** Mutants in all, spread over the sources in turn. */
    private static final int MUTANTS = FuzzLoop.mutants(1200);

    private static final int[] EDGE_VALUES = {
        0,
        1,
        4,
        8,
        0x7f,
        0x80,
        0xff,
        0xffff,
        0x1000,
        0x3fd8,
        0x3fd9,
        0x7fffffff,
        0x80000000,
        0x80000004,
        0x80000005,
        0xfffffff8,
        0xffffffff,
        0x20,
        0x78
    };
    private static final String[] SIGNATURES = {"nk", "vk", "lf", "lh", "li", "ri", "db", "sk", "hbin", "HvLE", "DIRT"};

    /** A hive file and the logs beside it: names and bytes, the hive first. */
    private record Source(String label, List<String> names, List<byte[]> files) {}

    /** Hives of the shared corpus (with their logs), used when it is present. */
    private static final List<String[]> CORPUS = List.of(
            new String[] {"plaso/100_sub_keys.hiv"},
            new String[] {"nt-hive/testhive"},
            new String[] {"yarp/hives_for_tests/BigDataHive"},
            new String[] {"hivex/special"},
            new String[] {"python-registry/UNICODE_TESTS"},
            new String[] {"yarp/hives_for_tests/MultiSzHive"},
            new String[] {"yarp/hives_for_tests/NewDirtyHive2/NewDirtyHive", "NewDirtyHive.LOG1", "NewDirtyHive.LOG2"},
            new String[] {"yarp/hives_for_tests/OldDirtyHive/OldDirtyHive", "OldDirtyHive.LOG1"});

    static List<Source> sources() throws IOException {
        List<Source> out = new ArrayList<>();
        byte[] primary = CraftedLogs.dirtyPrimary();
        byte[] bins = CraftedLogs.newBins();
        out.add(new Source(
                "crafted new-format logs",
                List.of("SYSTEM", "SYSTEM.LOG1", "SYSTEM.LOG2"),
                List.of(
                        primary,
                        CraftedLogs.newFormatLog(primary, bins, bins.length, 0),
                        CraftedLogs.newFormatLog(primary, bins, bins.length, 0))));
        out.add(new Source(
                "crafted old-format log",
                List.of("SYSTEM", "SYSTEM.LOG"),
                List.of(primary, CraftedLogs.oldFormatLog(primary, bins, bins.length))));
        HiveWriter writer =
                HiveWriter.builder(Instant.parse("2002-09-02T10:00:00Z")).build();
        for (String reg : List.of("winxp-default/SYSTEM.reg", "win2000-server-default/SOFTWARE.reg")) {
            try (Hive h = Hive.open(FuzzLoop.fixtures().resolve(reg))) {
                out.add(new Source("fixtures/" + reg + " as regf", List.of("HIVE"), List.of(writer.toBytes(h))));
            }
        }
        Path regressions = Path.of("src/test/resources/fuzz/regf");
        if (Files.isDirectory(regressions)) {
            try (var cases = Files.list(regressions)) {
                for (Path c : cases.filter(Files::isDirectory).sorted().toList()) {
                    List<Path> files = FuzzLoop.files(c, ".*");
                    out.add(new Source(
                            "regression " + c.getFileName(),
                            files.stream().map(p -> p.getFileName().toString()).toList(),
                            FuzzLoop.bytes(files)));
                }
            }
        }
        FuzzLoop.corpus("hives").ifPresent(hives -> {
            for (String[] c : CORPUS) {
                Path hive = hives.resolve(c[0]);
                List<Path> files = new ArrayList<>(List.of(hive));
                for (int i = 1; i < c.length; i++) {
                    files.add(hive.resolveSibling(c[i]));
                }
                if (files.stream().allMatch(Files::isRegularFile)) {
                    out.add(new Source(
                            c[0],
                            files.stream().map(p -> p.getFileName().toString()).toList(),
                            FuzzLoop.bytes(files)));
                }
            }
        });
        return out;
    }

    @Test
    void mutatedHivesAndLogsNeverThrowAnythingButTheReadersRefusal(@TempDir Path dir) throws IOException {
        List<Source> sources = sources();
        FuzzLoop loop = new FuzzLoop(dir);
        Random random = new Random(SEED);
        for (int i = 0; i < MUTANTS; i++) {
            Source source = sources.get(i % sources.size());
            List<byte[]> files = source.files();
            // a log is mutated as often as the hive when there are logs
            int target = random.nextInt(files.size() + (files.size() > 1 ? 1 : 0)) % files.size();
            byte[] mutated = mutate(files.get(target), random);
            Path work = loop.folder("run" + i);
            for (int f = 0; f < files.size(); f++) {
                Files.write(work.resolve(source.names().get(f)), f == target ? mutated : files.get(f));
            }
            loop.check(
                    "regf mutant " + i + " of " + source.label() + " (file " + target + ")",
                    work.resolve(source.names().get(0)),
                    RegfMutationFuzzTest::traverse);
            try (var written = Files.list(work)) {
                for (Path p : written.toList()) {
                    Files.delete(p);
                }
            }
        }
        assertThat(loop.failures()).isEmpty();
        // most mutations leave a readable hive, so the traversal really ran over damaged structures
        assertThat(loop.results()).isGreaterThan(MUTANTS / 2);
    }

    /** Opens with log replay and traverses; a warning of more than one line is a failure. */
    private static void traverse(Path hivePath) throws IOException {
        try (Hive hive = Hive.open(hivePath)) {
            HiveTraversal.facts(hive);
            hive.info();
            hive.warnings().forEach(w -> {
                if (w.message().contains("\n")) {
                    throw new AssertionError("warning of more than one line: " + w);
                }
            });
        }
    }

    static byte[] mutate(byte[] original, Random random) {
        byte[] b = original.clone();
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps; s++) {
            switch (random.nextInt(5)) {
                case 0 -> {
                    for (int k = 1 + random.nextInt(8); k > 0; k--) {
                        int at = random.nextInt(b.length);
                        b[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> putInt(b, random.nextInt(Math.max(1, b.length - 3)) & ~3, edgeValue(random, b.length));
                case 2 -> corruptRecordField(b, random);
                case 3 -> corruptCellSize(b, random);
                default -> {
                    if (random.nextInt(4) == 0) {
                        b = Arrays.copyOf(b, random.nextInt(b.length));
                    } else {
                        corruptRecordField(b, random);
                    }
                }
            }
            if (b.length < 8) {
                break;
            }
        }
        return b;
    }

    private static int edgeValue(Random random, int fileLength) {
        return switch (random.nextInt(3)) {
            case 0 -> EDGE_VALUES[random.nextInt(EDGE_VALUES.length)];
            case 1 -> random.nextInt(Math.max(1, fileLength)) & ~7;
            default -> random.nextInt();
        };
    }

    /** Overwrites a 2- or 4-byte field in the first 80 bytes after a record signature. */
    private static void corruptRecordField(byte[] b, Random random) {
        int at = findSignature(b, random);
        if (at < 0) {
            return;
        }
        int field = at + 2 + 2 * random.nextInt(39);
        if (random.nextBoolean()) {
            putShort(b, field, random.nextBoolean() ? 0xffff : random.nextInt(0x10000));
        } else {
            putInt(b, field, edgeValue(random, b.length));
        }
    }

    /** Overwrites the size field of the cell that holds a record. */
    private static void corruptCellSize(byte[] b, Random random) {
        int at = findSignature(b, random);
        if (at >= 4) {
            putInt(b, at - 4, edgeValue(random, b.length));
        }
    }

    private static int findSignature(byte[] b, Random random) {
        byte[] sig = SIGNATURES[random.nextInt(SIGNATURES.length)].getBytes(StandardCharsets.US_ASCII);
        int start = random.nextInt(b.length);
        for (int n = 0; n < b.length; n++) {
            int at = (start + n) % b.length;
            if (at + sig.length <= b.length
                    && b[at] == sig[0]
                    && b[at + 1] == sig[1]
                    && (sig.length == 2 || (b[at + 2] == sig[2] && b[at + 3] == sig[3]))) {
                return at;
            }
        }
        return -1;
    }

    private static void putShort(byte[] b, int at, int v) {
        if (at >= 0 && at + 2 <= b.length) {
            b[at] = (byte) v;
            b[at + 1] = (byte) (v >> 8);
        }
    }

    private static void putInt(byte[] b, int at, int v) {
        if (at >= 0 && at + 4 <= b.length) {
            putShort(b, at, v);
            putShort(b, at + 2, v >>> 16);
        }
    }
}
