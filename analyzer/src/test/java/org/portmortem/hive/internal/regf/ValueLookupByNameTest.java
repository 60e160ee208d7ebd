package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
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
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;

/**
 * A value looked up by name in a regf hive reads only the names of the other values, not their data:
 * it must still return the first of two values whose names differ only in case, and raise the
 * warnings a value after it raises, as reading every value does. The hive is written, then its value
 * records are edited in place (a second name made equal to the first, a DWORD claiming eight bytes in
 * its record).
 */
class ValueLookupByNameTest {
    @TempDir
    Path dir;

    private Path craftedHive() throws IOException {
        MemoryHive h = MemoryHive.empty("CRAFTED", "ROOT");
        MemoryHive.MemoryKey k = h.createKey("K");
        k.putValue("Aa", ValueType.REG_SZ.id(), "first\0".getBytes(StandardCharsets.UTF_16LE));
        k.putValue("Bb", ValueType.REG_SZ.id(), "second\0".getBytes(StandardCharsets.UTF_16LE));
        k.putValue("Cc", ValueType.REG_DWORD.id(), new byte[] {7, 0, 0, 0});
        byte[] b = HiveWriter.builder(Instant.parse("2026-01-01T00:00:00Z"))
                .build()
                .toBytes(h);
        int bb = valueRecord(b, "Bb");
        b[bb + 20] = 'a';
        b[bb + 21] = 'A';
        int cc = valueRecord(b, "Cc");
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(cc + 4, 0x8000_0008);
        Path file = dir.resolve("CRAFTED");
        Files.write(file, b);
        return file;
    }

    /** The offset of the vk record with this compressed name (msuhanov: the name follows 20 bytes). */
    private static int valueRecord(byte[] b, String name) {
        for (int i = 0; i + 22 < b.length; i++) {
            if (b[i] == 'v'
                    && b[i + 1] == 'k'
                    && (b[i + 2] & 0xff) == name.length()
                    && b[i + 20] == name.charAt(0)
                    && b[i + 21] == name.charAt(1)) {
                return i;
            }
        }
        throw new AssertionError("no value record named " + name);
    }

    @Test
    void theFirstOfTwoValuesNamedAlikeIsReturned() throws IOException {
        try (Hive hive = Hive.open(craftedHive(), HiveOpenOptions.NO_LOGS)) {
            Key k = hive.key("K").orElseThrow();
            assertThat(k.values()).extracting(Value::name).containsExactly("Aa", "aA", "Cc");
            assertThat(k.value("AA").orElseThrow().asString()).isEqualTo("first");
            assertThat(k.value("cc").orElseThrow().asInt()).isEqualTo(7);
            assertThat(k.value("Dd")).isEmpty();
        }
    }

    @Test
    void aLookupWarnsAboutTheValuesAfterTheOneFoundAsReadingThemAllDoes() throws IOException {
        Path file = craftedHive();
        List<HiveWarning> byReading;
        try (Hive hive = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            hive.key("K").orElseThrow().values();
            byReading = hive.warnings();
        }
        assertThat(byReading)
                .extracting(HiveWarning::message)
                .anyMatch(m -> m.contains("says 8 bytes are stored in the record; read 4"));
        try (Hive hive = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            hive.key("K").orElseThrow().value("Aa");
            assertThat(hive.warnings()).isEqualTo(byReading);
        }
    }

    @Test
    void manyLookupsOnOneKeyFindEveryNameAndWarnNoMoreThanTheFirst() throws IOException {
        try (Hive hive = Hive.open(craftedHive(), HiveOpenOptions.NO_LOGS)) {
            Key k = hive.key("K").orElseThrow();
            assertThat(k.value("Dd")).isEmpty();
            List<HiveWarning> afterOne = List.copyOf(hive.warnings());
            assertThat(afterOne).isNotEmpty();
            // the names are kept with the key after its first lookup; every later one reads the same
            assertThat(k.value("aA").orElseThrow().asString()).isEqualTo("first");
            assertThat(k.value("CC").orElseThrow().asInt()).isEqualTo(7);
            assertThat(k.value("bb")).isEmpty();
            assertThat(k.value("Dd")).isEmpty();
            assertThat(hive.warnings()).isEqualTo(afterOne);
            // the same key found again is a new object, and answers alike
            assertThat(hive.key("K").orElseThrow().value("cc").orElseThrow().asInt())
                    .isEqualTo(7);
            assertThat(hive.warnings()).isEqualTo(afterOne);
        }
    }
}
