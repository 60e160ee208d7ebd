package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/**
 * No output replaces an input: each writer refuses, with exit code 2 and one line naming both paths,
 * an output that is a hive, a log beside it, an overlay or a listing, also through a link.
 */
class OutputGuardTest {
    @TempDir
    Path dir;

    private Path caseFolder;
    private final Map<Path, String> digests = new LinkedHashMap<>();

    /** A case folder: SYSTEM and SOFTWARE as regf files, SYSTEM.LOG1 beside SYSTEM, a netstat listing. */
    @BeforeEach
    void makeCase() throws IOException {
        Path w2k = Fixtures.folder("win2000-server-default");
        caseFolder = Files.createDirectory(dir.resolve("case"));
        HiveWriter writer =
                HiveWriter.builder(Instant.parse("2002-09-02T10:00:00Z")).build();
        try (Hive sys = Hive.open(w2k.resolve("SYSTEM.reg"));
                Hive soft = Hive.open(w2k.resolve("SOFTWARE.reg"))) {
            writer.writeTo(sys, caseFolder.resolve("SYSTEM"));
            writer.writeTo(soft, caseFolder.resolve("SOFTWARE"));
        }
        // a clean hive replays nothing, so any bytes serve as the log the case holds beside it
        Files.write(caseFolder.resolve("SYSTEM.LOG1"), new byte[1024]);
        Files.copy(w2k.resolve("netstat-00.txt"), caseFolder.resolve("netstat.txt"));
        Files.copy(w2k.resolve("steps/01-iis.reg"), dir.resolve("overlay.reg"));
        try (var files = Files.list(caseFolder)) {
            for (Path p : files.toList()) {
                digests.put(p, sha256(p));
            }
        }
        digests.put(dir.resolve("overlay.reg"), sha256(dir.resolve("overlay.reg")));
    }

    private static String sha256(Path p) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private void assertRefusedAndEvidenceUnchanged(CommandRun r, Path output, Path input) throws IOException {
        assertThat(r.exit()).as("stderr: %s", r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err())
                .contains(output.toString())
                .contains(input.toString())
                .doesNotContain("Exception");
        for (Map.Entry<Path, String> e : digests.entrySet()) {
            assertThat(sha256(e.getKey())).as(e.getKey().toString()).isEqualTo(e.getValue());
        }
    }

    private CommandRun analyze(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "analyze";
        args[1] = caseFolder.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        return CommandRun.of(args);
    }

    @Test
    void analyzeRefusesToWriteTheHtmlReportOverTheSystemHive() throws IOException {
        Path system = caseFolder.resolve("SYSTEM");
        assertRefusedAndEvidenceUnchanged(analyze("-o", system.toString()), system, system);
    }

    @Test
    void analyzeRefusesToWriteTheJsonReportOverATransactionLog() throws IOException {
        Path log = caseFolder.resolve("SYSTEM.LOG1");
        CommandRun r = analyze("-o", dir.resolve("r.html").toString(), "--json", log.toString());
        assertRefusedAndEvidenceUnchanged(r, log, log);
        assertThat(dir.resolve("r.html")).doesNotExist();
    }

    @Test
    void analyzeRefusesCsvTablesThatWouldReplaceAListingOfTheCase() throws IOException {
        // an examiner's own listing saved as listeners.csv in the case folder, then --csv pointed at the case
        Path listing = caseFolder.resolve("listeners.csv");
        Files.copy(caseFolder.resolve("netstat.txt"), listing);
        digests.put(listing, sha256(listing));
        CommandRun r = analyze("-o", dir.resolve("r.html").toString(), "--csv", caseFolder.toString());
        assertRefusedAndEvidenceUnchanged(r, listing, listing);
        assertThat(caseFolder.resolve("findings.csv")).doesNotExist();
    }

    @Test
    void analyzeRefusesToWriteOverASnapshotListingFoundInTheCase() throws IOException {
        Path netstat = caseFolder.resolve("netstat.txt");
        assertRefusedAndEvidenceUnchanged(analyze("-o", netstat.toString()), netstat, netstat);
    }

    @Test
    void analyzeRefusesToWriteOverAnOverlay() throws IOException {
        Path overlay = dir.resolve("overlay.reg");
        assertRefusedAndEvidenceUnchanged(
                analyze(
                        "--overlay",
                        overlay.toString(),
                        "-o",
                        dir.resolve("r.html").toString(),
                        "--json",
                        overlay.toString()),
                overlay,
                overlay);
    }

    @Test
    void analyzeRefusesAnOutputThatIsALinkToAnInput() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("report.html"), caseFolder.resolve("SOFTWARE"));
        assertRefusedAndEvidenceUnchanged(analyze("-o", link.toString()), link, caseFolder.resolve("SOFTWARE"));
    }

    @Test
    void analyzeRefusesAnOutputThatIsAHardLinkToAnInput() throws IOException {
        Path link = Files.createLink(dir.resolve("report.html"), caseFolder.resolve("SOFTWARE"));
        assertRefusedAndEvidenceUnchanged(analyze("-o", link.toString()), link, caseFolder.resolve("SOFTWARE"));
    }

    @Test
    void analyzeRefusesAnOutputNamedAsALogTheHiveDoesNotHaveYet() throws IOException {
        Path log2 = caseFolder.resolve("software.log2");
        CommandRun r = analyze("-o", log2.toString());
        assertRefusedAndEvidenceUnchanged(r, log2, caseFolder.resolve("SOFTWARE"));
        assertThat(log2).doesNotExist();
    }

    @Test
    void analyzeRefusesTheSameFileForBothReports() throws IOException {
        Path report = dir.resolve("r.out");
        CommandRun r = analyze(
                "-o",
                report.toString(),
                "--json",
                dir.resolve(".").resolve("r.out").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(report).doesNotExist();
    }

    @Test
    void analyzeStillWritesReportsBesideTheEvidence() throws IOException {
        CommandRun r = analyze(
                "-o",
                caseFolder.resolve("report.html").toString(),
                "--json",
                caseFolder.resolve("report.json").toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(caseFolder.resolve("report.json")).isNotEmptyFile();
    }

    @Test
    void convertWithForceRefusesToWriteOverItsInputsOwnLog() throws IOException {
        Path system = caseFolder.resolve("SYSTEM");
        Path log = caseFolder.resolve("SYSTEM.LOG1");
        CommandRun r = CommandRun.of("convert", "--force", system.toString(), log.toString());
        assertRefusedAndEvidenceUnchanged(r, log, log);
    }

    @Test
    void convertWithForceRefusesALinkToItsInput() throws IOException {
        Path system = caseFolder.resolve("SYSTEM");
        Path link = Files.createSymbolicLink(dir.resolve("copy.hiv"), system);
        CommandRun r = CommandRun.of("convert", "--force", system.toString(), link.toString());
        assertRefusedAndEvidenceUnchanged(r, link, system);
    }
}
