package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports printed by Chromium (print to PDF, A4, the report's print stylesheet): the Windows XP
 * reference system with its netstat listing in at most 30 pages, the demo likewise. The PDFs stay
 * under {@code reports/target/}, each page count beside its PDF ({@code print-demo.pdf.pages}).
 */
class PrintLengthTest {
    private static final int MAX_PAGES = 30;

    @TempDir
    Path out;

    @Test
    void theXpReferenceReportPrintsInAtMostThirtyA4Pages() throws Exception {
        Path html = FirstScreenLayoutTest.xpReferenceReport(out);
        assertThat(print(html, "print-winxp-default.pdf")).isBetween(2, MAX_PAGES);
    }

    @Test
    void theDemoReportPrintsInAtMostThirtyA4Pages() throws Exception {
        CommandRun run = CommandRun.of("demo", "--out", out.toString(), "--timestamp", "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(print(out.resolve("portmortem-demo.html"), "print-demo.pdf")).isBetween(2, MAX_PAGES);
    }

    @Test
    void pageCountingCountsPageObjectsNotThePageTree() throws IOException {
        Path pdf = Files.writeString(
                out.resolve("two.pdf"),
                "%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n"
                        + "2 0 obj << /Type /Page /Parent 1 0 R >> endobj\n3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n",
                StandardCharsets.ISO_8859_1);
        assertThat(HeadlessChromium.pages(pdf)).isEqualTo(2);
    }

    /** Prints to {@code target/NAME}, checks every page is A4, records and returns the page count. */
    private int print(Path html, String name) throws Exception {
        Path pdf = Path.of("target").toAbsolutePath().resolve(name);
        new HeadlessChromium(out).printToPdf(html, pdf);
        int pages = HeadlessChromium.pages(pdf);
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*0 0 ([\\d.]+) ([\\d.]+)\\s*\\]")
                .matcher(text);
        int boxes = 0;
        while (box.find()) {
            boxes++;
            // A4 is 595 x 842 points.
            assertThat(Double.parseDouble(box.group(1)))
                    .as("page width, points")
                    .isBetween(594.0, 596.5);
            assertThat(Double.parseDouble(box.group(2)))
                    .as("page height, points")
                    .isBetween(841.0, 843.0);
        }
        assertThat(boxes).as("pages with a MediaBox").isEqualTo(pages);
        Files.writeString(
                Path.of("target").toAbsolutePath().resolve(name + ".pages"), pages + "\n", StandardCharsets.UTF_8);
        return pages;
    }
}
