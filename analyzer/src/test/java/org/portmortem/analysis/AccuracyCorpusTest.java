package org.portmortem.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.cases.CaseFiles;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SharedCorpus;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.MachineMatch;
import org.portmortem.verdict.Severity;
import org.portmortem.verdict.SnapshotVerdicts;
import org.portmortem.verdict.VerdictKind;

/**
 * The README's Accuracy table, computed: every real listing of the corpus that {@code analyze} accepts
 * (netstat, Volatility 2 and 3, Velociraptor), each with the corpus SYSTEM hive of its Windows family, as
 * {@code bench/accuracy.sh} runs them through the jar. No listing comes from the machine of its hive, so each
 * must be recognised as another machine's (then nothing from it above info) or as undecidable, and none raises a
 * HIGH observation finding; every live listening socket gets exactly one verdict. The row each prints is the
 * table's (explained, unexplained, artefact, machineMatch).
 */
class AccuracyCorpusTest {

    static Stream<List<String>> pairs() {
        return Stream.of(
                List.of("dissect-regf/SYSTEM", "jc-win10/netstat-an.out"),
                List.of("dissect-regf/SYSTEM", "jc-win10/netstat-aon.out"),
                List.of("dissect-regf/SYSTEM", "jc-win10/netstat-aonb.out"),
                List.of("dissect-regf/SYSTEM", "velociraptor/NetstatEnriched_Netstat.json"),
                List.of("dissect-regf/SYSTEM", "memory/msticpy-velociraptor/Windows.Network.Netstat.json"),
                List.of("dissect-regf/SYSTEM", "memory/seanlengwx-4014/netscan_output.txt"),
                List.of("dissect-regf/SYSTEM", "memory/ram-image-soysal/netscan.txt"),
                List.of("dissect-regf/SYSTEM", "memory/suninatas-level30/windows.netscan.txt"),
                List.of("dissect-regf/SYSTEM", "memory/jerseyctf-recent-memory/windows.netstat.txt"),
                List.of("regipy/SYSTEM_B", "memory/autovol3-base-rd01/netscan.csv"),
                List.of("regipy/SYSTEM_B", "memory/autovol3-base-rd01/netstat.csv"),
                List.of("regipy/SYSTEM", "memory/otterctf-alexisauriac/netscan.txt"),
                List.of(
                        "bcc-m57/SYSTEM",
                        "memory/cridex-phr-model/sockscan.txt",
                        "memory/cridex-phr-model/connections.txt"),
                List.of(
                        "bcc-m57/SYSTEM",
                        "memory/cridex-shehacks-kca/sockets.txt",
                        "memory/cridex-shehacks-kca/connscan.txt"));
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void aListingFromAnotherMachineIsJudgedOnceASocketAndRaisesNoHighObservation(List<String> pair) throws Exception {
        Optional<Path> corpus = SharedCorpus.root();
        assumeTrue(corpus.isPresent(), "../shared/corpus not found: the accuracy table is not computed");
        List<Path> listings = pair.subList(1, pair.size()).stream()
                .map(f -> corpus.get().resolve("netstat").resolve(f))
                .toList();
        Analysis a = CaseAnalysis.run(new AnalysisRequest(
                CaseFiles.locate(null, corpus.get().resolve("hives").resolve(pair.get(0)), null),
                listings,
                List.of(),
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", Instant.parse("2026-01-01T00:00:00Z"), null, null)));

        // Volatility 2's sockets/connections pairs are joined into one listing, as one netstat.
        assertThat(a.verdicts().snapshots()).hasSize(1);
        SnapshotVerdicts v = a.verdicts().snapshots().get(0);
        assertThat(v.machineMatch().verdict()).isIn(MachineMatch.Verdict.DIFFERENT, MachineMatch.Verdict.UNKNOWN);
        List<Finding> observed = a.findings().stream()
                .filter(f -> f.basis() == Finding.Basis.OBSERVATION)
                .toList();
        assertThat(observed).noneMatch(f -> f.severity() == Severity.HIGH);
        if (v.machineMatch().verdict() == MachineMatch.Verdict.DIFFERENT) {
            assertThat(observed).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        }
        long judged = v.sockets().stream()
                .map(s -> s.socket().line() + " " + s.socket().localEndpoint() + " "
                        + s.socket().protocol())
                .distinct()
                .count();
        assertThat(judged).isEqualTo(v.sockets().size());
        System.out.printf(
                "%s\t%s\t%d\t%d\t%d\t%s%n",
                pair.get(0),
                String.join(",", pair.subList(1, pair.size())),
                v.ofKind(VerdictKind.EXPLAINED).size(),
                v.ofKind(VerdictKind.UNEXPLAINED).size(),
                v.ofKind(VerdictKind.ARTEFACT).size(),
                v.machineMatch().verdict().word());
    }
}
