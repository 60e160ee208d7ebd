package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.model.SharedCorpus;

/**
 * A copy of a file-backed hive is taken key by key as it is read: it reads the same as a deep copy,
 * changes to it never reach the source, and keys nobody reads are never copied.
 */
class CopyOnAccessTest {
    private static final Instant T = Instant.parse("2020-01-02T03:04:05Z");

    private static MemoryHive sample() {
        MemoryHive h = MemoryHive.empty("SAMPLE", "ROOT");
        for (int i = 0; i < 50; i++) {
            MemoryHive.MemoryKey k = h.createKey("Services\\svc" + i + "\\Parameters");
            k.putValue(
                    "ServiceDll",
                    ValueType.REG_EXPAND_SZ.id(),
                    ("svc" + i + ".dll\0").getBytes(StandardCharsets.UTF_16LE));
            k.setLastWritten(T.plusSeconds(i));
            k.setClassName("class" + i);
        }
        h.createKey("Enum\\Root").putValue("x", ValueType.REG_DWORD.id(), new byte[] {1, 0, 0, 0});
        return h;
    }

    @Test
    void aCopyOfARegfHiveReadsTheSameAsTheHive(@TempDir Path dir) throws IOException {
        Path file = HiveWriter.write(sample(), dir.resolve("SAMPLE"), T).file();
        try (Hive h = Hive.open(file)) {
            assertThat(HiveTraversal.facts(MemoryHive.copyOf(h))).containsExactlyElementsOf(HiveTraversal.facts(h));
            MemoryHive copy = MemoryHive.copyOf(h);
            Key p = copy.key("services\\SVC7\\parameters").orElseThrow();
            assertThat(p.lastWritten())
                    .isEqualTo(h.key("Services\\svc7\\Parameters").orElseThrow().lastWritten());
            assertThat(p.className()).contains("class7");
            assertThat(p.value("servicedll").orElseThrow().asString()).isEqualTo("svc7.dll");
        }
    }

    @Test
    void aCopyOfACorpusSystemHiveReadsTheSameAsTheHive() throws IOException {
        List<Path> hives = SharedCorpus.systemHives();
        assumeTrue(!hives.isEmpty(), "shared corpus not found beside the repository (../shared/corpus)");
        Path big = hives.stream()
                .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                .orElseThrow();
        try (Hive h = Hive.open(big, HiveOpenOptions.NO_LOGS)) {
            assertThat(HiveTraversal.facts(MemoryHive.copyOf(h))).containsExactlyElementsOf(HiveTraversal.facts(h));
            assertThat(MemoryHive.copyOf(h).warnings()).containsExactlyElementsOf(h.warnings());
        }
    }

    @Test
    void changesToTheCopyNeverReachTheSource(@TempDir Path dir) throws IOException {
        Path file = HiveWriter.write(sample(), dir.resolve("SAMPLE"), T).file();
        byte[] before = Files.readAllBytes(file);
        try (Hive h = Hive.open(file)) {
            Set<String> original = HiveTraversal.facts(h);
            MemoryHive copy = MemoryHive.copyOf(h);
            copy.createKey("Services\\svc3\\Parameters")
                    .putValue("ServiceDll", ValueType.REG_SZ.id(), "evil.dll\0".getBytes(StandardCharsets.UTF_16LE));
            assertThat(copy.deleteKey("Services\\svc4")).isTrue();
            copy.createKey("Services\\new").putValue("Start", ValueType.REG_DWORD.id(), new byte[] {4, 0, 0, 0});
            assertThat(copy.key("Services\\svc3\\Parameters")
                            .orElseThrow()
                            .value("ServiceDll")
                            .orElseThrow()
                            .asString())
                    .isEqualTo("evil.dll");
            assertThat(copy.key("Services\\svc4")).isEmpty();
            assertThat(copy.key("Services").orElseThrow().subkeys()).hasSize(50);
            assertThat(HiveTraversal.facts(h)).containsExactlyElementsOf(original);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void keysNobodyReadsAreNeverCopied() {
        MemoryHive sample = sample();
        Set<String> read = new HashSet<>();
        MemoryHive copy = MemoryHive.copyOf(new Watched(sample, read));
        assertThat(read).isEmpty();
        assertThat(copy.key("Services\\svc9\\Parameters").orElseThrow().value("ServiceDll"))
                .isPresent();
        assertThat(read).containsExactlyInAnyOrder("", "Services", "Services\\svc9", "Services\\svc9\\Parameters");
    }

    /** A read-only view of a hive that records whose values or subkeys were listed (a stand-in for a file-backed hive). */
    private record Watched(Hive inner, Set<String> read) implements Hive {
        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public Optional<Path> file() {
            return inner.file();
        }

        @Override
        public HiveFormat format() {
            return inner.format();
        }

        @Override
        public Key root() {
            return new WatchedKey(this, inner.root());
        }

        @Override
        public HiveInfo info() {
            return inner.info();
        }

        @Override
        public List<HiveWarning> warnings() {
            return inner.warnings();
        }

        @Override
        public void close() {}
    }

    private record WatchedKey(Watched owner, Key inner) implements Key {
        @Override
        public Hive hive() {
            return owner;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public String path() {
            return inner.path();
        }

        @Override
        public Optional<Instant> lastWritten() {
            return inner.lastWritten();
        }

        @Override
        public Optional<String> className() {
            return inner.className();
        }

        @Override
        public List<Key> subkeys() {
            owner.read().add(inner.path());
            List<Key> out = new ArrayList<>();
            inner.subkeys().forEach(k -> out.add(new WatchedKey(owner, k)));
            return out;
        }

        @Override
        public Optional<Key> subkey(String name) {
            return inner.subkey(name).map(k -> new WatchedKey(owner, k));
        }

        @Override
        public List<Value> values() {
            owner.read().add(inner.path());
            return inner.values();
        }

        @Override
        public Optional<Value> value(String name) {
            return inner.value(name);
        }
    }
}
