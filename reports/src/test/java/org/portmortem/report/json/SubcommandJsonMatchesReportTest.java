package org.portmortem.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.image.TestImages;
import org.portmortem.report.CommandRun;
import org.portmortem.report.ReportSchema;

/**
 * The subcommands' JSON and the report's JSON of the same case describe each listener, RPC endpoint
 * and service with the same keys, at every depth, under the same ids and with the same values: one
 * serializer per concept.
 */
class SubcommandJsonMatchesReportTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private JsonNode report(Path fixture) throws IOException {
        Path json = dir.resolve("report.json");
        CommandRun r = CommandRun.of(
                "analyze",
                fixture.toString(),
                "-o",
                dir.resolve("report.html").toString(),
                "--json",
                json.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        return MAPPER.readTree(json.toFile());
    }

    private static JsonNode subcommand(String command, Path fixture) throws IOException {
        CommandRun r = CommandRun.of(command, fixture.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        return MAPPER.readTree(r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"winxp-default", "win2000-server-default"})
    void listenersRpcEndpointsAndServicesAreTheReportsObjects(String name) throws IOException {
        Path fixture = TestImages.fixture(name);
        JsonNode report = report(fixture);
        ArrayNode bootPlan = MAPPER.createArrayNode();
        report.get("bootPlan").forEach(section -> section.forEach(bootPlan::add));

        assertSameObjects("listeners", subcommand("listeners", fixture), report.get("listeners"));
        assertSameObjects("rpc", subcommand("rpc", fixture), report.get("rpcEndpoints"));
        assertSameObjects("services", subcommand("services", fixture), bootPlan);
    }

    /**
     * A service with a start trigger (a TriggerInfo subkey added to the XP reference system's SSDPSRV,
     * the layout Windows 7 and later write): the report states the trigger in its 1.3 fields, conforms
     * to the schema, and {@code services --format json} gives the same entry.
     */
    @Test
    void aServiceTriggerIsTheSameObjectInTheReportAndInServicesJson() throws IOException {
        Path xp = TestImages.fixture("winxp-default");
        Path c = Files.createDirectories(dir.resolve("case"));
        Files.copy(xp.resolve("SOFTWARE.reg"), c.resolve("SOFTWARE.reg"));
        String system = new String(Files.readAllBytes(xp.resolve("SYSTEM.reg")), StandardCharsets.UTF_16);
        // IP address availability (Type 2), start (Action 1), "first IP address available" as a binary GUID.
        String trigger = "\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\SSDPSRV\\TriggerInfo\\0]\r\n"
                + "\"Type\"=dword:00000002\r\n\"Action\"=dword:00000001\r\n"
                + "\"Guid\"=hex:de,f2,27,4f,e2,14,0b,43,a5,49,7c,d4,8c,bc,82,45\r\n";
        Files.write(c.resolve("SYSTEM.reg"), ("\uFEFF" + system + trigger).getBytes(StandardCharsets.UTF_16LE));

        JsonNode report = report(c);
        assertThat(ReportSchema.violations(report)).isEmpty();
        JsonNode fromReport = null;
        for (JsonNode section : report.get("bootPlan")) {
            for (JsonNode e : section) {
                if (e.get("name").asText().equals("SSDPSRV")) {
                    fromReport = e;
                }
            }
        }
        assertThat(fromReport).isNotNull();
        JsonNode t = fromReport.get("triggers").get(0);
        assertThat(t.get("type").asText()).isEqualTo("ip_address_availability");
        assertThat(t.get("action").asText()).isEqualTo("start");
        assertThat(t.get("subtype").asText()).isEqualTo("{4f27f2de-14e2-430b-a549-7cd48cbc8245}");
        assertThat(t.get("subtypeName").asText()).isEqualTo("first IP address available");
        assertThat(fromReport.get("start").asInt()).isEqualTo(3);
        assertThat(fromReport.get("startType").asText()).isEqualTo("manual (3)");

        JsonNode fromServices = null;
        for (JsonNode e : subcommand("services", c)) {
            if (e.get("name").asText().equals("SSDPSRV")) {
                fromServices = e;
            }
        }
        assertThat(fromServices).isEqualTo(fromReport);
    }

    /** Both arrays hold objects with the same ids, and each id's two objects have the same key paths. */
    private static void assertSameObjects(String what, JsonNode subcommand, JsonNode report) {
        Map<String, JsonNode> fromSubcommand = byId(subcommand);
        Map<String, JsonNode> fromReport = byId(report);
        assertThat(fromSubcommand).as(what).isNotEmpty();
        assertThat(fromSubcommand.keySet()).as(what + " ids").isEqualTo(fromReport.keySet());
        for (Map.Entry<String, JsonNode> e : fromSubcommand.entrySet()) {
            assertThat(keyPaths(e.getValue()))
                    .as(what + " " + e.getKey())
                    .isEqualTo(keyPaths(fromReport.get(e.getKey())));
            // Same stages on the same case: the values agree too, not only the shape.
            assertThat(e.getValue()).as(what + " " + e.getKey()).isEqualTo(fromReport.get(e.getKey()));
        }
    }

    private static Map<String, JsonNode> byId(JsonNode array) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode n : array) {
            assertThat(n.get("id").isTextual()).as("an id on " + n).isTrue();
            out.put(n.get("id").asText(), n);
        }
        assertThat(out).hasSize(array.size());
        return out;
    }

    /** Every key at every depth, as a path ({@code firewall.all.evidence[].keyPath}). */
    static Set<String> keyPaths(JsonNode node) {
        Set<String> out = new TreeSet<>();
        collect(node, "", out);
        return out;
    }

    private static void collect(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
                out.add(path);
                collect(f.getValue(), path, out);
            }
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, prefix + "[]", out));
        }
    }
}
