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
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/** {@code portmortem analyze}: options, exit codes, overlays, inputs. */
class AnalyzeCommandTest {
    @TempDir
    Path out;

    private final Path w2k = Fixtures.folder("win2000-server-default");

    private CommandRun analyze(String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "analyze",
                "--system",
                w2k.resolve("SYSTEM.reg").toString(),
                "--software",
                w2k.resolve("SOFTWARE.reg").toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                out.resolve("r.json").toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z"));
        args.addAll(List.of(extra));
        return CommandRun.of(args.toArray(String[]::new));
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(out.resolve("r.json").toFile());
    }

    @Test
    void failOnExitsOneWhenAFindingReachesTheSeverity() throws IOException {
        CommandRun medium = analyze("--fail-on", "medium");
        assertThat(medium.exit()).isEqualTo(ExitCode.FINDINGS);
        assertThat(json().at("/findingCounts/medium").asInt()).isPositive();
        assertThat(Files.exists(out.resolve("r.html"))).isTrue();
    }

    @Test
    void failOnExitsZeroWhenNoFindingReachesTheSeverity() throws IOException {
        // Without a snapshot nothing is unexplained: the reference system has no high finding.
        CommandRun high = analyze("--fail-on", "HIGH");
        assertThat(json().at("/findingCounts/high").asInt()).isZero();
        assertThat(high.exit()).isEqualTo(ExitCode.OK);
    }

    @Test
    void anUnknownSeverityIsAUsageError() {
        CommandRun r = analyze("--fail-on", "critical");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--fail-on: 'critical' is not a severity");
    }

    @Test
    void aMalformedTimestampIsAUsageError() {
        CommandRun r = CommandRun.of(
                "analyze", w2k.toString(), "-o", out.resolve("r.html").toString(), "--timestamp", "yesterday");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("--timestamp: 'yesterday'");
    }

    @Test
    void aMissingCaseFolderIsBadInputInOneLine() {
        CommandRun r = CommandRun.of(
                "analyze",
                out.resolve("nope").toString(),
                "-o",
                out.resolve("r.html").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("nope").doesNotContain("Exception");
    }

    @Test
    void overlaysAreAppliedInOrderToCopiesAndListedAsInputs() throws IOException {
        Path iis = w2k.resolve("steps/01-iis.reg");
        Path netbios = w2k.resolve("steps/04-netbios.reg");
        byte[] before = Files.readAllBytes(w2k.resolve("SYSTEM.reg"));
        CommandRun r = analyze("--overlay", iis.toString(), "--overlay", netbios.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = json();
        List<Integer> tcp = new ArrayList<>();
        j.get("listeners").forEach(l -> {
            if (l.get("protocol").asText().equals("TCP") && !l.get("dynamic").asBoolean()) {
                tcp.add(l.get("port").asInt());
            }
        });
        assertThat(tcp).doesNotContain(25, 80, 443, 139).contains(135, 445);
        assertThat(j.get("overlays")).hasSize(2);
        assertThat(j.at("/overlays/0/path").asText()).isEqualTo(iis.toString());
        assertThat(j.at("/overlays/0/hives/0").asText()).isEqualTo("SYSTEM");
        List<String> roles = new ArrayList<>();
        j.get("inputs").forEach(i -> roles.add(i.get("role").asText()));
        assertThat(roles).containsExactly("system", "software", "overlay", "overlay");
        assertThat(j.at("/inputs/2/sha256").asText()).isEqualTo(Sha256.of(iis));
        assertThat(Files.readAllBytes(w2k.resolve("SYSTEM.reg"))).isEqualTo(before);
    }

    @Test
    void aCaseFolderContributesItsNetstatListingsAsSnapshots() throws IOException {
        CommandRun r = CommandRun.of(
                "analyze",
                w2k.toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                out.resolve("r.json").toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = json();
        // The reference folder holds the paper's six listings, netstat-00 to netstat-05.
        assertThat(j.at("/observed/snapshots")).hasSize(6);
        assertThat(j.at("/observed/deltas")).hasSize(5);
        assertThat(r.out()).contains("Observed:   6 snapshot(s)");
    }

    @Test
    void snapshotsGivenOutsideTheCaseFolderAreComparedWithHivesGivenOneByOne() throws IOException {
        Path xp = Fixtures.folder("winxp-default");
        CommandRun r = CommandRun.of(
                "analyze",
                "--system",
                xp.resolve("SYSTEM.reg").toString(),
                "--software",
                xp.resolve("SOFTWARE.reg").toString(),
                "--snapshot",
                xp.resolve("netstat-00.txt").toString(),
                "--snapshot",
                xp.resolve("netstat-03.txt").toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                out.resolve("r.json").toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode j = json();
        assertThat(j.at("/observed/snapshots")).hasSize(2);
        assertThat(j.at("/observed/deltas")).hasSize(1);
        assertThat(r.out()).contains("Observed:   2 snapshot(s)");
    }

    @Test
    void aSnapshotAlsoFoundInTheCaseFolderIsReadOnce() throws IOException {
        CommandRun r = CommandRun.of(
                "analyze",
                w2k.toString(),
                "--snapshot",
                w2k.resolve("netstat-00.txt").toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                out.resolve("r.json").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(json().at("/observed/snapshots")).hasSize(6);
    }

    @Test
    void aJsonReportThatCannotBeWrittenIsBadInputInOneLineAfterTheHtmlIsWritten() {
        CommandRun r = CommandRun.of(
                "analyze",
                Fixtures.folder("winxp-default").toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                out.resolve("no-such-folder").resolve("r.json").toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).contains("r.json").doesNotContain("\n").doesNotContain("Exception");
        assertThat(out.resolve("r.html")).isNotEmptyFile();
    }

    @Test
    void theHtmlAndJsonReportsWrittenTogetherAreTheOnesEachGivesAlone() throws IOException {
        assertThat(analyze().exit()).isEqualTo(ExitCode.OK);
        String html = Files.readString(out.resolve("r.html"));
        String json = Files.readString(out.resolve("r.json"));
        Files.delete(out.resolve("r.json"));
        assertThat(CommandRun.of(
                                "analyze",
                                "--system",
                                w2k.resolve("SYSTEM.reg").toString(),
                                "--software",
                                w2k.resolve("SOFTWARE.reg").toString(),
                                "-o",
                                out.resolve("alone.html").toString(),
                                "--timestamp",
                                "2026-01-01T00:00:00Z")
                        .exit())
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("alone.html"))).isEqualTo(html);
        assertThat(analyze().exit()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(out.resolve("r.json"))).isEqualTo(json);
    }

    @Test
    void aGivenSnapshotThatIsMissingOrNotAListingIsBadInputInOneLine() {
        Path xp = Fixtures.folder("winxp-default");
        CommandRun missing = CommandRun.of(
                "analyze",
                xp.toString(),
                "--snapshot",
                out.resolve("nope.txt").toString(),
                "-o",
                out.resolve("r.html").toString());
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err().strip())
                .contains("nope.txt")
                .contains("no such file")
                .doesNotContain("\n")
                .doesNotContain("Exception");
        CommandRun notListing = CommandRun.of(
                "analyze",
                "--system",
                xp.resolve("SYSTEM.reg").toString(),
                "--snapshot",
                xp.resolve("SOFTWARE.reg").toString(),
                "-o",
                out.resolve("r.html").toString());
        assertThat(notListing.exit()).isEqualTo(3);
        assertThat(notListing.err().strip())
                .contains("SOFTWARE.reg")
                .contains("not a netstat")
                .doesNotContain("\n")
                .doesNotContain("Exception");
    }

    @Test
    void helpReadsLikeAManPage() {
        CommandRun r = CommandRun.of("analyze", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains(
                        "Description:",
                        "Arguments:",
                        "Options:",
                        "Examples:",
                        "Exit codes:",
                        "--fail-on",
                        "--overlay",
                        "--snapshot",
                        "--timestamp",
                        "--case-id",
                        "--examiner",
                        "--json",
                        "-o, --output");
    }
}
