package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.image.TestImages;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/**
 * {@code diff --html}: the differences between two cases as one self-contained page, parsed back with
 * jsoup: the services and listeners that differ, every hostile string as text, nothing fetched, and
 * the output never written over an input.
 */
class DiffHtmlCommandTest {
    @TempDir
    Path dir;

    /** XP's hives with Telnet made automatic: one service and one listener differ from the reference system. */
    private Path telnetCase() throws IOException {
        Path config = dir.resolve("telnet");
        Path telnetAuto = TestImages.telnetMadeAutomatic(dir.resolve("telnet-auto.reg"));
        TestImages.writeHive("winxp-default", "SYSTEM", config.resolve("SYSTEM"), telnetAuto);
        TestImages.writeHive("winxp-default", "SOFTWARE", config.resolve("SOFTWARE"));
        return config;
    }

    @Test
    void thePageShowsTheServiceAndTheListenerThatDiffer() throws IOException {
        Path page = dir.resolve("diff.html");
        CommandRun r = CommandRun.of(
                "diff",
                TestImages.fixture("winxp-default").toString(),
                telnetCase().toString(),
                "--html",
                page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("service  TlntSvr  start  A: 3  B: 2");
        Document html = Jsoup.parse(page.toFile(), "UTF-8");
        assertThat(html.title()).startsWith("PortMortem diff: ");
        assertThat(html.select("section#services h2").text()).isEqualTo("Services and drivers (1)");
        assertThat(html.select("section#services th").eachText())
                .containsExactly("Subject", "Kind", "Field", "A", "B", "Evidence (A)", "Evidence (B)");
        Element telnet = html.select("section#services tbody tr").first();
        assertThat(telnet.select("td").eachText()).startsWith("TlntSvr", "service", "start", "3", "2");
        assertThat(telnet.select("td").get(5).text()).contains("ControlSet001\\Services\\TlntSvr : Start = 3");
        assertThat(telnet.select("td").get(6).text()).contains("ControlSet001\\Services\\TlntSvr : Start = 2");
        assertThat(html.select("section#listeners tbody tr").eachText())
                .anySatisfy(row -> assertThat(row).contains("TCP 0.0.0.0:23").contains("absent"));
        assertThat(html.select("header").text())
                .contains("A: " + TestImages.fixture("winxp-default"))
                .contains("16 listeners predicted");
        selfContained(html);
    }

    @Test
    void hostileNamesAreTextNeverMarkup() throws IOException {
        Path page = dir.resolve("hostile.html");
        CommandRun r = CommandRun.of(
                "diff",
                TestImages.fixture("winxp-default").toString(),
                Fixtures.folder("hostile").toString(),
                "--html",
                page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        String text = Files.readString(page);
        Document html = Jsoup.parse(text);
        assertThat(html.select("section#services tbody tr")).isNotEmpty();
        assertThat(html.select("section#services").text()).contains("evil\\u202Egpj.exe<b><script>");
        assertThat(html.select("span.ctl").eachText()).contains("\\u202E");
        assertThat(text).doesNotContain("\u202E").doesNotContain("<b><script>");
        selfContained(html);
    }

    /** No script, image, frame, object or link: nothing can run and nothing is fetched; the policy says so too. */
    private static void selfContained(Document html) {
        assertThat(html.select("script, img, iframe, object, embed, link, [src], [onerror], [onload]"))
                .isEmpty();
        assertThat(html.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .contains("default-src 'none'")
                .contains("script-src 'none'");
        assertThat(html.select("style")).hasSize(1);
    }

    @Test
    void anHtmlPathThatIsAnInputIsRefusedAndTheFileIsUntouched() throws IOException {
        Path b = telnetCase();
        byte[] before = Files.readAllBytes(b.resolve("SYSTEM"));
        CommandRun r = CommandRun.of(
                "diff",
                TestImages.fixture("winxp-default").toString(),
                b.toString(),
                "--html",
                b.resolve("SYSTEM").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("is the input");
        assertThat(Files.readAllBytes(b.resolve("SYSTEM"))).isEqualTo(before);
        CommandRun log = CommandRun.of(
                "diff",
                TestImages.fixture("winxp-default").toString(),
                b.toString(),
                "--html",
                b.resolve("system.LOG1").toString());
        assertThat(log.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(b.resolve("system.LOG1")).doesNotExist();
    }
}
