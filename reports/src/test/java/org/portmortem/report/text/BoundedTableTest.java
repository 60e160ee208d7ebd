package org.portmortem.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/**
 * A name of 100,000 characters widens no text table: its cell is cut with a marker, and the other
 * rows keep their width; JSON and CSV keep it whole.
 */
class BoundedTableTest {
    private static final String LONG = "p".repeat(100_000) + ".exe";

    @Test
    void aHugeProcessNameInANetstatListingGivesBoundedText(@TempDir Path dir) throws IOException {
        StringBuilder listing = new StringBuilder("\r\nActive Connections\r\n\r\n"
                + "  Proto  Local Address          Foreign Address        State           PID\r\n");
        for (int i = 0; i < 200; i++) {
            listing.append("  TCP    0.0.0.0:")
                    .append(1000 + i)
                    .append("            0.0.0.0:0              LISTENING       ")
                    .append(100 + i)
                    .append("\r\n  [")
                    .append(i == 0 ? LONG : "svc" + i + ".exe")
                    .append("]\r\n\r\n");
        }
        Path file = dir.resolve("netstat.txt");
        Files.writeString(file, listing, StandardCharsets.UTF_8);

        CommandRun text = CommandRun.of("netstat", file.toString());
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().length()).isLessThan(200 * 120);
        assertThat(text.out()).contains("p".repeat(39) + "\u2026").doesNotContain("p".repeat(41));
        assertThat(text.out()
                        .lines()
                        .filter(l -> l.startsWith("TCP"))
                        .mapToInt(String::length)
                        .max()
                        .getAsInt())
                .isLessThanOrEqualTo(120);

        CommandRun json = CommandRun.of("netstat", file.toString(), "--format", "json");
        assertThat(json.out()).contains("\"" + LONG + "\"");
    }

    @Test
    void aHugeImagePathWidensNoRowOfTheServicesTable(@TempDir Path dir) throws IOException {
        try (Hive text = Hive.open(Fixtures.folder("winxp-default").resolve("SYSTEM.reg"))) {
            MemoryHive h = MemoryHive.copyOf(text);
            h.createKey("ControlSet001\\Services\\ClipSrv")
                    .putValue(
                            "ImagePath",
                            ValueType.REG_EXPAND_SZ.id(),
                            ("C:\\" + LONG + "\0").getBytes(StandardCharsets.UTF_16LE));
            HiveWriter.write(h, dir.resolve("SYSTEM"), Instant.parse("2011-05-02T08:30:00Z"));
        }
        String system = dir.resolve("SYSTEM").toString();
        CommandRun text = CommandRun.of("services", "--system", system);
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines().mapToInt(String::length).max().getAsInt()).isLessThan(400);
        assertThat(text.out()).contains("\u2026");

        CommandRun csv = CommandRun.of("services", "--system", system, "--format", "csv");
        assertThat(csv.out()).contains(LONG);
        CommandRun json = CommandRun.of("services", "--system", system, "--format", "json");
        assertThat(json.out()).contains(LONG);
    }
}
