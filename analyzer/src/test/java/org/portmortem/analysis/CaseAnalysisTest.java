package org.portmortem.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;
import org.portmortem.cases.CaseFiles;
import org.portmortem.exposure.Listener;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.model.ModelOptions;
import org.portmortem.verdict.Finding;

/** {@link CaseAnalysis} on the reference Windows 2000 Server, as .reg exports and as binary hives. */
class CaseAnalysisTest {
    private static final Instant RUN = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Path w2k() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures/win2000-server-default"))) {
            p = p.getParent();
        }
        return p.resolve("fixtures/win2000-server-default");
    }

    private static String sha256(Path f) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
    }

    private static Analysis analyse(CaseFiles files, List<Path> snapshots, List<Path> overlays) throws IOException {
        return CaseAnalysis.run(new AnalysisRequest(
                files,
                snapshots,
                overlays,
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", RUN, "C-1", "E")));
    }

    @Test
    void thePredictionStagesGiveWhatTheFullAnalysisGivesAndNothingThatReadsTheClosedHives() throws Exception {
        Path w2k = w2k();
        Path overlay = w2k.resolve("steps").resolve("01-iis.reg");
        AnalysisRequest request = new AnalysisRequest(
                CaseFiles.locate(w2k, null, null),
                List.of(),
                List.of(overlay),
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", RUN, null, null));
        Prediction p = new CaseAnalysis().predict(request);
        Analysis a = CaseAnalysis.run(request);
        assertThat(p.warnings()).isEqualTo(a.warnings());
        assertThat(p.inputs()).isEqualTo(a.inputs());
        assertThat(p.exposure().listeners()).isEqualTo(a.exposure().listeners());
        assertThat(p.bootPlan().running()).hasSameSizeAs(a.bootPlan().running());
        // The firewall judge reads the registry on demand: neither result keeps it once the hives are closed.
        assertThat(p.exposure().firewall()).isNull();
        assertThat(a.exposure().firewall()).isNull();
    }

    @Test
    void everyInputIsListedWithRoleSizeAndSha256() throws Exception {
        Path w2k = w2k();
        Analysis a = analyse(CaseFiles.locate(w2k, null, null), List.of(w2k.resolve("netstat-00.txt")), List.of());
        assertThat(a.inputs())
                .extracting(InputFile::role)
                .containsExactly(InputRole.SYSTEM, InputRole.SOFTWARE, InputRole.SNAPSHOT);
        InputFile system = a.inputs().get(0);
        assertThat(system.sha256()).isEqualTo(sha256(w2k.resolve("SYSTEM.reg")));
        assertThat(system.size()).isEqualTo(Files.size(w2k.resolve("SYSTEM.reg")));
        assertThat(system.format()).isEqualTo(".reg 5.00");
        assertThat(a.inputs().get(2).status()).isEqualTo("19 sockets");
    }

    @Test
    void everyInputOfEveryRoleCarriesItsOwnFilesDigestInTheOrderRead() throws Exception {
        // hashed on a second thread while the hives are parsed: each record must still get its own file's digest
        Path w2k = w2k();
        List<Path> overlays = List.of(w2k.resolve("steps/01-iis.reg"), w2k.resolve("steps/02-policyagent.reg"));
        List<Path> snapshots = List.of(w2k.resolve("netstat-03.txt"), w2k.resolve("netstat-00.txt"));
        Analysis a = analyse(CaseFiles.locate(w2k, null, null), snapshots, overlays);
        assertThat(a.inputs())
                .extracting(InputFile::role)
                .containsExactly(
                        InputRole.SYSTEM,
                        InputRole.SOFTWARE,
                        InputRole.OVERLAY,
                        InputRole.OVERLAY,
                        InputRole.SNAPSHOT,
                        InputRole.SNAPSHOT);
        List<Path> files = List.of(
                w2k.resolve("SYSTEM.reg"),
                w2k.resolve("SOFTWARE.reg"),
                overlays.get(0),
                overlays.get(1),
                snapshots.get(0),
                snapshots.get(1));
        for (int i = 0; i < files.size(); i++) {
            assertThat(a.inputs().get(i).sha256()).as(files.get(i).toString()).isEqualTo(sha256(files.get(i)));
            assertThat(a.inputs().get(i).size()).isEqualTo(Files.size(files.get(i)));
        }
    }

    @Test
    void aMissingSnapshotIsReportedByNameBeforeAnyHiveIsRead() {
        Path w2k = w2k();
        Path missing = dir.resolve("netstat-gone.txt");
        assertThatThrownBy(() -> analyse(CaseFiles.locate(w2k, null, null), List.of(missing), List.of()))
                .isInstanceOf(org.portmortem.InputException.class)
                .hasMessage(missing + ": no such file");
    }

    @Test
    void aBinaryHiveShowsItsFormatAndBaseBlockTime() throws Exception {
        Path w2k = w2k();
        Instant written = Instant.parse("2002-08-29T16:47:05Z");
        try (Hive sys = Hive.open(w2k.resolve("SYSTEM.reg"));
                Hive soft = Hive.open(w2k.resolve("SOFTWARE.reg"))) {
            HiveWriter.write(sys, dir.resolve("SYSTEM"), written);
            HiveWriter.write(soft, dir.resolve("SOFTWARE"), written);
        }
        Analysis a = analyse(CaseFiles.locate(dir, null, null), List.of(), List.of());
        InputFile system = a.inputs().get(0);
        assertThat(system.format()).startsWith("regf ");
        assertThat(system.hiveInfo().lastWritten()).isEqualTo(written);
        assertThat(a.time(written).localText()).isEqualTo("2002-08-29T18:47:05+02:00");
        assertThat(a.exposure().listeners()).extracting(Listener::localEndpoint).contains("0.0.0.0:135");
    }

    @Test
    void timesAreShownInTheMachinesZoneWithDaylightSaving() throws IOException {
        Analysis a = analyse(CaseFiles.locate(w2k(), null, null), List.of(), List.of());
        // Romance Standard Time: UTC+1 in winter, UTC+2 from the last Sunday of March.
        assertThat(a.time(Instant.parse("2002-01-15T12:00:00Z")).localText()).isEqualTo("2002-01-15T13:00:00+01:00");
        assertThat(a.time(Instant.parse("2002-07-15T12:00:00Z")).localText()).isEqualTo("2002-07-15T14:00:00+02:00");
    }

    @Test
    void theCitedKeysAppendixCoversTheEvidenceOfEveryFinding() throws IOException {
        Analysis a = analyse(CaseFiles.locate(w2k(), null, null), List.of(), List.of());
        assertThat(a.findings()).isNotEmpty();
        for (Finding f : a.findings()) {
            f.evidence()
                    .forEach(e -> assertThat(a.citedKeys())
                            .anyMatch(k ->
                                    k.hive().equals(e.hive()) && k.keyPath().equals(e.keyPath())));
        }
        assertThat(a.citedKeys()).isSortedAccordingTo((x, y) -> {
            int c = String.CASE_INSENSITIVE_ORDER.compare(x.hive(), y.hive());
            return c != 0 ? c : String.CASE_INSENSITIVE_ORDER.compare(x.keyPath(), y.keyPath());
        });
    }

    @Test
    void anOverlayOutsideSystemAndSoftwareIsReportedNotApplied() throws IOException {
        Path overlay = Files.writeString(
                dir.resolve("user.reg"),
                "Windows Registry Editor Version 5.00\r\n\r\n"
                        + "[HKEY_CURRENT_USER\\Software\\X]\r\n\"A\"=dword:00000001\r\n",
                StandardCharsets.UTF_8);
        Analysis a = analyse(CaseFiles.locate(w2k(), null, null), List.of(), List.of(overlay));
        assertThat(a.overlays()).singleElement().satisfies(o -> {
            assertThat(o.hives()).isEmpty();
            assertThat(o.ignoredRoots()).containsExactly("HKEY_CURRENT_USER");
        });
        assertThat(a.warnings())
                .anyMatch(w -> w.stage() == AnalysisWarning.Stage.OVERLAY
                        && w.message().contains("HKEY_CURRENT_USER"));
        assertThat(a.inputs().get(2).status()).isEqualTo("changed nothing");
    }

    @Test
    void theHardeningPlanStartsAsFoundAndClosesListenersStepByStep() throws IOException {
        Analysis a = analyse(CaseFiles.locate(w2k(), null, null), List.of(), List.of());
        List<HardeningStep> plan = a.hardeningPlan();
        assertThat(plan.get(0).remediation()).isNull();
        assertThat(plan.get(0).openPorts()).isEqualTo(a.exposure().listeners().size());
        for (int i = 1; i < plan.size(); i++) {
            assertThat(plan.get(i).openPorts())
                    .isLessThanOrEqualTo(plan.get(i - 1).openPorts());
            assertThat(plan.get(i).remediation().commands()).isNotEmpty();
        }
    }

    @Test
    void aSnapshotThatIsNoListingIsBadInputNamingTheFile() throws IOException {
        Path junk = Files.writeString(dir.resolve("notes.txt"), "nothing to see\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> analyse(CaseFiles.locate(w2k(), null, null), List.of(junk), List.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("notes.txt");
    }

    @Test
    void theConsoleSummaryShowsControlCharactersAsEscapes() {
        assertThat(Presentation.printable("W2K\u202egpj\u0007")).isEqualTo("W2K\\u202Egpj\\x07");
    }
}
