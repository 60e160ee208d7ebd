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
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The demo report checked by outside tools: the Nu Html Checker in-process (zero errors), and a real
 * browser, Debian's headless chromium, loading the file from disk with no console error.
 */
class HtmlConformanceTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path out;

    static Path report;

    @BeforeAll
    static void writeDemo() {
        CommandRun run = CommandRun.of("demo", "--out", out.toString(), "--timestamp", "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        report = out.resolve("portmortem-demo.html");
    }

    /** Collects the checker's messages. */
    private static final class Messages implements ErrorHandler {
        final List<String> errors = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        private static String describe(SAXParseException e) {
            return "line " + e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
        }

        @Override
        public void warning(SAXParseException e) {
            warnings.add(describe(e));
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(describe(e));
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(describe(e));
        }
    }

    private static Messages check(Path html) throws Exception {
        Messages messages = new Messages();
        SimpleDocumentValidator checker = new SimpleDocumentValidator(true, false, false);
        // The checker's own HTML schema, resolved from the copies inside its jar (no network).
        checker.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", messages);
        checker.setUpValidatorAndParsers(messages, false, false);
        checker.checkHtmlFile(html.toFile(), true);
        return messages;
    }

    @Test
    void nuHtmlCheckerFindsNoErrorInTheDemoReport() throws Exception {
        Messages messages = check(report);
        assertThat(messages.errors).as("Nu Html Checker errors").isEmpty();
    }

    @Test
    void nuHtmlCheckerFindsNoErrorInTheHostileCaseReport() throws Exception {
        Path hostile = out.resolve("hostile.html");
        CommandRun run = CommandRun.of(
                "analyze",
                Fixtures.folder("hostile").toString(),
                "-o",
                hostile.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(check(hostile).errors).as("Nu Html Checker errors").isEmpty();
    }

    @Test
    void nuHtmlCheckerAsSetUpHereDoesReportErrors() throws Exception {
        // Guards the check above against a checker that silently checks nothing.
        Path broken = Files.writeString(
                out.resolve("broken.html"),
                "<!DOCTYPE html><html lang=en><head><title>x</title></head><body><table><p>x</p><tr><td>1</table>"
                        + "<div id=a></div><div id=a></div></body></html>",
                StandardCharsets.UTF_8);
        assertThat(check(broken).errors).isNotEmpty();
    }

    @Test
    void headlessChromiumLoadsTheReportWithoutConsoleErrors() throws IOException, InterruptedException {
        browse(report, "report.png");
    }

    @Test
    void headlessChromiumLoadsTheHostileCaseReportWithoutConsoleErrors() throws IOException, InterruptedException {
        Path hostile = out.resolve("hostile-browsed.html");
        CommandRun run = CommandRun.of(
                "analyze",
                Fixtures.folder("hostile").toString(),
                "-o",
                hostile.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        browse(hostile, "report-hostile.png");
    }

    @Test
    void headlessChromiumAsRunHereDoesReportConsoleErrors() throws IOException, InterruptedException {
        // Guards the browser checks above against a log in which console messages never appear.
        Path broken = Files.writeString(
                out.resolve("broken-script.html"),
                "<!DOCTYPE html><html lang=en><head>"
                        + "<title>x</title></head><body><script>noSuchFunction();</script></body></html>",
                StandardCharsets.UTF_8);
        assertThat(consoleOf(broken, "broken-script.png")).anyMatch(l -> l.contains("noSuchFunction"));
    }

    /** Loads the file in headless chromium: no console message, and a screenshot under target/. */
    private static void browse(Path html, String screenshot) throws IOException, InterruptedException {
        List<String> console = consoleOf(html, screenshot);
        assertThat(console).as("console messages of " + html.getFileName()).isEmpty();
        Path png = Path.of("target").toAbsolutePath().resolve(screenshot);
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    /** The console lines chromium logs while loading the file, taking a screenshot under target/. */
    private static List<String> consoleOf(Path html, String screenshot) throws IOException, InterruptedException {
        assumeTrue(
                Files.isExecutable(CHROMIUM),
                "chromium is not installed at " + CHROMIUM + " (apt-get install chromium): browser check skipped");
        Path target = Path.of("target").toAbsolutePath();
        Files.createDirectories(target);
        Path png = target.resolve(screenshot);
        Files.deleteIfExists(png);
        Path profile = Files.createTempDirectory(out, "chromium-profile");
        Path log = out.resolve(screenshot + ".log");
        Process p = new ProcessBuilder(
                        CHROMIUM.toString(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile,
                        "--enable-logging=stderr",
                        "--v=0",
                        "--screenshot=" + png,
                        "--window-size=1280,2000",
                        html.toUri().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS))
                .as("chromium finished within 180 s")
                .isTrue();
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return output.lines()
                .filter(l -> l.contains("CONSOLE") || l.contains("Uncaught") || l.contains("Refused to"))
                .toList();
    }
}
