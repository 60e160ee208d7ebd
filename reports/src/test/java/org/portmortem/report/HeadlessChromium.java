package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless chromium driven from tests: screenshots, print to PDF, and layout measured in a
 * test-only copy of a report. Tests skip, saying why, where chromium is not installed.
 */
final class HeadlessChromium {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern CSP = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\"[^>]*>");
    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final Path work;

    /** Chromium with its profiles and logs under {@code work}; skips the calling test where it is missing. */
    HeadlessChromium(Path work) {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "chromium is not installed at " + CHROMIUM + " (apt-get install chromium): browser check skipped");
        this.work = work;
    }

    /** A screenshot of the first {@code width x height} pixels of the page. */
    void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
        Files.createDirectories(png.getParent());
        Files.deleteIfExists(png);
        run(
                "--hide-scrollbars",
                "--screenshot=" + png,
                "--window-size=" + width + "," + height,
                html.toUri().toString());
        assertThat(png).exists();
    }

    /** The page printed to PDF as Chromium prints it (A4 from the report's print stylesheet, no header or footer). */
    void printToPdf(Path html, Path pdf) throws IOException, InterruptedException {
        Files.createDirectories(pdf.getParent());
        Files.deleteIfExists(pdf);
        run("--no-pdf-header-footer", "--print-to-pdf=" + pdf, html.toUri().toString());
        assertThat(pdf).exists();
    }

    /**
     * Runs {@code expression} (JavaScript, evaluating to a string) in a copy of the report laid out in a
     * {@code width x height} window, and returns its value. The report's Content-Security-Policy allows
     * only the report's own script, so the copy drops it and appends the probe; the report itself is
     * never changed.
     */
    String measure(Path html, String expression, int width, int height) throws IOException, InterruptedException {
        String page = Files.readString(html, StandardCharsets.UTF_8);
        String copy = CSP.matcher(page)
                .replaceFirst("")
                .replace("</body>", "<script>document.title = String(" + expression + ");</script></body>");
        Path probe = Files.createTempFile(work, "probe-", ".html");
        Files.writeString(probe, copy, StandardCharsets.UTF_8);
        String dom = run(
                "--window-size=" + width + "," + height,
                "--virtual-time-budget=5000",
                "--dump-dom",
                probe.toUri().toString());
        Matcher m = TITLE.matcher(dom);
        assertThat(m.find()).as("a <title> in chromium's DOM dump of " + probe).isTrue();
        return org.jsoup.parser.Parser.unescapeEntities(m.group(1), false);
    }

    /** Counts the pages of a PDF Chromium wrote: its page objects ({@code /Type /Page}, not {@code /Pages}). */
    static int pages(Path pdf) throws IOException {
        String text = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile("/Type\\s*/Page(?![A-Za-z])").matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Runs chromium headless with the given arguments; returns what it wrote on stdout. */
    private String run(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "chromium-profile");
        List<String> command = new ArrayList<>(List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "chromium-", ".out");
        Process p = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .redirectOutput(out.toFile())
                .start();
        boolean finished = p.waitFor(180, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("chromium finished within 180 s").isTrue();
        return Files.readString(out, StandardCharsets.UTF_8);
    }
}
