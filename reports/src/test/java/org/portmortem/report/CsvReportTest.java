package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --csv DIR}: four tables whose first column is the row's report id, every cell safe
 * to open in a spreadsheet.
 */
class CsvReportTest {
    @TempDir
    Path out;

    @Test
    void analyzeWritesTheFourTablesWithTheReportsIds() throws Exception {
        Path dir = out.resolve("tables");
        CommandRun run = CommandRun.of(
                "analyze",
                Fixtures.folder("win2000-server-default").toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                out.resolve("r.json").toString(),
                "--csv",
                dir.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("CSV tables:  " + dir.toAbsolutePath());
        JsonNode json = new ObjectMapper().readTree(out.resolve("r.json").toFile());

        List<String> listeners = lines(dir.resolve("listeners.csv"));
        assertThat(listeners.get(0)).startsWith("id,protocol,ipVersion,address,port,service,process");
        assertThat(firstColumn(listeners)).isEqualTo(values(json.get("listeners"), "id"));
        assertThat(listeners).anyMatch(l -> l.startsWith("listener-tcp-0.0.0.0-445,TCP,4,0.0.0.0,445,NetBT,System,"));

        List<String> findings = lines(dir.resolve("findings.csv"));
        assertThat(firstColumn(findings)).isEqualTo(values(json.get("findings"), "anchor"));
        assertThat(firstColumn(lines(dir.resolve("rpc.csv")))).isEqualTo(values(json.get("rpcEndpoints"), "id"));

        List<String> observed = lines(dir.resolve("observed.csv"));
        assertThat(observed.get(0))
                .isEqualTo(
                        "snapshot,line,protocol,localEndpoint,state,verdict,listener,pid,process,services,ownerSource,reason");
        int rows = 0;
        for (JsonNode snapshot : json.at("/observed/snapshots")) {
            rows += snapshot.get("sockets").size() + snapshot.get("absent").size();
        }
        assertThat(rows).isGreaterThan(19);
        assertThat(observed).hasSize(1 + rows);
        assertThat(observed).anyMatch(l -> l.contains(",explained,listener-tcp-0.0.0.0-445,"));
    }

    @Test
    void processNamesASpreadsheetWouldEvaluateReachItAsText() throws Exception {
        // The hostile case, with netstat -b owners named like spreadsheet formulas.
        Path hostile = Fixtures.folder("hostile");
        Path caseDir = Files.createDirectories(out.resolve("formula-case"));
        Files.copy(hostile.resolve("SYSTEM.reg"), caseDir.resolve("SYSTEM.reg"));
        Files.copy(hostile.resolve("SOFTWARE.reg"), caseDir.resolve("SOFTWARE.reg"));
        String netstat = Files.readString(hostile.resolve("netstat-anob.txt"), StandardCharsets.UTF_8)
                + "  TCP    0.0.0.0:4445           0.0.0.0:0              LISTENING       668\r\n"
                + "  [=HYPERLINK(\"http://example.invalid\",\"open\")]\r\n\r\n"
                + "  TCP    0.0.0.0:4446           0.0.0.0:0              LISTENING       669\r\n"
                + "  [@SUM(1+1)]\r\n\r\n"
                + "  TCP    0.0.0.0:4447           0.0.0.0:0              LISTENING       670\r\n"
                + "  [+cmd.exe]\r\n\r\n";
        Files.writeString(caseDir.resolve("netstat-anob.txt"), netstat, StandardCharsets.UTF_8);
        Path dir = out.resolve("hostile");
        CommandRun run = CommandRun.of(
                "analyze",
                caseDir.toString(),
                "-o",
                out.resolve("h.html").toString(),
                "--csv",
                dir.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        for (String name : CsvReport.FILES) {
            String text = Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
            assertThat(text).as(name).endsWith("\r\n");
            List<String> cells = cells(text);
            assertThat(cells).as(name).isNotEmpty();
            for (String cell : cells) {
                assertThat(cell)
                        .as("a cell of " + name)
                        .doesNotStartWith("=")
                        .doesNotStartWith("+")
                        .doesNotStartWith("@")
                        .doesNotStartWith("-")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("\r");
            }
        }
        assertThat(cells(Files.readString(dir.resolve("observed.csv"), StandardCharsets.UTF_8)))
                .as("hostile names kept as text, those a spreadsheet would evaluate behind a quote")
                .contains(
                        "'=HYPERLINK(\"http://example.invalid\",\"open\")",
                        "'@SUM(1+1)",
                        "'+cmd.exe",
                        "\"><img src=x onerror=alert(1)>.exe");
    }

    @Test
    void aCsvFolderThatIsAFileIsAUsageErrorNamingIt() throws Exception {
        Path file = Files.writeString(out.resolve("not-a-folder"), "x", StandardCharsets.UTF_8);
        CommandRun run = CommandRun.of(
                "analyze",
                Fixtures.folder("win2000-server-default").toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--csv",
                file.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--csv: " + file + " is a file, not a folder");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("x");
    }

    /** Every cell of an RFC 4180 text, unquoted. */
    private static List<String> cells(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n') {
                out.add(cell.toString());
                cell.setLength(0);
            } else if (c != '\r') {
                cell.append(c);
            }
        }
        return out;
    }

    private static List<String> lines(Path file) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).endsWith("\r\n");
        return List.of(text.split("\r\n"));
    }

    private static List<String> firstColumn(List<String> lines) {
        return lines.subList(1, lines.size()).stream()
                .map(l -> l.substring(0, l.indexOf(',')))
                .toList();
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
