package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;
import org.portmortem.report.ReportSchema;

/**
 * {@code analyze} on the XP reference system with Telnet and Remote Desktop turned on by an overlay: the JSON
 * report (schema 1.3) marks the hardening steps that remove remote management, after every other step, and the
 * HTML report shows the note on those steps.
 */
class AnalyzeRemoteManagementTest {
    private static final String OVERLAY = "Windows Registry Editor Version 5.00\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\TlntSvr]\r\n\"Start\"=dword:00000002\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\TermService]\r\n\"Start\"=dword:00000002\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Terminal Server]\r\n"
            + "\"fDenyTSConnections\"=dword:00000000\r\n";

    @TempDir
    Path dir;

    @Test
    void hardeningStepsThatRemoveRemoteManagementAreMarkedAndLast() throws IOException {
        Path xp = Fixtures.folder("winxp-default");
        Path overlay = dir.resolve("remote-admin.reg");
        Files.writeString(overlay, OVERLAY, StandardCharsets.UTF_8);
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        CommandRun r = CommandRun.of(
                "analyze",
                xp.toString(),
                "--overlay",
                overlay.toString(),
                "-o",
                html.toString(),
                "--json",
                json.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(r.err()).doesNotContain("Exception");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(ReportSchema.violations(report)).isEmpty();
        assertThat(report.get("schemaVersion").asText()).isEqualTo("1.3");
        List<String> services = new ArrayList<>();
        List<Boolean> marked = new ArrayList<>();
        for (JsonNode step : report.get("hardeningPlan")) {
            JsonNode m = step.get("remoteManagement");
            if (step.get("step").asInt() == 0) {
                assertThat(m.isNull()).isTrue();
                continue;
            }
            marked.add(!m.isNull());
            if (!m.isNull()) {
                m.get("services").forEach(s -> services.add(s.asText()));
                assertThat(m.get("note").asText()).startsWith("Removes administrators' remote access: ");
            }
        }
        assertThat(services).containsExactlyInAnyOrder("TlntSvr", "TermService");
        assertThat(marked.indexOf(true)).isGreaterThan(marked.lastIndexOf(false));
        assertThat(Files.readString(html)).contains("<strong>Remote management: </strong>Removes administrators'");
    }
}
