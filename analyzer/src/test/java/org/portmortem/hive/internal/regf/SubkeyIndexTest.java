package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.Key;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;

/**
 * A lookup by name under a key of many subkeys makes every subkey the first time and keeps their names
 * in the hive's {@link SubkeyIndex}; later lookups under it must answer exactly as the first kind did:
 * any case, a stored name with trailing NULs found without them, an exact name before such a one,
 * nothing for a name that is not there, and no new warning.
 */
class SubkeyIndexTest {
    @TempDir
    Path dir;

    private Path hive(int services) throws IOException {
        MemoryHive h = MemoryHive.empty("SYSTEM", "ROOT");
        for (int i = 0; i < services; i++) {
            h.createKey("Services\\Svc" + i)
                    .putValue("Start", ValueType.REG_DWORD.id(), new byte[] {(byte) i, 0, 0, 0});
        }
        h.createKey("Services\\SAC\0").putValue("Start", ValueType.REG_DWORD.id(), new byte[] {100, 0, 0, 0});
        h.createKey("Services\\Lsa\0").putValue("Start", ValueType.REG_DWORD.id(), new byte[] {101, 0, 0, 0});
        h.createKey("Services\\lsa").putValue("Start", ValueType.REG_DWORD.id(), new byte[] {102, 0, 0, 0});
        Path file = dir.resolve("SYSTEM" + services);
        Files.write(
                file,
                HiveWriter.builder(Instant.parse("2026-01-01T00:00:00Z"))
                        .build()
                        .toBytes(h));
        return file;
    }

    private static int start(Hive hive, String path) {
        return hive.key(path)
                .orElseThrow(() -> new AssertionError("no " + path))
                .value("Start")
                .orElseThrow()
                .asInt();
    }

    @Test
    void laterLookupsUnderAKeyOfManySubkeysAnswerAsTheFirst() throws IOException {
        try (RegfHive hive = (RegfHive) Hive.open(hive(40), HiveOpenOptions.NO_LOGS)) {
            RegfKey services = (RegfKey) hive.key("Services").orElseThrow();
            assertThat(hive.subkeyIndex().of(services.cellOffset())).isNull();
            assertThat(start(hive, "Services\\svc7")).isEqualTo(7);
            List<HiveWarning> afterFirst = List.copyOf(hive.warnings());
            assertThat(hive.subkeyIndex().of(services.cellOffset())).isNotNull();
            for (int i = 0; i < 40; i++) {
                assertThat(start(hive, "Services\\SVC" + i)).isEqualTo(i);
                assertThat(start(hive, "services\\svc" + i)).isEqualTo(i);
            }
            assertThat(start(hive, "Services\\sac")).isEqualTo(100);
            assertThat(start(hive, "Services\\SAC\0")).isEqualTo(100);
            // "lsa" is stored as such after "Lsa\0": the exact name wins
            assertThat(start(hive, "Services\\LSA")).isEqualTo(102);
            assertThat(hive.key("Services\\Svc40")).isEmpty();
            assertThat(hive.key("Services\\Svc1\\Deeper")).isEmpty();
            assertThat(hive.warnings()).isEqualTo(afterFirst);
        }
    }

    @Test
    void theFirstLookupAndTheIndexAgreeWithAHiveReadWithoutIt() throws IOException {
        Path file = hive(40);
        List<String> names = List.of("Svc0", "SVC39", "sac", "LSA", "lsa\0", "nothing", "Svc40");
        try (Hive first = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            Key services = first.key("Services").orElseThrow();
            for (String n : names) {
                // a fresh key object each time: every answer here but the first comes from the index
                try (Hive fresh = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
                    assertThat(services.subkey(n).map(Key::path))
                            .as(n)
                            .isEqualTo(fresh.key("Services")
                                    .orElseThrow()
                                    .subkey(n)
                                    .map(Key::path));
                }
            }
        }
    }

    @Test
    void aKeyOfFewSubkeysIsNotKept() throws IOException {
        try (RegfHive hive = (RegfHive) Hive.open(hive(SubkeyIndex.MIN_SUBKEYS - 4), HiveOpenOptions.NO_LOGS)) {
            RegfKey services = (RegfKey) hive.key("Services").orElseThrow();
            assertThat(start(hive, "Services\\Svc1")).isEqualTo(1);
            assertThat(hive.subkeyIndex().of(services.cellOffset())).isNull();
        }
    }

    @Test
    void theIndexKeepsNoMoreThanItsBoundOfNames() {
        SubkeyIndex index = new SubkeyIndex();
        int per = SubkeyIndex.MAX_NAMES / 4;
        for (long parent = 1; parent <= 5; parent++) {
            String[] names = new String[per];
            java.util.Arrays.fill(names, "Svc");
            index.record(parent, names, new long[per]);
        }
        assertThat(index.of(4)).isNotNull();
        assertThat(index.of(5)).as("past the bound: scanned as before").isNull();
    }
}
