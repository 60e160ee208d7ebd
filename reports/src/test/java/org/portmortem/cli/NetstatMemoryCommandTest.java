package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;

/** {@code portmortem netstat} on a Volatility 3 netscan (made for this test) with pslist and cmdline beside it. */
class NetstatMemoryCommandTest {
    private static final String NETSCAN = "Volatility 3 Framework 2.21.0\n\n"
            + "Offset\tProto\tLocalAddr\tLocalPort\tForeignAddr\tForeignPort\tState\tPID\tOwner\tCreated\n\n"
            + "0x9a0000002000\tTCPv4\t0.0.0.0\t49700\t0.0.0.0\t0\tLISTENING\t4220\tPhoneExperienc\t2026-03-02 08:05:00.000000 UTC\n"
            + "0xb30000002000\tTCPv4\t0.0.0.0\t49700\t0.0.0.0\t0\tLISTENING\t4220\tPhoneExperienc\t2026-03-02 08:05:00.000000 UTC\n"
            + "0x9a0000003000\tTCPv4\t0.0.0.0\t4444\t0.0.0.0\t0\tCLOSED\t3000\tnc.exe\tN/A\n";
    private static final String PSLIST = "Volatility 3 Framework 2.21.0\n\n"
            + "PID\tPPID\tImageFileName\tOffset(V)\tThreads\tHandles\tSessionId\tWow64\tCreateTime\tExitTime\tFile output\n\n"
            + "4220\t3900\tPhoneExperienc\t0x9a0000100300\t20\t-\t1\tFalse\t2026-03-02 08:04:59.000000 UTC\tN/A\tDisabled\n";
    private static final String CMDLINE = "Volatility 3 Framework 2.21.0\n\nPID\tProcess\tArgs\n\n"
            + "4220\tPhoneExperienc\t\"C:\\Program Files\\WindowsApps\\YourPhone\\PhoneExperienceHost.exe\" -ServerName:App.AppX\n";

    @TempDir
    Path dir;

    private Path files() throws IOException {
        Files.writeString(dir.resolve("pslist.txt"), PSLIST, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("cmdline.txt"), CMDLINE, StandardCharsets.UTF_8);
        return Files.writeString(dir.resolve("netscan.txt"), NETSCAN, StandardCharsets.UTF_8);
    }

    @Test
    void jsonKeepsEveryRowWithOffsetCreatedMarkSourceAndTheOwnerMatchedByPrefix() throws IOException {
        CommandRun r = CommandRun.of("netstat", files().toString(), "--format", "json");
        assertThat(r.exit()).isZero();
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a).hasSize(3);
        JsonNode first = a.get(0).get("memory");
        assertThat(a.get(0).get("process").asText()).isEqualTo("PhoneExperienceHost.exe");
        assertThat(first.get("offset").asText()).isEqualTo("0x9a0000002000");
        assertThat(first.get("created").asText()).isEqualTo("2026-03-02 08:05:00.000000 UTC");
        assertThat(first.get("createdUtc").asText()).isEqualTo("2026-03-02T08:05:00Z");
        assertThat(first.get("mark").asText()).isEqualTo("live");
        assertThat(first.get("ownerNote").asText()).contains("matched by prefix to PhoneExperienceHost.exe");
        assertThat(r.err())
                .contains(
                        "source: Volatility 3 2.21.0, windows.netscan (by the file name;"
                                + " the columns are windows.netstat's too), quick renderer; captured no earlier than 2026-03-02T08:05:00Z");
        assertThat(a.get(1).get("memory").get("mark").asText()).isEqualTo("duplicate");
        assertThat(a.get(1).get("memory").get("duplicateOf").asText()).isEqualTo("offset 0x9a0000002000");
        assertThat(a.get(2).get("memory").get("mark").asText()).isEqualTo("closed");
    }

    @Test
    void textShowsOffsetCreatedAndMarkColumnsAndTheSourceLine() throws IOException {
        CommandRun r = CommandRun.of("netstat", files().toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Offset", "Created", "Mark", "duplicate of offset 0x9a0000002000")
                .contains("source: Volatility 3 2.21.0, windows.netscan (by the file name; the columns are"
                        + " windows.netstat's too), quick renderer; 1 live rows, 2 closed, unbound, duplicate or"
                        + " implausible; captured no earlier than 2026-03-02T08:05:00Z (latest Created)");
    }
}
