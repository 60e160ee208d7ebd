package org.portmortem.hive.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveFormat;
import org.portmortem.hive.Key;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.Value;

/**
 * Hives written by {@link HiveWriter} read back through the project's own regf reader exactly as
 * the source hive: every key path, last-write time, class name and value (name, type, raw bytes).
 */
class WriterReaderRoundTripTest {
    private static final Instant WHEN = Instant.parse("2002-09-02T10:00:00Z");

    @TempDir
    Path tmp;

    static Stream<Path> fixtureExports() throws IOException {
        Path fixtures = Path.of("..", "fixtures").toAbsolutePath().normalize();
        try (Stream<Path> s = Files.walk(fixtures)) {
            return s
                    .filter(p -> p.getFileName().toString().matches("(?i)(SYSTEM|SOFTWARE)\\.reg"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("fixtureExports")
    void referenceSystemExportsSurviveWriteAndBinaryRead(Path export) throws IOException {
        try (Hive text = Hive.open(export)) {
            assertThat(text.format()).isEqualTo(HiveFormat.REG_TEXT);
            Path bin = tmp.resolve(export.getParent().getFileName() + "-" + export.getFileName() + ".hiv");
            HiveWriter.write(text, bin, WHEN);
            try (Hive binary = Hive.open(bin)) {
                assertThat(binary.format()).isEqualTo(HiveFormat.REGF);
                assertThat(binary.warnings()).isEmpty();
                assertThat(flatten(binary.root(), WHEN)).containsExactlyElementsOf(flatten(text.root(), WHEN));
            }
        }
    }

    @Test
    void everyValueTypeBigDataManySubkeysAndNonAsciiNamesSurvive() throws IOException {
        MemoryHive source = SampleHives.everything();
        Path bin = tmp.resolve("everything.hiv");
        HiveWriter.write(source, bin, WHEN);
        try (Hive binary = Hive.open(bin)) {
            List<String> back = flatten(binary.root(), WHEN);
            assertThat(back).containsExactlyElementsOf(flatten(source.root(), WHEN));
            assertThat(back.size()).isGreaterThan(2000);
        }
    }

    /** One line per key and per value, in traversal order; keys without a time get the writer's. */
    private static List<String> flatten(Key root, Instant fallback) {
        List<String> out = new ArrayList<>();
        walk(root, fallback, out);
        return out;
    }

    private static void walk(Key k, Instant fallback, List<String> out) {
        out.add("K " + k.path() + " @" + k.lastWritten().orElse(fallback) + " class="
                + k.className().orElse(""));
        for (Value v : k.values()) {
            out.add("V " + k.path() + " [" + v.name() + "] " + v.typeId() + " " + v.rawHex());
        }
        for (Key sub : k.subkeys()) {
            walk(sub, fallback, out);
        }
    }
}
