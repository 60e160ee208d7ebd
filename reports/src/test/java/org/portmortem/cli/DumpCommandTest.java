package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;

/** {@code portmortem dump} on real hives, run in-process. */
class DumpCommandTest {

    /** Exit code, stdout and stderr of one in-process run. */
    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    @Test
    void jsonLinesGiveOneObjectPerKeyAndValueWithTypeIdAndLowerCaseHex() throws Exception {
        String hive = CorpusLocation.hive("nt-hive/testhive").toString();
        CommandRun r = run("dump", hive, "--key", "DATA-TEST", "--format", "jsonl");
        assertThat(r.exit()).isZero();
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        assertThat(lines.get(0).get("key").asText()).isEqualTo("data-test");
        assertThat(lines.get(0).get("lastWritten").asText()).isEqualTo("2023-01-18T11:39:48.154060600Z");
        JsonNode dword = lines.stream()
                .filter(o -> "dword".equals(o.path("value").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(dword.get("key").asText()).isEqualTo("data-test");
        assertThat(dword.get("type").asInt()).isEqualTo(4);
        assertThat(dword.get("raw").asText()).isEqualTo("2a000000");
        JsonNode qword = lines.stream()
                .filter(o -> "qword".equals(o.path("value").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(qword.get("type").asInt()).isEqualTo(11);
        assertThat(qword.get("raw").asText()).isEqualTo("ffffffffffffffff");
        assertThat(lines).hasSize(1 + 9);
    }

    @Test
    void jsonLinesNameTheDefaultValueWithAnEmptyStringAndPathsOmitTheRootName() throws Exception {
        String hive =
                CorpusLocation.hive("yarp/hives_for_tests/StringValuesHive").toString();
        CommandRun r = run("dump", hive, "--format", "jsonl");
        String[] lines = r.out().split("\n");
        assertThat(new ObjectMapper().readTree(lines[0]).get("key").asText()).isEmpty();
        assertThat(r.out())
                .contains(
                        "{\"key\":\"key\",\"value\":\"\",\"type\":1,\"raw\":\"7400650073007400200042043504410442040000\"");
    }

    @Test
    void csvHasAHeaderQuotesFieldsWithCommasAndGuardsCellsASpreadsheetWouldEvaluate() {
        String hive = CorpusLocation.hive("dissect-regf/SYSTEM").toString();
        CommandRun r = run("dump", hive, "--key", "ControlSet001\\Services\\Tcpip", "--format", "csv");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .startsWith("path,value,type,data,lastWritten\r\n")
                .contains("ControlSet001\\Services\\Tcpip,,KEY,,2022-06-23T01:22:59.496154600Z\r\n")
                .contains(
                        "ControlSet001\\Services\\Tcpip,Description,REG_SZ,\"'@%SystemRoot%\\system32\\tcpipcfg.dll,-50003\",\r\n")
                .contains("ControlSet001\\Services\\Tcpip,Start,REG_DWORD,0 (0x00000000),\r\n");
    }

    @Test
    void textShowsKeysInBracketsAndValuesWithTheirTypes() {
        String hive = CorpusLocation.hive("hivex/special").toString();
        CommandRun r = run("dump", hive);
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("[abcd_äöüß]  2014-01-10T21:06:02.718750Z\n")
                .contains("\"symbols $£₤₧€\" = REG_DWORD: 0 (0x00000000)\n")
                .contains("[zero\\x00key]")
                .contains("\"zero\\x00val\" = REG_DWORD");
    }

    @Test
    void missingKeyIsABadInputWithOneLine() {
        String hive = CorpusLocation.hive("hivex/special").toString();
        CommandRun r = run("dump", hive, "--key", "No\\Such\\Key");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).contains("no key No\\Such\\Key").doesNotContain("\n");
    }

    @Test
    void fileThatIsNotAHiveIsRefusedWithOneLineAndExitCode3() {
        String creg = CorpusLocation.hive("dfwinreg/USER.DAT").toString();
        CommandRun r = run("dump", creg);
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip())
                .startsWith("portmortem: ")
                .contains("USER.DAT")
                .contains("CREG")
                .doesNotContain("\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void dirtyHiveReadWithoutLogsWarnsOnStderrThatItMayBeStale() {
        String hive = CorpusLocation.hive("yarp/hives_for_tests/OldDirtyHive/OldDirtyHive")
                .toString();
        CommandRun withLogs = run("dump", hive, "--format", "jsonl");
        CommandRun noLogs = run("dump", hive, "--format", "jsonl", "--no-logs");
        assertThat(withLogs.err()).isEmpty();
        assertThat(noLogs.err()).contains("warning").contains("may be stale");
        assertThat(noLogs.out()).isNotEqualTo(withLogs.out());
    }

    @Test
    void helpReadsLikeAManPage() {
        CommandRun r = run("dump", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Usage: portmortem dump")
                .contains("HIVE")
                .contains("--key=PATH")
                .contains("--format=FORMAT")
                .contains("--no-logs")
                .contains("Examples:")
                .contains("Exit codes:");
    }

    @Test
    void typesAreUnsigned32BitNumbersAndKeysAcceptTheFormsRemediationsUse(@TempDir Path dir) throws Exception {
        MemoryHive h = MemoryHive.empty("SYSTEM", "ROOT");
        h.createKey("Select").putValue("Current", 4, new byte[] {1, 0, 0, 0});
        h.createKey("ControlSet001\\Services\\Odd").putValue("Weird", 0xFFFF0011, new byte[] {1, 2});
        Path file = dir.resolve("SYSTEM");
        HiveWriter.write(h, file, Instant.parse("2026-01-01T00:00:00Z"));
        CommandRun json = run(
                "dump",
                file.toString(),
                "--key",
                "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Odd",
                "--format",
                "jsonl");
        assertThat(json.exit()).isZero();
        assertThat(json.out()).contains("\"value\":\"Weird\",\"type\":4294901777,");
        CommandRun text = run("dump", file.toString(), "--key", "/ControlSet001/Services/Odd");
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("0xffff0011").doesNotContain("-65519");
    }
}
