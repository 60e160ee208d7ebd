package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveTraversal;
import org.portmortem.hive.TestCorpus;

/**
 * A seeded mutation loop over corpus hives (Jazzer needs a native agent; a fixed seed keeps CI
 * reproducible): bit flips, truncations, and sizes, counts and offsets in records overwritten with
 * edge values, in the hive and in its transaction logs. After each mutation the hive is opened and
 * traversed completely with every value decoded; only the reader's own refusal may come out, and
 * the whole loop must finish in bounded time (a hang fails it).
 */
class RegfMutationFuzzTest {
    private static final long SEED = 20261127L;
    private static final int MUTATIONS_PER_SOURCE = 250;
    private static final int[] EDGE_VALUES = {0, 1, 4, 8, 0x7f, 0x80, 0xff, 0xffff, 0x1000, 0x3fd8, 0x3fd9,
        0x7fffffff, 0x80000000, 0x80000004, 0x80000005, 0xfffffff8, 0xffffffff, 0x20, 0x78};
    private static final String[] SIGNATURES = {"nk", "vk", "lf", "lh", "li", "ri", "db", "sk", "hbin", "HvLE", "DIRT"};

    /** A hive with the logs that sit beside it (empty list when none). */
    private record Source(String hive, List<String> logs) {}

    private static final List<Source> SOURCES = List.of(
            new Source("plaso/100_sub_keys.hiv", List.of()),
            new Source("nt-hive/testhive", List.of()),
            new Source("yarp/hives_for_tests/BigDataHive", List.of()),
            new Source("hivex/special", List.of()),
            new Source("python-registry/UNICODE_TESTS", List.of()),
            new Source("yarp/hives_for_tests/MultiSzHive", List.of()),
            new Source("yarp/hives_for_tests/NewDirtyHive2/NewDirtyHive", List.of("NewDirtyHive.LOG1", "NewDirtyHive.LOG2")),
            new Source("yarp/hives_for_tests/OldDirtyHive/OldDirtyHive", List.of("OldDirtyHive.LOG1")));

    @Test
    void mutatedHivesAndLogsNeverThrowAnythingButTheReadersRefusal(@TempDir Path dir) {
        List<String> failures = new ArrayList<>();
        int[] opened = new int[1];
        assertTimeoutPreemptively(Duration.ofSeconds(180), () -> {
            Random random = new Random(SEED);
            for (Source source : SOURCES) {
                Path original = TestCorpus.hive(source.hive);
                List<byte[]> files = new ArrayList<>();
                files.add(Files.readAllBytes(original));
                for (String log : source.logs) {
                    files.add(Files.readAllBytes(original.resolveSibling(log)));
                }
                for (int i = 0; i < MUTATIONS_PER_SOURCE; i++) {
                    int target = random.nextInt(files.size() + (files.size() > 1 ? 1 : 0)) % files.size();
                    byte[] mutated = mutate(files.get(target), random);
                    Path work = Files.createDirectories(dir.resolve("run" + i));
                    Path hivePath = work.resolve(original.getFileName());
                    Files.write(hivePath, target == 0 ? mutated : files.get(0));
                    for (int l = 0; l < source.logs.size(); l++) {
                        Files.write(work.resolve(source.logs.get(l)), target == l + 1 ? mutated : files.get(l + 1));
                    }
                    String problem = traverse(hivePath);
                    if (problem == null) {
                        opened[0]++;
                    } else if (!problem.isEmpty()) {
                        failures.add(source.hive + " mutation " + i + " (file " + target + "): " + problem);
                    }
                }
            }
        });
        assertThat(failures).isEmpty();
        // most mutations leave a readable hive, so the traversal really ran over damaged structures
        assertThat(opened[0]).isGreaterThan(SOURCES.size() * MUTATIONS_PER_SOURCE / 2);
    }

    /** Null when the hive opened and was traversed, "" when it was refused properly, else the problem. */
    private static String traverse(Path hivePath) {
        try (Hive hive = Hive.open(hivePath)) {
            HiveTraversal.facts(hive);
            hive.info();
            hive.warnings().forEach(w -> {
                if (w.message().contains("\n")) {
                    throw new AssertionError("warning of more than one line: " + w);
                }
            });
            return null;
        } catch (InputException e) {
            return e.getMessage().contains("\n") ? "refusal of more than one line: " + e.getMessage() : "";
        } catch (IOException | RuntimeException | Error e) {
            return e.toString();
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
            if (at + sig.length <= b.length && b[at] == sig[0] && b[at + 1] == sig[1]
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
