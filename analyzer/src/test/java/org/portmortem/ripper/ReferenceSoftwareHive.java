package org.portmortem.ripper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.portmortem.exposure.ReferenceSystems;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;

/**
 * A real SOFTWARE hive for the tools to read side by side (the corpus has none): the Windows XP
 * reference system's {@code fixtures/winxp-default/SOFTWARE.reg} with a test's edits, written as
 * regf by {@link HiveWriter}. Skips visibly when the fixtures or {@code reglookup} are missing.
 */
final class ReferenceSoftwareHive {
    private ReferenceSoftwareHive() {}

    /** The reference SOFTWARE hive with the edits made, written as {@code dir/SOFTWARE}. */
    static Path written(Path dir, Consumer<MemoryHive> edits) throws IOException {
        Optional<Path> fixtures = ReferenceSystems.fixtures();
        assumeTrue(fixtures.isPresent(), "fixtures/winxp-default not found above the working directory");
        assumeTrue(ReglookupRun.installed(), "reglookup is not installed (Debian package reglookup)");
        Path regf = dir.resolve("SOFTWARE");
        try (Hive text = Hive.open(fixtures.get().resolve("winxp-default").resolve("SOFTWARE.reg"))) {
            MemoryHive h = MemoryHive.copyOf(text);
            edits.accept(h);
            HiveWriter.write(h, regf, Instant.parse("2011-05-02T08:30:00Z"));
        }
        return regf;
    }

    /** Sets a REG_DWORD, creating the key. */
    static void dword(MemoryHive h, String key, String name, int v) {
        h.createKey(key)
                .putValue(
                        name,
                        ValueType.REG_DWORD.id(),
                        ByteBuffer.allocate(4)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putInt(v)
                                .array());
    }

    /** Sets a REG_SZ or REG_EXPAND_SZ, creating the key. */
    static void string(MemoryHive h, String key, String name, ValueType type, String s) {
        h.createKey(key).putValue(name, type.id(), (s + "\0").getBytes(StandardCharsets.UTF_16LE));
    }
}
