package org.portmortem.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.bench.FleetGenerator;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/**
 * {@code portmortem fleet} on a generated fleet of 50 hosts (flat folders, KAPE trees, Velociraptor
 * zips) with four planted outliers and three broken hosts, run once for the class.
 */
class FleetCommandTest {
    private static final String T = "2026-01-01T00:00:00Z";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path dir;

    static FleetGenerator.Fleet fleet;
    static Path out;
    static CommandRun run;
    static JsonNode fleetJson;

    @BeforeAll
    static void runFleet() throws IOException {
        fleet = new FleetGenerator(Fixtures.folder("winxp-default").getParent()).write(50, dir.resolve("estate"), true);
        out = dir.resolve("out");
        run = CommandRun.of("fleet", fleet.root().toString(), "--out", out.toString(), "--timestamp", T, "--html");
        fleetJson = JSON.readTree(out.resolve("fleet.json").toFile());
    }

    @Test
    void everyPlantedOutlierIsAmongTheFirstRowsOfItsStackingTable() {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(fleet.outliers())
                .extracting(FleetGenerator.Outlier::kind)
                .containsExactlyInAnyOrder("telnet", "vnc", "portproxy", "rdp-port");
        for (FleetGenerator.Outlier o : fleet.outliers()) {
            JsonNode row = switch (o.kind()) {
                case "telnet" -> listenerRow("TCP", 23, "TlntSvr");
                case "portproxy" -> listenerRow("TCP", 8080, "iphlpsvc");
                case "rdp-port" -> listenerRow("TCP", 3390, "TermService");
                default -> serviceRow("WinVNC4");
            };
            assertThat(row).as(o.kind()).isNotNull();
            assertThat(row.path("hostCount").asInt()).as(o.kind()).isEqualTo(1);
            assertThat(row.path("hosts").get(0).asText()).as(o.kind()).isEqualTo(o.host());
        }
    }

    private static JsonNode listenerRow(String protocol, int port, String owner) {
        JsonNode rows = fleetJson.path("stacking");
        for (int i = 0; i < 5 && i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            if (r.path("protocol").asText().equals(protocol)
                    && r.path("port").asInt() == port
                    && r.path("owner").asText().equals(owner)) {
                return r;
            }
        }
        return null;
    }

    private static JsonNode serviceRow(String service) {
        JsonNode rows = fleetJson.path("serviceStacking");
        for (int i = 0; i < 5 && i < rows.size(); i++) {
            if (rows.get(i).path("service").asText().equals(service)) {
                return rows.get(i);
            }
        }
        return null;
    }

    @Test
    void eachHostReportIsWhatAnalyzeWritesForThatHost() throws IOException {
        List<Path> folders = new ArrayList<>();
        for (Path h : fleet.hosts()) {
            if (Files.isDirectory(h)
                    && !h.getFileName().toString().startsWith("BROKEN")
                    && folders.size() < 3
                    && (folders.isEmpty()
                            || Files.isDirectory(h.resolve("C"))
                                    != Files.isDirectory(folders.get(0).resolve("C")))) {
                folders.add(h);
            }
        }
        assertThat(folders).hasSizeGreaterThanOrEqualTo(2); // a flat case folder and a KAPE tree
        for (Path h : folders) {
            Path json = dir.resolve("analyze-" + h.getFileName() + ".json");
            CommandRun a = CommandRun.of(
                    "analyze",
                    h.toString(),
                    "-o",
                    dir.resolve("a.html").toString(),
                    "--json",
                    json.toString(),
                    "--timestamp",
                    T);
            assertThat(a.exit()).as(a.err()).isZero();
            assertThat(Files.readString(out.resolve("hosts").resolve(h.getFileName() + ".json")))
                    .isEqualTo(Files.readString(json));
        }
    }

    @Test
    void brokenHostsAreListedWithTheirOneLineErrors() {
        JsonNode hosts = fleetJson.path("hosts");
        assertThat(fleetJson.path("hostCount").asInt()).isEqualTo(53);
        assertThat(fleetJson.path("failedCount").asInt()).isEqualTo(3);
        assertThat(error(hosts, "BROKEN-truncated"))
                .contains("BROKEN-truncated/SYSTEM")
                .doesNotContain("\n");
        assertThat(error(hosts, "BROKEN-empty")).contains("no SYSTEM hive found");
        assertThat(error(hosts, "BROKEN-nohives"))
                .contains("BROKEN-nohives.zip")
                .contains("holds no SYSTEM");
        assertThat(out.resolve("hosts/BROKEN-empty.json")).doesNotExist();
        Document html = Jsoup.parse(readQuietly(out.resolve("fleet.html")));
        assertThat(html.select("#failed tbody tr")).hasSize(3);
        assertThat(html.select("#failed").text()).contains("holds no SYSTEM or SOFTWARE hive");
    }

    private static String error(JsonNode hosts, String id) {
        for (JsonNode h : hosts) {
            if (h.path("id").asText().equals(id)) {
                assertThat(h.path("status").asText()).isEqualTo("failed");
                return h.path("error").asText();
            }
        }
        throw new AssertionError("no host " + id);
    }

    @Test
    void zipHostsAreReadWithVelociraptorPathsDecoded() throws IOException {
        Path zip = fleet.hosts().stream()
                .filter(FleetInputs::isZip)
                .filter(p -> !p.toString().contains("BROKEN"))
                .findFirst()
                .orElseThrow();
        String id = zip.getFileName().toString().replace(".zip", "");
        JsonNode report = JSON.readTree(out.resolve("hosts/" + id + ".json").toFile());
        assertThat(report.path("inputs").get(0).path("path").asText())
                .isEqualTo(zip + "!/uploads/auto/C:/Windows/System32/config/SYSTEM");
        assertThat(report.path("system").path("computerName").path("value").asText())
                .isEqualTo(id);
    }

    @Test
    void fleetJsonFollowsItsSchemaAndTheHtmlLinksEveryHostReport() throws IOException {
        try (InputStream in = FleetReport.class.getResourceAsStream("/schema/portmortem-fleet.schema.json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                            .getSchema(in)
                            .validate(fleetJson))
                    .isEmpty();
        }
        Document html = Jsoup.parse(readQuietly(out.resolve("fleet.html")));
        assertThat(html.select("meta[http-equiv=Content-Security-Policy]").attr("content"))
                .startsWith("default-src 'none'");
        assertThat(html.select("#matrix tbody tr")).hasSize(50);
        assertThat(html.select("#rare-listeners tbody tr").first().child(0).attr("title"))
                .matches("1 of 50 hosts listen on TCP \\d+, \\w+");
        assertThat(html.select("#rarest li").eachText()).contains("1 of 50 hosts listen on TCP 23, TlntSvr: WS-0007");
        for (Path h : fleet.hosts()) {
            String id = h.getFileName().toString().replace(".zip", "");
            if (!id.startsWith("BROKEN")) {
                assertThat(out.resolve("hosts/" + id + ".html")).exists();
            }
        }
        assertThat(Files.readAllLines(out.resolve("fleet.jsonl")).get(0)).startsWith("{\"address\":");
    }

    @Test
    void aRerunSkipsUpToDateHostsAndGivesTheSameFleetJson() throws IOException {
        Path report = out.resolve("hosts/WS-0003.json");
        FileTime before = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(report, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        FileTime marked = Files.getLastModifiedTime(report);
        byte[] first = Files.readAllBytes(out.resolve("fleet.json"));
        CommandRun again = CommandRun.of(
                "fleet",
                fleet.root().toString(),
                "--out",
                out.toString(),
                "--timestamp",
                T,
                "--html",
                "--workers",
                "1");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(Files.getLastModifiedTime(report)).isEqualTo(marked).isNotEqualTo(before);
        assertThat(Files.readAllBytes(out.resolve("fleet.json"))).isEqualTo(first);
    }

    @Test
    void anOutputFolderInsideAnInputIsRefused() throws IOException {
        Path host = fleet.hosts().get(0);
        CommandRun r = CommandRun.of(
                "fleet", host.toString(), "--out", host.resolve("fleet").toString());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("outputs are never written into evidence");
        assertThat(host.resolve("fleet")).doesNotExist();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
