package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.cases.CaseFiles;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;

/** What an observed socket is decides its severity; a listing from another machine raises nothing above info. */
class ObservedSocketSeverityTest {
    private static Analysis analyse(CaseFiles files, Path snapshot) throws Exception {
        return CaseAnalysis.run(new AnalysisRequest(
                files,
                List.of(snapshot),
                List.of(),
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", Instant.parse("2026-01-01T00:00:00Z"), null, null)));
    }

    private static List<Finding> unexplained(Analysis a) {
        return a.findings().stream()
                .filter(f -> f.id().startsWith("observed.unexplained"))
                .toList();
    }

    @Test
    void clientSocketsCollapseLoopbackStaysLowAndOnlyAnUnknownReachableListenerIsHigh() throws Exception {
        Path xp = ReferenceSystems.fixtures().resolve(ReferenceSystems.WINXP);
        Path listing = Path.of(ObservedSocketSeverityTest.class
                .getResource("xp-anob-mixed.txt")
                .toURI());
        Analysis a = analyse(CaseFiles.locate(xp, null, null), listing);

        assertThat(a.verdicts().snapshots().get(0).machineMatch().verdict()).isEqualTo(MachineMatch.Verdict.SAME);
        assertThat(a.verdicts().snapshots().get(0).machineMatch().reasons())
                .anySatisfy(r -> assertThat(r).contains("192.70.106.143"));
        List<Finding> u = unexplained(a);
        Finding chrome = u.stream()
                .filter(f -> f.title().contains("chrome.exe"))
                .findFirst()
                .orElseThrow();
        assertThat(chrome.sockets()).hasSize(3);
        assertThat(chrome.severity()).isEqualTo(Severity.INFO);
        assertThat(chrome.description()).contains("mDNS");
        Finding loopback = u.stream()
                .filter(f -> f.title().contains("helper.exe"))
                .findFirst()
                .orElseThrow();
        assertThat(loopback.severity()).isEqualTo(Severity.LOW);
        Finding backdoor = u.stream()
                .filter(f -> f.title().contains("svcupd.exe"))
                .findFirst()
                .orElseThrow();
        assertThat(backdoor.severity()).isEqualTo(Severity.HIGH);
        assertThat(u).filteredOn(f -> f.severity() == Severity.HIGH).containsExactly(backdoor);
    }

    @Test
    void snapshotFromAnotherMachineIsMarkedDifferentAndRaisesNothingAboveInfo() throws Exception {
        Path system = ReferenceSystems.corpusFile("hives/dissect-regf/SYSTEM");
        Path listing = ReferenceSystems.corpusFile("netstat/jc-win10/netstat-aonb.out");
        Analysis a = analyse(CaseFiles.locate(null, system, null), listing);

        SnapshotVerdicts v = a.verdicts().snapshots().get(0);
        assertThat(v.machineMatch().verdict()).isEqualTo(MachineMatch.Verdict.DIFFERENT);
        assertThat(v.machineMatch().reasons()).anySatisfy(r -> assertThat(r).contains("192.168.31.221"));
        assertThat(v.notes().get(0)).startsWith("WARNING: this listing is not from the machine of the hives");
        assertThat(a.warnings()).anySatisfy(w -> assertThat(w.message()).contains("not from the machine of the hives"));
        assertThat(v.ofKind(VerdictKind.UNEXPLAINED)).isNotEmpty();
        assertThat(a.findings())
                .filteredOn(f -> f.basis() == Finding.Basis.OBSERVATION)
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(a.findings()).noneMatch(f -> f.severity() == Severity.HIGH);
    }
}
