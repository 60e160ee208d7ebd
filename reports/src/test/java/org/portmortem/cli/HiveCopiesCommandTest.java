package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.image.TestImages;
import org.portmortem.report.CommandRun;

/** Several hive sets in a case folder: the live set analysed, the copies named and compared, two machines refused. */
class HiveCopiesCommandTest {
    @TempDir
    Path dir;

    /** XP's hives in a triage tree, the live SYSTEM with Telnet made automatic after the RegBack copy was taken. */
    private Path caseWithRegBack() throws IOException {
        Path config = dir.resolve("case/C/WINDOWS/system32/config");
        Path telnetAuto = TestImages.telnetMadeAutomatic(dir.resolve("telnet-auto.reg"));
        TestImages.writeHive("winxp-default", "SYSTEM", config.resolve("SYSTEM"), telnetAuto);
        TestImages.writeHive("winxp-default", "SOFTWARE", config.resolve("SOFTWARE"));
        TestImages.writeHive("winxp-default", "SYSTEM", config.resolve("RegBack/SYSTEM"));
        TestImages.writeHive("winxp-default", "SOFTWARE", config.resolve("RegBack/SOFTWARE"));
        Files.createDirectories(dir.resolve("case/C/WINDOWS/repair"));
        Files.createFile(dir.resolve("case/C/WINDOWS/repair/system"));
        return dir.resolve("case");
    }

    @Test
    void aServiceMadeAutomaticAfterTheRegBackCopyIsShownWithTheListenerItOpens() throws IOException {
        Path json = dir.resolve("r.json");
        CommandRun r = CommandRun.of(
                "analyze",
                caseWithRegBack().toString(),
                "-o",
                dir.resolve("r.html").toString(),
                "--json",
                json.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode copies = report.get("hiveCopies");
        assertThat(copies).hasSize(2);
        JsonNode regback = copies.get(0).get("kind").asText().equals("regback") ? copies.get(0) : copies.get(1);
        JsonNode repair = regback == copies.get(0) ? copies.get(1) : copies.get(0);
        assertThat(repair.get("status").asText()).startsWith("empty (zero bytes)");
        assertThat(repair.get("differences")).isEmpty();
        List<String> diffs = new ArrayList<>();
        for (JsonNode d : regback.get("differences")) {
            diffs.add(d.get("kind").asText() + " " + d.get("subject").asText() + " "
                    + d.get("field").asText() + " " + d.get("live").asText() + " -> "
                    + d.get("copy").asText());
            if (d.get("kind").asText().equals("service")) {
                assertThat(d.get("liveEvidence").get(0).get("keyPath").asText()).endsWith("Services\\TlntSvr");
                assertThat(d.get("copyEvidence").get(0).get("data").asText()).contains("3");
            }
        }
        assertThat(diffs).contains("service TlntSvr start 2 -> 3");
        assertThat(diffs).anyMatch(d -> d.startsWith("listener TCP 0.0.0.0:23 ") && d.endsWith("predicted -> null"));
        assertThat(diffs.stream().filter(d -> d.startsWith("service"))).hasSize(1);
        assertThat(report.get("warnings").toString())
                .contains("other hive sets in the case")
                .contains("regback")
                .contains("repair");
        assertThat(Files.readString(dir.resolve("r.html")))
                .contains("id=\"hive-copies\"")
                .contains("TlntSvr");
    }

    @Test
    void diffShowsTheServiceAndListenerThatDifferBetweenTwoCases() throws IOException {
        Path changed = caseWithRegBack().resolve("C/WINDOWS/system32/config");
        CommandRun r = CommandRun.of("diff", TestImages.fixture("winxp-default").toString(), changed.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("service  TlntSvr  start  A: 3  B: 2")
                .containsPattern("listener  TCP 0\\.0\\.0\\.0:23 .*A: absent  B: predicted");
        // Each side's pipeline warnings, as analyze reports them, say which case they are about.
        assertThat(r.err()).contains("portmortem: warning: B: other hive sets in the case");
        CommandRun same = CommandRun.of(
                "diff",
                TestImages.fixture("winxp-default").toString(),
                TestImages.fixture("winxp-default").toString(),
                "--format",
                "json");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(new ObjectMapper().readTree(same.out())).isEmpty();
    }

    @Test
    void twoMachinesInOneFolderAreListedAndRefused() throws IOException {
        TestImages.writeHive("winxp-default", "SYSTEM", dir.resolve("two/hostA/Windows/System32/config/SYSTEM"));
        TestImages.writeHive("win2000-server-default", "SYSTEM", dir.resolve("two/hostB/WINNT/system32/config/SYSTEM"));
        CommandRun r = CommandRun.of("listeners", dir.resolve("two").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("2 live hive sets").contains("hostA").contains("hostB");
        CommandRun one = CommandRun.of("listeners", dir.resolve("two/hostA").toString(), "--format", "json");
        assertThat(one.exit()).as(one.err()).isZero();
    }
}
