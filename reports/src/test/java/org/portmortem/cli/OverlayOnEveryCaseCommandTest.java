package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.report.CommandRun;

/** {@code --overlay} comes from the shared case options, so every subcommand that reads a case honours it. */
class OverlayOnEveryCaseCommandTest {
    private static final Path WIN2000 =
            Path.of("..", "fixtures", "win2000-server-default").toAbsolutePath().normalize();
    private static final Path IIS_STEP = WIN2000.resolve("steps/01-iis.reg");

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static JsonNode service(String json, String name) throws Exception {
        for (JsonNode s : new ObjectMapper().readTree(json)) {
            if (s.get("name").asText().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new AssertionError("no service " + name);
    }

    @Test
    void servicesSeesTheOverlayDisablingIisAndItsDependentsFail() throws Exception {
        CommandRun before = run("services", WIN2000.toString(), "--format", "json");
        CommandRun after = run("services", WIN2000.toString(), "--format", "json", "--overlay", IIS_STEP.toString());
        assertThat(before.exit()).isZero();
        assertThat(after.exit()).isZero();
        assertThat(service(before.out(), "IISADMIN").get("start").asInt()).isEqualTo(2);
        assertThat(service(before.out(), "W3SVC").get("willRun").asBoolean()).isTrue();
        assertThat(service(after.out(), "IISADMIN").get("start").asInt()).isEqualTo(4);
        assertThat(service(after.out(), "W3SVC").get("willRun").asBoolean()).isFalse();
        assertThat(service(after.out(), "SMTPSVC").get("willRun").asBoolean()).isFalse();
    }

    @Test
    void rpcAndListenersDropInetinfoEndpointsUnderTheOverlay() {
        CommandRun rpcBefore = run("rpc", WIN2000.toString());
        CommandRun rpcAfter = run("rpc", WIN2000.toString(), "--overlay", IIS_STEP.toString());
        assertThat(rpcBefore.out()).contains("inetinfo.exe");
        assertThat(rpcAfter.out()).doesNotContain("inetinfo.exe");
        CommandRun listeners = run("listeners", WIN2000.toString(), "--overlay", IIS_STEP.toString());
        assertThat(listeners.out()).doesNotContain("0.0.0.0:80 ").doesNotContain("0.0.0.0:25 ");
    }

    @Test
    void evidenceFilesAreUnchangedAndAMissingOverlayIsOneLineExitThree() throws Exception {
        byte[] system = Files.readAllBytes(WIN2000.resolve("SYSTEM.reg"));
        run("system", WIN2000.toString(), "--overlay", IIS_STEP.toString());
        assertThat(Files.readAllBytes(WIN2000.resolve("SYSTEM.reg"))).isEqualTo(system);
        CommandRun missing = run("system", WIN2000.toString(), "--overlay", "no-such-overlay.reg");
        assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
        List<String> lines = new ArrayList<>(missing.err().lines().toList());
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("no-such-overlay.reg");
    }
}
