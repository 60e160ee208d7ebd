package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deep links: every listener, finding, service, RPC endpoint, input and cited key has an id derived
 * from its content, the same in every run and in the JSON; findings link to their listeners, listeners
 * to their registry keys, keys back to what cites them; every internal link resolves.
 */
class ReportLinksTest {
    @TempDir
    Path out;

    private record Report(Document html, JsonNode json) {}

    private Report analyze(String name, String... args) throws IOException {
        Path html = out.resolve(name + ".html");
        Path json = out.resolve(name + ".json");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-o", html.toString(), "--json", json.toString()));
        CommandRun run = CommandRun.of(all.toArray(String[]::new));
        assertThat(run.exit()).as(run.err()).isIn(0, 1);
        return new Report(Jsoup.parse(html.toFile(), "UTF-8"), new ObjectMapper().readTree(json.toFile()));
    }

    private Report demoCase(String name) throws IOException {
        return analyze(
                name, "analyze", Fixtures.folder("win2000-server-default").toString());
    }

    private static List<String> ids(Document d) {
        return d.select("[id]").eachAttr("id");
    }

    @Test
    void idsAreIdenticalAcrossTwoRunsAtDifferentTimes() throws Exception {
        Report first = analyze(
                "a",
                "analyze",
                Fixtures.folder("win2000-server-default").toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        Report second = analyze(
                "b",
                "analyze",
                Fixtures.folder("win2000-server-default").toString(),
                "--timestamp",
                "2027-06-30T12:34:56Z");
        assertThat(ids(first.html())).isNotEmpty().isEqualTo(ids(second.html()));
        assertThat(first.json().findValuesAsText("id")).isEqualTo(second.json().findValuesAsText("id"));
    }

    @Test
    void idsNameTheirContent() throws Exception {
        Document d = demoCase("names").html();
        assertThat(d.getElementById("listener-tcp-0.0.0.0-445")).isNotNull();
        assertThat(d.getElementById("listener-tcp-0.0.0.0-445").text()).contains("445", "NetBT");
        assertThat(d.getElementById("key-system-controlset001-services-netbt")).isNotNull();
        assertThat(d.getElementById("service-netbt")).isNotNull();
        assertThat(d.getElementById("finding-exposure.netbt-netbt")).isNotNull();
        assertThat(d.getElementById("input-system-system.reg")).isNotNull();
        assertThat(d.select("table.rpc tbody tr").eachAttr("id")).allMatch(id -> id.startsWith("rpc-"));
    }

    @Test
    void everyIdIsUniqueAndEveryInternalLinkResolves() throws Exception {
        List<Report> reports = List.of(
                demoCase("demo"),
                analyze("xp", "analyze", Fixtures.folder("winxp-default").toString()),
                analyze("hostile", "analyze", Fixtures.folder("hostile").toString()));
        for (Report r : reports) {
            List<String> ids = ids(r.html());
            assertThat(new HashSet<>(ids)).as("duplicate ids").hasSameSizeAs(ids);
            List<String> hrefs = r.html().select("a[href^=#]").eachAttr("href");
            assertThat(hrefs).hasSizeGreaterThan(50);
            for (String href : hrefs) {
                assertThat(r.html().getElementById(href.substring(1))).as(href).isNotNull();
            }
        }
    }

    @Test
    void theJsonCarriesTheSameIdsAsTheHtml() throws Exception {
        Report r =
                analyze("xp-json", "analyze", Fixtures.folder("winxp-default").toString());
        Document d = r.html();
        assertThat(values(r.json().get("listeners"), "id"))
                .isEqualTo(d.select("table.listeners > tbody > tr").eachAttr("id"));
        assertThat(values(r.json().get("findings"), "anchor"))
                .isEqualTo(d.select("article.finding").eachAttr("id"));
        assertThat(values(r.json().get("rpcEndpoints"), "id"))
                .isEqualTo(d.select("table.rpc > tbody > tr").eachAttr("id"));
        assertThat(values(r.json().get("inputs"), "id"))
                .isEqualTo(d.select("table.inputs > tbody > tr").eachAttr("id"));
        assertThat(values(r.json().get("citedKeys"), "id"))
                .isEqualTo(d.select("table.cited-keys > tbody > tr").eachAttr("id"));
        List<String> services = new ArrayList<>();
        for (String section : List.of("running", "failing", "notRunning")) {
            services.addAll(values(r.json().get("bootPlan").get(section), "id"));
        }
        assertThat(services)
                .isEqualTo(d.select("table[class^=boot-] > tbody > tr").eachAttr("id"));
        assertThat(ReportSchema.violations(r.json())).isEmpty();
    }

    @Test
    void findingsLinkToListenersListenersToKeysAndKeysBackToWhatCitesThem() throws Exception {
        Document d = demoCase("links").html();
        Element netbt = d.getElementById("finding-exposure.netbt-netbt");
        List<String> toListeners = netbt.select("a[href^=#listener-]").eachAttr("href");
        assertThat(toListeners).isNotEmpty();
        int checked = 0;
        for (Element row : d.select("table.listeners > tbody > tr")) {
            List<String> keys = row.select("td.keys a").eachAttr("href");
            assertThat(keys).as("keys of " + row.id()).isNotEmpty();
            for (String key : keys) {
                Element keyRow = d.getElementById(key.substring(1));
                assertThat(keyRow.select("td.keys a").eachAttr("href"))
                        .as("cited by, on " + key)
                        .contains("#" + row.id());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(20);
        // And from the finding's own evidence table to the appendix.
        assertThat(netbt.select("table.evidence a[href^=#key-]")).isNotEmpty();
        Set<String> citers = new HashSet<>(d.getElementById("key-system-controlset001-services-netbt")
                .select("td.keys a")
                .eachAttr("href"));
        assertThat(citers).contains("#finding-exposure.netbt-netbt", "#listener-tcp-0.0.0.0-445", "#service-netbt");
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).asText()));
        return out;
    }
}
