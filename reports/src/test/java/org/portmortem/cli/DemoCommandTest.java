package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;
import org.portmortem.report.ReportSchema;

/**
 * {@code portmortem demo}, run in-process on the bundled default Windows 2000 Server: the HTML and JSON
 * it writes hold the analysis of the real fixture (hives parsed, netstat compared), not canned text.
 */
class DemoCommandTest {
    @TempDir
    static Path out;

    static CommandRun run;
    static Document html;
    static JsonNode json;

    @BeforeAll
    static void runDemo() throws IOException {
        run = CommandRun.of("demo", "--out", out.toString(), "--timestamp", "2026-01-01T00:00:00Z");
        html = Jsoup.parse(out.resolve("portmortem-demo.html").toFile(), "UTF-8");
        json = new ObjectMapper().readTree(out.resolve("portmortem-demo.json").toFile());
    }

    @Test
    void printsBothPathsAndAFiveLineSummary() {
        assertThat(run.exit()).isZero();
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("HTML report: "
                        + out.resolve("portmortem-demo.html").toAbsolutePath().normalize());
        assertThat(lines.get(1))
                .isEqualTo("JSON report: "
                        + out.resolve("portmortem-demo.json").toAbsolutePath().normalize());
        assertThat(lines.subList(2, lines.size())).hasSize(5);
        assertThat(lines.get(2)).startsWith("System:").contains("W2KSRV", "Windows 2000", "Service Pack 2");
        assertThat(lines.get(3)).startsWith("Listeners:");
        assertThat(lines.get(4)).startsWith("Findings:");
        assertThat(lines.get(5)).startsWith("Observed:");
        assertThat(lines.get(6)).startsWith("Hardening:");
    }

    @Test
    void theFirstSectionAnswersWithTheReachableListenersTopFindingsAndTheConsoleSummary() {
        Element verdict = html.selectFirst("body > section");
        assertThat(verdict.id()).isEqualTo("verdict");
        assertThat(verdict.selectFirst("p.machine").text())
                .contains("Machine: W2KSRV", "Windows 2000", "Role: server", "Firewall: none");
        assertThat(verdict.selectFirst("h2").text())
                .isEqualTo("At the next boot "
                        + json.at("/firstScreen/reachable").size() + " listeners would be reachable from the network");
        assertThat(verdict.select("table.verdict tbody tr"))
                .hasSize(json.at("/firstScreen/reachable").size());
        assertThat(verdict.select("ol.top-findings li"))
                .hasSize(json.at("/firstScreen/topFindings").size());
        assertThat(verdict.selectFirst("pre.summary").wholeText().lines().toList())
                .isEqualTo(run.out().lines().skip(2).toList());
    }

    @Test
    void htmlHasEverySectionOfTheIssueInOrder() {
        List<String> ids = new ArrayList<>();
        for (Element s : html.select("body > section")) {
            ids.add(s.id());
        }
        assertThat(ids)
                .containsExactly(
                        "verdict",
                        "case",
                        "system",
                        "interfaces",
                        "findings",
                        "listeners",
                        "rpc",
                        "boot-plan",
                        "observed",
                        "hardening",
                        "appendix");
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(html.select("#severity + dl.severity dt"))
                .extracting(Element::text)
                .containsExactly("high", "medium", "low", "info");
    }

    @Test
    void caseHeaderListsTheBundledInputsWithTheirSha256() throws IOException {
        Element inputs = html.selectFirst("table.inputs");
        assertThat(inputs.select("tbody tr")).hasSize(3);
        assertThat(inputs.text())
                .contains(
                        "bundled:fixtures/win2000-server-default/SYSTEM.reg",
                        "SYSTEM",
                        "bundled:fixtures/win2000-server-default/SOFTWARE.reg",
                        "SOFTWARE",
                        "bundled:fixtures/win2000-server-default/netstat-00.txt",
                        "SNAPSHOT");
        String sha = json.get("inputs").get(0).get("sha256").asText();
        assertThat(inputs.text()).contains(sha);
        assertThat(sha).isEqualTo(Sha256.of(fixture("SYSTEM.reg")));
    }

    @Test
    void listenersAreThoseParsedFromTheReferenceSystem() {
        Element table = html.selectFirst("table.listeners");
        String text = table.text();
        // The paper's default Windows 2000 Server listens on these (netstat-00.txt).
        assertThat(text).contains("inetinfo.exe", "SMTPSVC", "W3SVC", "RpcSs", "192.70.106.143");
        assertThat(table.select("tbody tr")).hasSize(json.get("listeners").size());
        List<Integer> tcpPorts = new ArrayList<>();
        json.get("listeners").forEach(l -> {
            if (l.get("protocol").asText().equals("TCP") && !l.get("dynamic").asBoolean()) {
                tcpPorts.add(l.get("port").asInt());
            }
        });
        assertThat(tcpPorts).contains(25, 80, 135, 139, 443, 445);
    }

    @Test
    void systemSummaryShowsTimesInUtcAndMachineLocalTime() {
        Element lastShutdown = html.selectFirst("tr[data-fact=lastShutdown]");
        assertThat(lastShutdown.text())
                .containsPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(machine-local .*[+-]\\d\\d:\\d\\d\\)");
        JsonNode runTime = json.get("run").get("runTime");
        assertThat(runTime.get("utc").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(runTime.get("local").asText()).isNotEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    void appendixCitesTheServiceKeysWithTheirLastWriteTimes() {
        assertThat(html.select("table.cited-keys tbody tr"))
                .hasSize(json.get("citedKeys").size());
        assertThat(json.get("citedKeys").size()).isGreaterThan(10);
        assertThat(html.selectFirst("table.cited-keys").text()).contains("ControlSet001\\Services\\W3SVC");
    }

    @Test
    void findingsComeMostSevereFirstWithEvidenceAndRemediationCommands() {
        List<Element> articles = html.select("article.finding");
        assertThat(articles).hasSize(json.get("findings").size()).isNotEmpty();
        List<Integer> ranks = new ArrayList<>();
        for (Element a : articles) {
            ranks.add(List.of("high", "medium", "low", "info")
                    .indexOf(a.selectFirst(".sev").text()));
        }
        assertThat(ranks).isSorted().doesNotContain(-1);
        Element netbt = html.selectFirst("article[data-finding-id=exposure.netbt:NetBT]");
        assertThat(netbt.select("table.evidence tbody tr").text()).contains("NetbiosOptions", "192.70.106.143");
        assertThat(netbt.select("pre code").text()).contains("reg add", "NetbiosOptions", "/d 2");
        assertThat(netbt.text()).contains("In the GUI:");
        assertThat(html.select("article.finding pre code").eachText()).anyMatch(c -> c.startsWith("sc config"));
    }

    @Test
    void everySocketOfThePaperListingIsExplainedByAPredictedListener() {
        List<Element> rows = html.select("table.socket-verdicts tbody tr");
        assertThat(rows).hasSize(19);
        assertThat(rows).allMatch(r -> r.hasClass("verdict-explained"));
        assertThat(json.at("/observed/snapshots/0/file").asText())
                .isEqualTo("bundled:fixtures/win2000-server-default/netstat-00.txt");
    }

    @Test
    void hardeningPlanWalksThePaperStepsDownToNoListener() {
        JsonNode plan = json.get("hardeningPlan");
        assertThat(plan.get(0).get("openPorts").asInt())
                .isEqualTo(json.get("listeners").size());
        assertThat(plan.get(plan.size() - 1).get("openPorts").asInt()).isZero();
        List<String> titles = new ArrayList<>();
        plan.forEach(st -> titles.add(st.get("title").asText()));
        // Steps go by the severity they fix (issue 13): NetBIOS on the interface (medium) first; IIS is still
        // stopped in one step (net stop iisadmin: W3SVC and SMTPSVC depend on it); DCOM's TCP protocol
        // sequence goes last, where its effect needs the RPC servers gone.
        assertThat(titles.get(1)).contains("Disable NetBIOS over TCP/IP");
        assertThat(titles).anyMatch(t -> t.contains("IISADMIN"));
        assertThat(titles.get(titles.size() - 1)).contains("ncacn_ip_tcp");
        assertThat(html.select("svg.chart rect.bar")).hasSize(plan.size());
        assertThat(html.select("table.hardening tbody tr")).hasSize(plan.size());
    }

    @Test
    void hardeningStepsSayWhereTheGuiMakesTheSameChangeWhereTheSourcesGiveIt() {
        JsonNode plan = json.get("hardeningPlan");
        assertThat(plan.get(0).get("remediation").isNull()).isTrue();
        List<String> gui = new ArrayList<>();
        plan.forEach(st -> gui.add(st.at("/remediation/guiPath").asText("")));
        assertThat(gui)
                .contains("services.msc: IIS Admin Service (IISADMIN) Properties, General tab, Startup Type: Disabled");
        // a DisplayName equal to the service name is not repeated
        assertThat(gui).contains("services.msc: Messenger Properties, General tab, Startup Type: Disabled");
        assertThat(gui)
                .anyMatch(g -> g.contains("WINS tab: Disable NetBIOS over TCP/IP"))
                .anyMatch(g -> g.startsWith("dcomcnfg: Default Protocols tab"));
        // SMBDeviceEnabled has no GUI: the paper sets it with regedit
        plan.forEach(st -> {
            if (st.get("title").asText().contains("SMB device")) {
                assertThat(st.at("/remediation/guiPath").isNull()).isTrue();
            }
        });
        int iis = 0;
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).get("title").asText().contains("IISADMIN")) {
                iis = i;
            }
        }
        assertThat(html.select("table.hardening tr#step-" + iis).text())
                .contains(
                        "In the GUI: services.msc: IIS Admin Service (IISADMIN) Properties, General tab, Startup Type: Disabled");
    }

    @Test
    void jsonConformsToTheSchema() {
        assertThat(json.get("schemaVersion").asText()).isEqualTo("1.3");
        assertThat(ReportSchema.violations(json)).isEmpty();
    }

    private static Path fixture(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures/win2000-server-default"))) {
            p = p.getParent();
        }
        return p.resolve("fixtures/win2000-server-default").resolve(name);
    }
}
