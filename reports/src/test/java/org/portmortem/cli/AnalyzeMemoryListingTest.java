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
import org.portmortem.report.Fixtures;
import org.portmortem.report.ReportSchema;

/**
 * {@code analyze} on the XP reference system with a Volatility 2 sockets/connscan pair (three rows
 * of the paper's XP listing laid out as {@code sockets} prints them, plus an object without owner;
 * offsets and times invented): the JSON report (schema 1.2) and the HTML report state the listing's
 * source and each row's offset, created time and mark.
 */
class AnalyzeMemoryListingTest {
    private static final String SOCKETS = "Volatility Foundation Volatility Framework 2.6.1\n"
            + "Offset(V)       PID   Port  Proto Protocol        Address         Create Time\n"
            + "---------- -------- ------ ------ --------------- --------------- -----------\n"
            + "0x81e00008      884    135      6 TCP             0.0.0.0         2002-09-01 10:00:00 UTC+0000\n"
            + "0x81e012a0      704    500     17 UDP             0.0.0.0         2002-09-01 10:00:07 UTC+0000\n"
            + "0x01e03000        0   4444      6 TCP             0.0.0.0         2002-09-01 10:02:00 UTC+0000\n";
    private static final String CONNSCAN = "Volatility Foundation Volatility Framework 2.6.1\n"
            + "Offset(P)  Local Address             Remote Address            Pid\n"
            + "---------- ------------------------- ------------------------- ---\n";

    @TempDir
    Path dir;

    @Test
    void reportsStateTheListingsSourceAndEachRowsMemoryRecord() throws IOException {
        Path xp = Fixtures.folder("winxp-default");
        Path c = Files.createDirectories(dir.resolve("case"));
        Files.copy(xp.resolve("SYSTEM.reg"), c.resolve("SYSTEM.reg"));
        Files.copy(xp.resolve("SOFTWARE.reg"), c.resolve("SOFTWARE.reg"));
        Files.writeString(c.resolve("sockets.txt"), SOCKETS, StandardCharsets.UTF_8);
        Files.writeString(c.resolve("connscan.txt"), CONNSCAN, StandardCharsets.UTF_8);
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        CommandRun r = CommandRun.of(
                "analyze",
                c.toString(),
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
        JsonNode snap = report.get("observed").get("snapshots").get(0);
        assertThat(snap.get("source").get("description").asText())
                .isEqualTo("Volatility 2 2.6.1, connscan (connscan.txt) + sockets (sockets.txt), text renderer");
        assertThat(snap.get("capturedNotBefore").asText()).isEqualTo("2002-09-01T10:02:00Z");
        JsonNode closed = null;
        for (JsonNode v : snap.get("sockets")) {
            if (v.get("socket").get("localPort").asText().equals("4444")) {
                closed = v;
            }
        }
        assertThat(closed).isNotNull();
        assertThat(closed.get("verdict").asText()).isEqualTo("artefact");
        assertThat(closed.get("socket").get("memory").get("mark").asText()).isEqualTo("closed");
        assertThat(closed.get("socket").get("memory").get("offset").asText()).isEqualTo("0x01e03000");
        assertThat(closed.get("socket").get("memory").get("listing").asText()).isEqualTo("sockets.txt");
        String page = Files.readString(html, StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Listing: ")
                .contains("Volatility 2 2.6.1, connscan (connscan.txt) + sockets" + " (sockets.txt), text renderer")
                .contains("offset 0x01e03000; created 2002-09-01 10:02:00 UTC+0000; closed");
    }
}
