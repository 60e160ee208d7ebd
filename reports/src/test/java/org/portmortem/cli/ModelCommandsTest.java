package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;

/** The system and services commands, run in-process on the bundled reference systems. */
class ModelCommandsTest {
    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    private static Path win2000() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("fixtures").resolve("win2000-server-default");
            if (Files.isDirectory(f)) {
                return f;
            }
        }
        return null;
    }

    @Test
    void systemSummarisesTheWindows2000ReferenceSystem() {
        Path f = win2000();
        assumeTrue(f != null, "fixtures/ not found above the working directory");
        CommandRun r = run("system", f.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out())
                .contains("Windows 2000")
                .contains("W2KSRV")
                .contains("server (ProductType ServerNT)")
                .contains("192.70.106.143 (static)")
                .contains("Select\\Current = 1");
    }

    @Test
    void servicesJsonHasTheFieldsTheIssueAsksFor() throws Exception {
        Path f = win2000();
        assumeTrue(f != null, "fixtures/ not found above the working directory");
        CommandRun r = run("services", f.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertThat(all.isArray()).isTrue();
        Optional<JsonNode> w3 = Optional.empty();
        for (JsonNode n : all) {
            for (String field : new String[] {
                "id",
                "name",
                "displayName",
                "type",
                "start",
                "imagePath",
                "serviceDll",
                "objectName",
                "dependOnService",
                "willRun",
                "reason"
            }) {
                assertThat(n.has(field)).as(n.get("name") + " has " + field).isTrue();
            }
            assertThat(n.get("host").has("svchostGroup"))
                    .as(n.get("name") + " has host.svchostGroup")
                    .isTrue();
            if (n.get("name").asText().equalsIgnoreCase("W3SVC")) {
                w3 = Optional.of(n);
            }
        }
        JsonNode w = w3.orElseThrow();
        assertThat(w.get("type").isInt()).isTrue();
        assertThat(w.get("start").asInt()).isEqualTo(2);
        assertThat(w.get("startType").asText()).isEqualTo("automatic (2)");
        assertThat(w.get("willRun").asBoolean()).isTrue();
        assertThat(w.get("dependOnService").get(0).asText()).isEqualToIgnoringCase("IISADMIN");
    }

    @Test
    void servicesCsvAndTextListEveryService() {
        Path f = win2000();
        assumeTrue(f != null, "fixtures/ not found above the working directory");
        CommandRun csv = run("services", f.toString(), "--format", "csv");
        assertThat(csv.exit()).isEqualTo(0);
        assertThat(csv.out()).startsWith("name,displayName,type,start,");
        CommandRun text = run("services", f.toString(), "--control-set", "1");
        assertThat(text.exit()).isEqualTo(0);
        assertThat(text.out()).contains("W3SVC").contains("would run after boot");
        assertThat(csv.out().split("\r\n").length - 1).isEqualTo(countLines(text.out()));
    }

    private static long countLines(String table) {
        // Header line, then one line per service until the blank line before the totals.
        return table.lines().skip(1).takeWhile(l -> !l.isBlank()).count();
    }

    @Test
    void runningListsOnlyWhatWouldRunAfterBoot() throws Exception {
        Path f = win2000();
        assumeTrue(f != null, "fixtures/ not found above the working directory");
        CommandRun r = run("services", f.toString(), "--running", "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        JsonNode all = new ObjectMapper().readTree(r.out());
        assertThat(all.size()).isGreaterThan(50);
        for (JsonNode n : all) {
            assertThat(n.get("willRun").asBoolean()).as(n.get("name").asText()).isTrue();
        }
    }

    @Test
    void aDamagedHiveIsStillListedWithItsWarningsOnStderr() {
        Path hive = null;
        for (Path p = Path.of("").toAbsolutePath(); p != null && hive == null; p = p.getParent()) {
            Path c = p.resolve("shared/corpus/hives/regipy/corrupted_system_hive");
            hive = Files.exists(c) ? c : null;
        }
        assumeTrue(hive != null, "shared corpus (regipy/corrupted_system_hive) not found beside the repository");
        CommandRun r = run("services", "--system", hive.toString());
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("would fail to start");
        assertThat(r.err())
                .contains("portmortem: warning: " + hive.getFileName() + ": offset 0x")
                .contains("a value of ControlSet001\\Services\\Rdbss is unreadable");
    }

    @Test
    void aFolderWithoutSystemExitsThreeWithOneLine(@TempDir Path empty) {
        CommandRun r = run("services", empty.toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip())
                .contains("no SYSTEM hive found")
                .doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void aMissingControlSetExitsThree() {
        Path f = win2000();
        assumeTrue(f != null, "fixtures/ not found above the working directory");
        CommandRun r = run("system", f.toString(), "--control-set", "9");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err()).contains("control set 9");
    }

    @Test
    void noCaseIsAUsageError() {
        assertThat(run("services").exit()).isEqualTo(ExitCode.USAGE);
    }

    @Test
    void helpReadsLikeAManPage() {
        for (String cmd : new String[] {"system", "services"}) {
            CommandRun r = run(cmd, "--help");
            assertThat(r.out())
                    .contains("CASE")
                    .contains("--system")
                    .contains("--software")
                    .contains("--control-set")
                    .contains("--no-logs")
                    .contains("Examples:")
                    .contains("Exit codes:");
        }
    }
}
