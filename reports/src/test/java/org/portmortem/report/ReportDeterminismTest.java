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
 * The same inputs give the same report: byte-identical with {@code --timestamp}, and identical apart
 * from the run time without it.
 */
class ReportDeterminismTest {
    @TempDir
    Path out;

    private Path[] analyze(String name, String... extra) {
        Path html = out.resolve(name + ".html");
        Path json = out.resolve(name + ".json");
        String[] base = {
            "analyze",
            Fixtures.folder("win2000-server-default").toString(),
            "-o",
            html.toString(),
            "--json",
            json.toString(),
            "--case-id",
            "C-1",
            "--examiner",
            "E"
        };
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        CommandRun run = CommandRun.of(args);
        assertThat(run.exit()).as(run.err()).isZero();
        return new Path[] {html, json};
    }

    @Test
    void withAFixedTimestampTwoRunsAreByteIdentical() throws IOException {
        Path[] a = analyze("a", "--timestamp", "2026-01-01T00:00:00Z");
        Path[] b = analyze("b", "--timestamp", "2026-01-01T00:00:00Z");
        assertThat(Files.readAllBytes(a[0])).isEqualTo(Files.readAllBytes(b[0]));
        assertThat(Files.readAllBytes(a[1])).isEqualTo(Files.readAllBytes(b[1]));
        assertThat(Files.readString(a[0], StandardCharsets.UTF_8)).contains("2026-01-01T00:00:00Z");
    }

    @Test
    void withoutATimestampTwoRunsDifferOnlyInTheRunTime() throws IOException, InterruptedException {
        Path[] a = analyze("c");
        Thread.sleep(1100);
        Path[] b = analyze("d");
        for (int i = 0; i < 2; i++) {
            String x = Files.readString(a[i], StandardCharsets.UTF_8);
            String y = Files.readString(b[i], StandardCharsets.UTF_8);
            assertThat(x).isNotEqualTo(y);
            assertThat(withoutRunTime(x)).isEqualTo(withoutRunTime(y));
        }
    }

    /** The text with the run time (as UTC and as machine-local time) replaced by a marker. */
    private static String withoutRunTime(String report) {
        Matcher m = Pattern.compile("\"runTime\" : \\{\\s*\"local\" : \"([^\"]+)\",\\s*\"utc\" : \"([^\"]+)\"")
                .matcher(report);
        String r = report;
        if (m.find()) {
            r = r.replace(m.group(1), "RUN-TIME-LOCAL").replace(m.group(2), "RUN-TIME");
        } else {
            // The HTML gives the run time in UTC only, to the second.
            Matcher h = Pattern.compile(
                            "Run time \\(UTC\\)</th>\\s*<td>(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ)</td>")
                    .matcher(report);
            assertThat(h.find()).as("run time row of the HTML report").isTrue();
            r = r.replace(h.group(1), "RUN-TIME");
        }
        return r;
    }
}
