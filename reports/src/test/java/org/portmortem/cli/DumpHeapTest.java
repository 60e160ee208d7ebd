package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hives are memory-mapped and read lazily, so dumping a hive needs far less heap than the file's
 * size: the 11 MB Windows 10 SYSTEM hive is dumped by a JVM limited to an 8 MB heap.
 */
class DumpHeapTest {

    @Test
    void hiveLargerThanTheHeapIsDumpedCompletely() throws Exception {
        Path hive = CorpusLocation.hive("dissect-regf/SYSTEM");
        assertThat(Files.size(hive)).isGreaterThan(10_000_000L);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path out = Files.createTempFile("dump", ".jsonl");
        Path err = Files.createTempFile("dump", ".err");
        try {
            // The serial collector: with G1 an 8 MB heap is only eight regions, and the claim under test is
            // about what the reader allocates, not about region fragmentation.
            Process p = new ProcessBuilder(List.of(
                            java.toString(),
                            "-Xmx8m",
                            "-XX:+UseSerialGC",
                            "-cp",
                            System.getProperty("java.class.path"),
                            PortMortemCommand.class.getName(),
                            "dump",
                            "--format",
                            "jsonl",
                            hive.toString()))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue())
                    .as("exit code; stderr: %s", Files.readString(err))
                    .isZero();
            try (var lines = Files.lines(out)) {
                // 33,317 keys and 74,454 values
                assertThat(lines.count()).isEqualTo(107_771L);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
