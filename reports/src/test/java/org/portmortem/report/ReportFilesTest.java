package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.cases.CaseFiles;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.testing.SharedFolder;

/**
 * A report file holds exactly the UTF-8 bytes of the report's text ({@link JsonReport#render},
 * {@link HtmlReport#render}), though the files are streamed from the tree and the document.
 */
class ReportFilesTest {
    @TempDir
    Path out;

    private static Analysis analyse(Path caseFolder) throws IOException {
        return CaseAnalysis.run(new AnalysisRequest(
                CaseFiles.locate(caseFolder, null, null),
                List.of(),
                List.of(),
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", Instant.parse("2026-12-07T00:00:00Z"), "C-1", "E")));
    }

    private void assertFilesAreTheRenderedText(Analysis a) throws IOException {
        Path json = out.resolve("r.json");
        Path html = out.resolve("r.html");
        JsonReport.write(a, json);
        HtmlReport.write(a, html);
        assertThat(Files.readAllBytes(json)).isEqualTo(JsonReport.render(a).getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readAllBytes(html)).isEqualTo(HtmlReport.render(a).getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"winxp-default", "win2000-server-default", "hostile"})
    void theReferenceSystemsReportsAreTheirRenderedText(String fixture) throws IOException {
        assertFilesAreTheRenderedText(analyse(Fixtures.folder(fixture)));
    }

    /** Characters outside the BMP, which a byte writer may otherwise escape as two surrogates, and other non-ASCII. */
    @Test
    void textOutsideTheBasicPlaneAndNonAsciiComeOutAsTheirUtf8Bytes() throws IOException {
        Path reference = Fixtures.folder("winxp-default");
        String system = new String(Files.readAllBytes(reference.resolve("SYSTEM.reg")), StandardCharsets.UTF_16LE);
        String named = "\"DisplayName\"=\"Server \ud83d\ude00 \u00fcber \u20ac \ud835\udc00\"";
        String withAstral = system.replaceFirst(
                "(\\[HKEY_LOCAL_MACHINE\\\\SYSTEM\\\\ControlSet001\\\\Services\\\\LanmanServer\\][^\\[]*?)\"DisplayName\"=\"[^\"]*\"",
                "$1" + named.replace("\\", "\\\\").replace("$", "\\$"));
        assertThat(withAstral).contains(named);
        Path folder = Files.createDirectories(out.resolve("case"));
        Files.write(folder.resolve("SYSTEM.reg"), withAstral.getBytes(StandardCharsets.UTF_16LE));
        Files.copy(reference.resolve("SOFTWARE.reg"), folder.resolve("SOFTWARE.reg"));
        Analysis a = analyse(folder);
        assertThat(JsonReport.render(a)).contains("Server \ud83d\ude00 \u00fcber \u20ac \ud835\udc00");
        assertFilesAreTheRenderedText(a);
    }

    @Test
    void aWindowsTenReportIsItsRenderedText() throws IOException {
        Path hive = SharedFolder.corpus("hives/dissect-regf/SYSTEM");
        Path folder = Files.createDirectories(out.resolve("win10"));
        Files.copy(hive, folder.resolve("SYSTEM"));
        assertFilesAreTheRenderedText(analyse(folder));
    }

    @Test
    void aSurrogatePairSplitBetweenTwoBlocksIsWrittenWhole() throws IOException {
        StringBuilder text = new StringBuilder("a".repeat(HtmlReport.BLOCK - 1)).append("\ud83d\ude00 end");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        HtmlReport.writeUtf8(text, bytes);
        assertThat(bytes.toByteArray()).isEqualTo(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anUnpairedSurrogateFailsAsWritingTheStringWould() {
        StringBuilder text = new StringBuilder("lone \ud83d here");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> HtmlReport.writeUtf8(text, new java.io.ByteArrayOutputStream()))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Files.writeString(out.resolve("x"), text, StandardCharsets.UTF_8))
                .isInstanceOf(java.nio.charset.CharacterCodingException.class);
    }
}
