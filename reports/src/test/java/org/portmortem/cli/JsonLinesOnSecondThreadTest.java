package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.Key;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.Value;

/**
 * {@code dump --format jsonl} on two threads writes the bytes one thread writes, raises the hive's
 * warnings in the same order, and stops with the error of either side.
 */
class JsonLinesOnSecondThreadTest {

    static Stream<String> corpusHives() throws IOException {
        try (Stream<Path> s = Files.list(CorpusLocation.hives().resolve("regipy"))) {
            return Stream.concat(
                    Stream.of("dissect-regf/SYSTEM", "bcc-m57/SYSTEM"),
                    s.map(p -> "regipy/" + p.getFileName())
                            .filter(n -> n.toUpperCase(java.util.Locale.ROOT).contains("SYSTEM")
                                    && !n.toUpperCase(java.util.Locale.ROOT).contains(".LOG")))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpusHives")
    void aCorpusHiveGivesTheSameBytesAndTheSameWarningsInTheSameOrder(String name) throws IOException {
        Path file = CorpusLocation.hive(name);
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        List<HiveWarning> oneWarnings;
        try (Hive h = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            dump(h.root(), new DumpJsonLinesBytes(one));
            oneWarnings = h.warnings();
        }
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        List<HiveWarning> twoWarnings;
        try (Hive h = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            dump(h.root(), new JsonLinesOnSecondThread(new DumpJsonLinesBytes(two)));
            twoWarnings = h.warnings();
        }
        assertThat(two.size()).isPositive();
        assertThat(two.toByteArray()).isEqualTo(one.toByteArray());
        assertThat(twoWarnings).isEqualTo(oneWarnings);
    }

    @Test
    void valuesLargerThanABatchAndKeysOfManyValuesComeOutInOrder() throws IOException {
        MemoryHive h = MemoryHive.empty("crafted", "ROOT");
        for (int k = 0; k < 40; k++) {
            MemoryHive.MemoryKey key = h.createKey("K" + k + "\\Sub\u00e9" + k);
            key.setLastWritten(Instant.parse("2024-02-29T23:59:59.1234567Z").plusSeconds(k));
            for (int v = 0; v < 300; v++) {
                key.putValue("v" + v, 3, new byte[] {(byte) k, (byte) v});
            }
            // about three batches' worth of data in one key, over several values
            key.putValue("big", 3, new byte[JsonLinesOnSecondThread.BATCH_BYTES + k]);
        }
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        dump(h.root(), new DumpJsonLinesBytes(one));
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        dump(h.root(), new JsonLinesOnSecondThread(new DumpJsonLinesBytes(two)));
        assertThat(two.toByteArray()).isEqualTo(one.toByteArray());
    }

    @Test
    void aHiveThatFailsMidwayGivesTheLinesBeforeTheFailureAndItsError() throws IOException {
        MemoryHive h = MemoryHive.empty("crafted", "ROOT");
        for (int i = 0; i < 5_000; i++) {
            h.createKey("A\\K" + i).putValue("n", 4, new byte[] {1, 0, 0, 0});
        }
        h.createKey("B");
        Key failing = new FailingSubkeys(h.root(), "B");
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        assertThatThrownBy(() -> dump(failing, new DumpJsonLinesBytes(one)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("damaged subkey list of B");
        ByteArrayOutputStream two = new ByteArrayOutputStream();
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(() -> dump(failing, new JsonLinesOnSecondThread(new DumpJsonLinesBytes(two))))
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessage("damaged subkey list of B"));
        assertThat(one.size()).isGreaterThan(100_000);
        assertThat(two.toByteArray()).isEqualTo(one.toByteArray());
    }

    @Test
    void aWriteThatFailsStopsTheDumpWithThatErrorAndNeverHangs() {
        MemoryHive h = MemoryHive.empty("crafted", "ROOT");
        for (int i = 0; i < 50_000; i++) {
            h.createKey("K" + i).putValue("n", 3, new byte[64]);
        }
        OutputStream broken = new OutputStream() {
            private long written;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                written += len;
                if (written > 200_000) {
                    throw new IOException("Broken pipe");
                }
            }
        };
        assertTimeoutPreemptively(
                Duration.ofSeconds(30),
                () -> assertThatThrownBy(
                                () -> dump(h.root(), new JsonLinesOnSecondThread(new DumpJsonLinesBytes(broken))))
                        .isInstanceOf(IOException.class)
                        .hasMessage("Broken pipe"));
    }

    private static void dump(Key root, DumpCommand.KeyPrinter printer) throws IOException {
        try (printer) {
            DumpCommand.dump(root, printer);
        }
    }

    /** A key whose subkey of one name cannot list its own subkeys, as a damaged hive can fail. */
    private record FailingSubkeys(Key key, String failing) implements Key {
        @Override
        public Hive hive() {
            return key.hive();
        }

        @Override
        public String name() {
            return key.name();
        }

        @Override
        public String path() {
            return key.path();
        }

        @Override
        public Optional<Instant> lastWritten() {
            return key.lastWritten();
        }

        @Override
        public Optional<String> className() {
            return key.className();
        }

        @Override
        public List<Key> subkeys() {
            if (key.name().equals(failing)) {
                throw new IllegalStateException("damaged subkey list of " + failing);
            }
            return key.subkeys().stream()
                    .map(k -> (Key) new FailingSubkeys(k, failing))
                    .toList();
        }

        @Override
        public Optional<Key> subkey(String name) {
            return key.subkey(name).map(k -> new FailingSubkeys(k, failing));
        }

        @Override
        public List<Value> values() {
            return key.values();
        }

        @Override
        public Optional<Value> value(String name) {
            return key.value(name);
        }
    }
}
