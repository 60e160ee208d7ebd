package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first screen of a report, as a 1400x900 browser window shows it, holds the answer: the table of
 * listeners reachable at the next boot lies wholly above the fold, by its layout position in headless
 * Chromium. Screenshots of that first screen are kept under {@code reports/target/} for a person to
 * look at. A 100 KB word from the image wraps instead of widening the page.
 */
class FirstScreenLayoutTest {
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 900;
    /**
     * The verdict table's box in page coordinates. Layout depends on the width alone; the fold is the
     * first 900 pixels of the page, as the 1400x900 screenshot shows them (a window given 900 pixels
     * in --dump-dom mode keeps some for its own frame, so its inner height is not the measure).
     */
    private static final String VERDICT_BOX = "JSON.stringify({innerWidth: window.innerWidth,"
            + " top: document.querySelector('table.verdict').getBoundingClientRect().top + window.scrollY,"
            + " bottom: document.querySelector('table.verdict').getBoundingClientRect().bottom + window.scrollY,"
            + " rows: document.querySelectorAll('table.verdict tbody tr').length})";

    @TempDir
    static Path out;

    static Path demo;
    static Path xp;

    @BeforeAll
    static void writeReports() {
        CommandRun run = CommandRun.of("demo", "--out", out.toString(), "--timestamp", "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        demo = out.resolve("portmortem-demo.html");
        xp = xpReferenceReport(out);
    }

    /** The Windows XP reference system of the seed paper with its netstat listing, analysed. */
    static Path xpReferenceReport(Path dir) {
        Path fixture = Fixtures.folder("winxp-default");
        Path html = dir.resolve("winxp-default.html");
        CommandRun run = CommandRun.of(
                "analyze",
                "--system",
                fixture.resolve("SYSTEM.reg").toString(),
                "--software",
                fixture.resolve("SOFTWARE.reg").toString(),
                "--snapshot",
                fixture.resolve("netstat-00.txt").toString(),
                "-o",
                html.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        return html;
    }

    @Test
    void theDemoVerdictTableIsAboveTheFold() throws Exception {
        assertAboveTheFold(demo, "first-screen-demo.png");
    }

    @Test
    void theXpReferenceVerdictTableIsAboveTheFold() throws Exception {
        assertAboveTheFold(xp, "first-screen-winxp-default.png");
    }

    private static void assertAboveTheFold(Path html, String screenshot) throws Exception {
        HeadlessChromium chromium = new HeadlessChromium(out);
        JsonNode box = new ObjectMapper().readTree(chromium.measure(html, VERDICT_BOX, WIDTH, HEIGHT));
        assertThat(box.get("innerWidth").asInt()).as("viewport width").isEqualTo(WIDTH);
        assertThat(box.get("rows").asInt()).as("reachable listeners listed").isPositive();
        assertThat(box.get("top").asDouble()).as("top of the verdict table").isBetween(0.0, (double) HEIGHT);
        assertThat(box.get("bottom").asDouble())
                .as("bottom of the verdict table")
                .isLessThanOrEqualTo(HEIGHT);
        Path png = Path.of("target").toAbsolutePath().resolve(screenshot);
        chromium.screenshot(html, png, WIDTH, HEIGHT);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aHundredKilobyteComputerNameWrapsAndTheTitleShowsItsControlCharacterAsText() throws Exception {
        Path hostile = Fixtures.folder("hostile");
        Path caseDir = Files.createDirectories(out.resolve("long-name"));
        String system = Files.readString(hostile.resolve("SYSTEM.reg"), StandardCharsets.UTF_16LE);
        String name = "W2K\u0007" + "x".repeat(100_000);
        String crafted = system.replace(
                "\"ComputerName\"=\"W2K<script>alert('pwned')</script>\"", "\"ComputerName\"=\"" + name + "\"");
        assertThat(crafted).isNotEqualTo(system);
        Files.writeString(caseDir.resolve("SYSTEM.reg"), crafted, StandardCharsets.UTF_16LE);
        Files.copy(hostile.resolve("SOFTWARE.reg"), caseDir.resolve("SOFTWARE.reg"));
        Path html = out.resolve("long-name.html");
        CommandRun run = CommandRun.of(
                "analyze", caseDir.toString(), "-o", html.toString(), "--timestamp", "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();

        Document doc = Jsoup.parse(html.toFile(), "UTF-8");
        assertThat(doc.title()).startsWith("PortMortem report: W2K\u2407xxx").doesNotContain("<span", "\u0007");
        assertThat(doc.selectFirst("h1").text()).contains("\u2407");

        JsonNode widths = new ObjectMapper()
                .readTree(new HeadlessChromium(out)
                        .measure(
                                html,
                                "JSON.stringify({page: document.documentElement.scrollWidth,"
                                        + " h1: document.querySelector('h1').getBoundingClientRect().right})",
                                WIDTH,
                                HEIGHT));
        assertThat(widths.get("page").asInt()).as("page width").isLessThanOrEqualTo(WIDTH);
        assertThat(widths.get("h1").asDouble()).as("right edge of the <h1>").isLessThanOrEqualTo(WIDTH);
    }
}
