package org.portmortem.hive.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.testing.SharedFolder;

/**
 * The writer's name hash and subkey order are checked against the lh lists Windows itself wrote in
 * real hives of the shared corpus: every stored hash must equal {@link HiveWriter#nameHash} of the
 * key's name, and every list must be in {@link HiveWriter#HIVE_ORDER}.
 */
class SubkeyListConventionsTest {

    /** The shared corpus: a {@code shared/corpus} folder beside the repository or one of its parents. */
    static Path corpus() {
        return SharedFolder.corpus();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hives/hivex/special", "hives/bcc-m57/SYSTEM", "hives/gosecretsdump/system"})
    void hashesAndOrderOfHashLeavesMatchThoseWindowsWrote(String hive) throws Exception {
        Path corpus = corpus();
        assumeTrue(
                corpus != null, "shared/corpus not found above " + Path.of("").toAbsolutePath() + "; skipped");
        Path file = corpus.resolve(hive);
        assumeTrue(Files.isRegularFile(file), file + " is not in this corpus; skipped");
        byte[] data = Files.readAllBytes(file);
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int lists = 0;
        int entries = 0;
        int at = 4096;
        int end = 4096 + b.getInt(40);
        while (at < end && new String(data, at, 4, StandardCharsets.US_ASCII).equals("hbin")) {
            int binSize = b.getInt(at + 8);
            for (int cell = at + 32; cell < at + binSize; cell += Math.abs(b.getInt(cell))) {
                if (b.getInt(cell) >= 0 || data[cell + 4] != 'l' || data[cell + 5] != 'h') {
                    continue;
                }
                lists++;
                List<String> names = new ArrayList<>();
                int count = Short.toUnsignedInt(b.getShort(cell + 6));
                for (int i = 0; i < count; i++) {
                    int nk = 4096 + b.getInt(cell + 8 + 8 * i);
                    String name = keyName(data, b, nk);
                    assertThat(b.getInt(cell + 12 + 8 * i))
                            .as("hash of %s in %s", name, hive)
                            .isEqualTo(HiveWriter.nameHash(name));
                    names.add(name);
                    entries++;
                }
                List<String> sorted = new ArrayList<>(names);
                sorted.sort(HiveWriter.HIVE_ORDER);
                assertThat(names)
                        .as("order of the lh list at 0x%x in %s", cell, hive)
                        .isEqualTo(sorted);
            }
            at += binSize;
        }
        assertThat(lists).as("lh lists found in %s", hive).isPositive();
        assertThat(entries).isGreaterThanOrEqualTo(lists);
    }

    /** A key node's name: one byte per character when flagged compressed, else UTF-16LE. */
    private static String keyName(byte[] data, ByteBuffer b, int nk) {
        assertThat(new String(data, nk + 4, 2, StandardCharsets.US_ASCII)).isEqualTo("nk");
        boolean compressed = (b.getShort(nk + 6) & 0x20) != 0;
        int length = Short.toUnsignedInt(b.getShort(nk + 4 + 72));
        return new String(
                data, nk + 4 + 76, length, compressed ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_16LE);
    }
}
