package org.portmortem.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.ValueType;
import org.portmortem.report.CommandRun;

/**
 * A service whose ImagePath stores text after a NUL ({@code C:\good.exe}, NUL, {@code evil tail}):
 * Windows runs {@code C:\good.exe}, and every output that shows the stored string shows the tail
 * too, with the NUL visible, and the analysis warns about it.
 */
class TextAfterNulTest {
    private static final String STORED = "C:\\good.exe\0evil tail";
    private static final String KEY = "ControlSet001\\Services\\Messenger";

    @TempDir
    static Path dir;

    static Path caseDir;

    @BeforeAll
    static void writeCase() throws IOException {
        caseDir = CraftedCase.write(
                dir.resolve("case"),
                h -> h.createKey(KEY)
                        .putValue(
                                "ImagePath",
                                ValueType.REG_EXPAND_SZ.id(),
                                (STORED + "\0").getBytes(StandardCharsets.UTF_16LE)));
    }

    @Test
    void dumpTextShowsTheNulAsAnEscapeAndTheTextAfterIt() {
        CommandRun r = CommandRun.of("dump", caseDir.resolve("SYSTEM").toString(), "--key", KEY);
        assertThat(r.out()).contains("\"ImagePath\" = REG_EXPAND_SZ: C:\\good.exe\\x00evil tail\n");
        CommandRun csv = CommandRun.of("dump", caseDir.resolve("SYSTEM").toString(), "--key", KEY, "--format", "csv");
        assertThat(csv.out()).contains("ImagePath,REG_EXPAND_SZ," + STORED + ",");
    }

    @Test
    void theReportsKeepTheTailInTheEvidenceAndWarn() throws IOException {
        Path html = dir.resolve("r.html");
        Path json = dir.resolve("r.json");
        CommandRun r = CommandRun.of(
                "analyze",
                caseDir.toString(),
                "-o",
                html.toString(),
                "--json",
                json.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        String jsonText = Files.readString(json);
        assertThat(jsonText).contains("C:\\\\good.exe\\u0000evil tail");
        JsonNode report = new ObjectMapper().readTree(jsonText);
        assertThat(report.get("warnings").findValuesAsText("message"))
                .anyMatch(m -> m.contains("Messenger\\ImagePath stores \"" + STORED + "\": Windows reads only"));
        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertThat(doc.text()).contains("C:\\good.exe\u2400evil tail");
    }

    @Test
    void theServiceRunsWhatWindowsReadsBeforeTheNulAndTheSummaryWarns() {
        CommandRun r = CommandRun.of("services", caseDir.toString(), "--format", "json");
        assertThat(r.out()).contains("\"imagePath\" : \"C:\\\\good.exe\",");
        CommandRun system = CommandRun.of("system", caseDir.toString());
        assertThat(system.out()).contains("Messenger\\ImagePath stores \"C:\\good.exe\\x00evil tail\"");
    }

    @Test
    void ripTextKeepsRegRippersCutAtTheNul() {
        CommandRun r = CommandRun.of("rip", "-r", caseDir.resolve("SYSTEM").toString(), "-p", "svc", "--raw");
        assertThat(r.out()).contains("C:\\good.exe").doesNotContain("evil tail");
    }
}
