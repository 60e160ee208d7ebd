package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;

/**
 * Every subcommand that reads a case goes through the one pipeline: on the same dirty hive,
 * {@code listeners}, {@code rpc}, {@code services}, {@code system} and {@code analyze} show the same
 * warnings (case notes, hive reader, model, boot plan, exposure), and the report holds them too.
 */
class SameWarningsTest {
    private static final String PREFIX = "portmortem: warning: ";

    @Test
    void theRegipyDirtyHiveGivesTheSameWarningsToEverySubcommand(@TempDir Path tmp) throws IOException {
        Path hive = CorpusLocation.hive("regipy/SYSTEM_WIN_10_1709");
        Set<String> warnings = sameWarningsFromEverySubcommand(hive, tmp);
        assertThat(warnings)
                .anyMatch(w -> w.contains("the hive is dirty (sequence numbers 4317 and 4316 differ)")
                        && w.contains("content may be stale"));
        assertThat(warnings)
                .anyMatch(w -> w.contains("hive bins continue past the 0xe53000 bytes the base block gives"));
        assertThat(warnings)
                .contains("no SOFTWARE hive: version, system root and svchost groups are inferred or absent");
    }

    @Test
    void aCraftedDirtyHiveGivesTheSameWarningsToEverySubcommand(@TempDir Path tmp) throws IOException {
        Path hive = dirtyCopyOfTheXpReferenceSystem(tmp.resolve("case"));
        Set<String> warnings = sameWarningsFromEverySubcommand(hive, tmp);
        assertThat(warnings)
                .contains("SYSTEM: the hive is dirty (sequence numbers 7 and 6 differ) and no transaction"
                        + " logs (.LOG, .LOG1, .LOG2) were found beside it: its content may be stale");
        assertThat(warnings)
                .contains("no SOFTWARE hive: version, system root and svchost groups are inferred or absent");
    }

    /** Runs every case subcommand on a SYSTEM hive alone and returns the one warning set they share. */
    private static Set<String> sameWarningsFromEverySubcommand(Path hive, Path tmp) throws IOException {
        CommandRun listeners = CommandRun.of("listeners", "--system", hive.toString());
        CommandRun listenersJson = CommandRun.of("listeners", "--system", hive.toString(), "--format", "json");
        CommandRun rpc = CommandRun.of("rpc", "--system", hive.toString());
        CommandRun services = CommandRun.of("services", "--system", hive.toString());
        CommandRun system = CommandRun.of("system", "--system", hive.toString());
        Path json = tmp.resolve("report.json");
        CommandRun analyze = CommandRun.of(
                "analyze",
                "--system",
                hive.toString(),
                "-o",
                tmp.resolve("report.html").toString(),
                "--json",
                json.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        for (CommandRun r : new CommandRun[] {listeners, listenersJson, rpc, services, system, analyze}) {
            assertThat(r.exit()).as(r.err()).isZero();
        }
        Set<String> expected = onStderr(listeners);
        assertThat(expected).isNotEmpty();
        assertThat(onStderr(listenersJson)).isEqualTo(expected);
        assertThat(onStderr(rpc)).isEqualTo(expected);
        assertThat(onStderr(services)).isEqualTo(expected);
        Set<String> summary = new LinkedHashSet<>();
        system.out().lines().filter(l -> l.startsWith("  warning: ")).forEach(l -> summary.add(l.substring(11)));
        assertThat(summary).isEqualTo(expected);
        assertThat(onStderr(analyze)).isEqualTo(expected);
        Set<String> report = new LinkedHashSet<>();
        for (JsonNode w : new ObjectMapper().readTree(json.toFile()).get("warnings")) {
            String subject = w.get("subject").asText();
            report.add(
                    subject.isEmpty()
                            ? w.get("message").asText()
                            : subject + ": " + w.get("message").asText());
        }
        assertThat(report).isEqualTo(expected);
        return expected;
    }

    private static Set<String> onStderr(CommandRun r) {
        Set<String> out = new LinkedHashSet<>();
        r.err().lines().filter(l -> l.startsWith(PREFIX)).forEach(l -> out.add(l.substring(PREFIX.length())));
        return out;
    }

    /**
     * The XP reference system's SYSTEM written as a binary hive whose base block says a write began
     * and did not end (sequence numbers 7 and 6), its checksum recomputed: a dirty hive without logs.
     */
    private static Path dirtyCopyOfTheXpReferenceSystem(Path folder) throws IOException {
        Path fixture = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && fixture == null; p = p.getParent()) {
            Path f = p.resolve("fixtures/winxp-default/SYSTEM.reg");
            fixture = Files.isRegularFile(f) ? f : null;
        }
        assertThat(fixture)
                .as("fixtures/winxp-default above the working folder")
                .isNotNull();
        Files.createDirectories(folder);
        Path out = folder.resolve("SYSTEM");
        try (Hive reg = Hive.open(fixture)) {
            HiveWriter.write(MemoryHive.copyOf(reg), out, Instant.parse("2004-03-05T15:51:33Z"));
        }
        byte[] b = Files.readAllBytes(out);
        ByteBuffer base = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        base.putInt(4, 7);
        base.putInt(8, 6);
        int sum = 0;
        for (int i = 0; i < 508; i += 4) {
            sum ^= base.getInt(i);
        }
        base.putInt(508, sum == -1 ? -2 : sum == 0 ? 1 : sum);
        Files.write(out, b);
        return out;
    }
}
