package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;

/** {@code portmortem listeners} and {@code portmortem rpc} on the paper's reference systems. */
class ListenersCommandTest {

    @TempDir
    Path dir;

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static Path fixture(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures").resolve(name))) {
                return p.resolve("fixtures").resolve(name);
            }
        }
        Assumptions.abort("fixtures/" + name + " not found beside the reports module");
        return null;
    }

    @Test
    void jsonListsTheXpBaselineWithTheReportsFieldNamesAndIds() throws IOException {
        CommandRun r = run("listeners", fixture("winxp-default").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(r.out());
        assertThat(a).hasSize(16);
        List<String> seen = new ArrayList<>();
        for (JsonNode l : a) {
            assertThat(l.get("protocol").asText()).isIn("TCP", "UDP");
            assertThat(l.get("ipVersion").asInt()).isIn(4, 6);
            assertThat(l.get("dynamic").isBoolean()).isTrue();
            assertThat(l.get("port").isNull()).isEqualTo(l.get("dynamic").asBoolean());
            assertThat(l.get("owner").has("service")).isTrue();
            assertThat(l.get("owner").get("process").asText()).isNotBlank();
            assertThat(l.get("id").asText()).startsWith("listener-");
            assertThat(l.get("certainty").get("level").asText()).isIn("certain", "likely", "uncertain");
            assertThat(l.get("firewall").get("all").get("reachability").asText())
                    .isEqualTo(l.get("address").asText().startsWith("127.") ? "blocked" : "reachable");
            assertThat(l.get("evidence").size()).isPositive();
            seen.add(l.get("protocol").asText() + " " + l.get("address").asText() + ":"
                    + l.get("port").asText() + " "
                    + l.get("owner").get("process").asText());
        }
        assertThat(seen)
                .contains(
                        "TCP 0.0.0.0:135 svchost.exe",
                        "TCP 192.70.106.143:139 System",
                        "UDP 127.0.0.1:123 svchost.exe",
                        "UDP 0.0.0.0:500 lsass.exe");
    }

    @Test
    void overlaysAreAppliedInOrderBeforePredicting() throws IOException {
        Path xp = fixture("winxp-default");
        CommandRun r = run(
                "listeners",
                xp.toString(),
                "--overlay",
                xp.resolve("steps/01-services.reg").toString(),
                "--overlay",
                xp.resolve("steps/02-netbios.reg").toString(),
                "--format",
                "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("protocol,ipVersion,address,port,dynamic");
        assertThat(lines).hasSize(1 + 7);
        assertThat(r.out()).doesNotContain("192.70.106.143").doesNotContain(",500,");
    }

    @Test
    void textNamesOwnerMechanismAndFirewallPerLine() {
        CommandRun r = run("listeners", fixture("win2000-server-default").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("# 19 listeners predicted after boot (Windows 2000)")
                .contains("msdtc.exe (MSDTC)")
                .contains("ENDPOINT_MAPPER")
                .contains("all=reachable");
    }

    @Test
    void aCaseWithoutASystemHiveEndsWithOneLineAndExitCode3() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "nothing here", StandardCharsets.US_ASCII);
        CommandRun r = run("listeners", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip())
                .startsWith("portmortem: ")
                .contains(dir.toString())
                .contains("no SYSTEM hive");
        assertThat(r.err().lines().count()).isEqualTo(1);
    }

    @Test
    void aSystemFileThatIsNoHiveIsRefusedWithExitCode3() throws IOException {
        Files.writeString(dir.resolve("SYSTEM"), "this is not a registry hive", StandardCharsets.US_ASCII);
        CommandRun r = run("listeners", dir.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("SYSTEM");
    }

    @Test
    void rpcListsTheEndpointMapperAndMessengerOnTheDefaultWindows2000Server() {
        CommandRun r = run("rpc", fixture("win2000-server-default").toString(), "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "E1AF8308-5D1F-11C9-91A4-08002B14A0FA,v3.0,DCE endpoint mapper (epmp),ncacn_ip_tcp,135,RpcSs,svchost.exe")
                .contains(
                        "5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC,v1.0,MS-MSRP NetrSendMessage,ncadg_ip_udp,*,Messenger,services.exe")
                .containsIgnoringCase("ncacn_np,\\PIPE\\atsvc,Schedule,mstask.exe");
    }

    @Test
    void rpcJsonGivesNullForADynamicEndpointAndThePipeForANamedPipe() throws IOException {
        CommandRun r = run("rpc", fixture("winxp-default").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode a = new ObjectMapper().readTree(r.out());
        boolean udpMessenger = false;
        boolean srvsvc = false;
        for (JsonNode e : a) {
            if (e.get("uuid").asText().equals("5A7B91F8-FF00-11D0-A9B2-00C04FB6E6FC")) {
                udpMessenger = e.get("protseq").asText().equals("ncadg_ip_udp")
                        && e.get("endpoint").isNull();
            }
            if (e.get("name").asText().equals("MS-SRVS srvsvc")) {
                srvsvc = e.get("endpoint").asText().equals("\\PIPE\\srvsvc");
            }
            assertThat(e.get("evidence").size()).isPositive();
        }
        assertThat(udpMessenger).isTrue();
        assertThat(srvsvc).isTrue();
    }

    @Test
    void helpReadsLikeAManPage() {
        CommandRun r = run("listeners", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("CASE")
                .contains("--overlay")
                .contains("Examples:")
                .contains("Exit codes:");
        CommandRun rpc = run("rpc", "--help");
        assertThat(rpc.out()).contains("Examples:").contains("Exit codes:");
    }
}
