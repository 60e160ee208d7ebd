package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} on {@code fixtures/hostile}: service names, display names, image paths, the interface
 * name, registry data and netstat process names hold markup, {@code javascript:} URLs, right-to-left
 * overrides and control characters. The report must hold no script, event handler or link but its
 * own, and show every hostile string as text.
 */
class HostileInputTest {
    @TempDir
    static Path out;

    static CommandRun run;
    static String raw;
    static Document html;
    static JsonNode json;

    @BeforeAll
    static void analyzeHostileCase() throws IOException {
        Path hostile = Fixtures.folder("hostile");
        run = CommandRun.of(
                "analyze",
                hostile.toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                out.resolve("r.json").toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        raw = Files.readString(out.resolve("r.html"), StandardCharsets.UTF_8);
        html = Jsoup.parse(raw);
        json = new ObjectMapper().readTree(out.resolve("r.json").toFile());
    }

    @Test
    void theAnalysisRanOnTheHostileCase() {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("2 unexplained");
    }

    @Test
    void noScriptButTheReportsOwn() {
        assertThat(html.select("script")).hasSize(1);
        Element own = html.selectFirst("script");
        assertThat(own.parent()).isEqualTo(html.body());
        assertThat(own.data()).startsWith("// Sorting and filtering of report tables");
        assertThat(html.select("img, iframe, object, embed, link, base, form, meta[http-equiv=refresh]"))
                .isEmpty();
    }

    @Test
    void noEventHandlerAttributeAnywhere() {
        for (Element e : html.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute of <%s>", e.tagName()).doesNotStartWithIgnoringCase("on");
                assertThat(a.getValue()).as("attribute %s", a.getKey()).doesNotContainIgnoringCase("javascript:");
            }
        }
    }

    @Test
    void noLinkOrSourceButInPageAnchors() {
        for (Element e : html.select("[href], [src], [action], [formaction], [xlink:href]")) {
            assertThat(e.attr("src")).isEmpty();
            assertThat(e.attr("action")).isEmpty();
            assertThat(e.attr("href")).startsWith("#");
            assertThat(html.getElementById(e.attr("href").substring(1)))
                    .as(e.attr("href"))
                    .isNotNull();
        }
    }

    @Test
    void hostileStringsAreVisibleAsText() {
        String text = html.body().text();
        assertThat(text).contains("W2K<script>alert('pwned')</script>");
        assertThat(text).contains("\"><img src=x onerror=alert(1)>");
        assertThat(text).contains("<a href=\"javascript:alert(2)\">click</a>");
        assertThat(text).contains("javascript:alert(document.domain)");
        assertThat(html.select("table.boot-running").text())
                .contains("\"><img src=x onerror=alert(1)>", "C:\\Temp\\javascript:alert(document.domain)");
        // The unexplained listener's owner, from the netstat -b line.
        assertThat(html.select("table.socket-verdicts").text()).contains("\"><img src=x onerror=alert(1)>.exe");
    }

    @Test
    void rightToLeftOverrideAndControlCharactersAreShownAsMarkedEscapes() {
        assertThat(raw)
                .doesNotContain("\u202e")
                .doesNotContain("\u0007")
                .doesNotContain("\u001b")
                .doesNotContain("\u0000");
        assertThat(html.select("span.ctl").eachText()).contains("\\u202E", "\u2407", "\u241b");
        assertThat(html.select("table.interfaces").text()).contains("LAN \"><img src=x onerror=alert(1)> \\u202ENAL");
        assertThat(html.select("table.boot-running").text()).contains("evil\\u202Egpj.exe<b><script>");
    }

    @Test
    void theTitleHoldsTheHostileNameAsPlainTextWithoutMarkup() {
        assertThat(html.title()).isEqualTo("PortMortem report: W2K<script>alert('pwned')</script>");
        assertThat(raw).contains("<title>PortMortem report: W2K&lt;script&gt;alert('pwned')&lt;/script&gt;</title>");
    }

    @Test
    void jsonKeepsTheStringsAsDataAndConformsToTheSchema() {
        assertThat(json.at("/system/computerName/value").asText()).isEqualTo("W2K<script>alert('pwned')</script>");
        assertThat(ReportSchema.violations(json)).isEmpty();
    }
}
