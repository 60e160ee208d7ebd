package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.hive.Hive;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.SnapshotReader;

/** The comparison on the reference systems of {@code fixtures/} and the seed paper's listings. */
class ObservationComparisonTest {
    @TempDir
    Path tmp;

    static Stream<ReferenceSystems.Step> paperSteps() throws IOException {
        return ReferenceSystems.stepsWithListing().stream();
    }

    private static SnapshotVerdicts judge(ReferenceSystems.Step step, NetstatSnapshot snapshot) throws IOException {
        return step.comparison().judge(snapshot, null);
    }

    private static Verdicts compare(ReferenceSystems.Step step, NetstatSnapshot... snapshots) throws IOException {
        return step.comparison().compare(List.of(snapshots), null);
    }

    /** The step's paper listing with lines removed (by content) and lines appended. */
    private Path edited(ReferenceSystems.Step step, List<String> remove, List<String> add) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(step.netstat(), StandardCharsets.UTF_8));
        lines.removeIf(l ->
                remove.stream().anyMatch(r -> l.trim().replaceAll("\\s+", " ").equals(r)));
        lines.addAll(add);
        return Files.write(tmp.resolve("edited-" + step.netstat().getFileName()), lines, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paperSteps")
    void everyPaperListingIsExplainedByItsReferenceSystemWithNothingAbsent(ReferenceSystems.Step step)
            throws IOException {
        NetstatSnapshot listing = ReferenceSystems.listing(step);
        SnapshotVerdicts v = judge(step, listing);

        assertThat(v.sockets()).hasSize((int) listing.sockets().stream()
                .filter(SocketMatching::isListeningSocket)
                .count());
        assertThat(v.sockets())
                .allSatisfy(s -> assertThat(s.kind())
                        .as(s.socket().localEndpoint() + ": " + s.reason())
                        .isEqualTo(VerdictKind.EXPLAINED));
        assertThat(v.absent())
                .extracting(a -> a.listener().protocol() + " " + a.listener().localEndpoint())
                .isEmpty();
        if (listing.sockets().stream().allMatch(s -> s.pid() == null)) {
            assertThat(v.sockets()).allSatisfy(s -> {
                assertThat(s.reason()).contains("no PIDs");
                assertThat(s.owner().inferred()).isTrue();
            });
        }
    }

    @Test
    void windows2000ListingWithoutPidsMatchesDynamicPortsByCountAndSaysSo() throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WIN2000, "05");
        SnapshotVerdicts v = judge(step, ReferenceSystems.listing(step));
        SocketVerdict tcp1026 = v.sockets().stream()
                .filter(s -> s.socket().localEndpoint().equals("0.0.0.0:1026"))
                .findFirst()
                .orElseThrow();
        assertThat(tcp1026.listener().owner().service()).isEqualTo("Schedule");
        assertThat(tcp1026.reason())
                .contains("by count within the dynamic range")
                .contains("1025-5000");
        assertThat(v.notes()).anyMatch(n -> n.contains("no PIDs"));
    }

    @Test
    void xpPidsAreTiedToSvchostGroupsThroughFixedPortsTheyOwn() throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        SnapshotVerdicts v = judge(step, ReferenceSystems.listing(step));
        SocketVerdict tcp1025 = v.sockets().stream()
                .filter(s -> s.socket().localEndpoint().equals("0.0.0.0:1025"))
                .findFirst()
                .orElseThrow();
        assertThat(tcp1025.listener().owner().service()).isEqualTo("Schedule");
        assertThat(tcp1025.reason()).contains("PID 976").contains("svchost.exe -k netsvcs");
        assertThat(tcp1025.owner().source()).isEqualTo(ObservedOwner.Source.INFERRED_FROM_MODEL);
        SocketVerdict smb = v.sockets().stream()
                .filter(s -> s.socket().localEndpoint().equals("0.0.0.0:445"))
                .findFirst()
                .orElseThrow();
        assertThat(smb.owner().source()).isEqualTo(ObservedOwner.Source.KERNEL_PID);
        assertThat(smb.owner().process()).isEqualTo("System");
    }

    @Test
    void extraXpListenerOnPort4444WithUnknownPidIsUnexplainedAndHigh() throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        Path file = edited(
                step,
                List.of(),
                List.of("  TCP    0.0.0.0:4444           0.0.0.0:0              LISTENING       2112"));
        Verdicts verdicts = compare(step, SnapshotReader.readSockets(file));
        SnapshotVerdicts v = verdicts.snapshots().get(0);

        assertThat(v.ofKind(VerdictKind.UNEXPLAINED)).singleElement().satisfies(s -> {
            assertThat(s.socket().localEndpoint()).isEqualTo("0.0.0.0:4444");
            assertThat(s.owner().pid()).isEqualTo(2112);
            assertThat(s.owner().process()).isNull();
        });
        assertThat(verdicts.findings())
                .filteredOn(f -> f.id().startsWith("observed.unexplained"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.HIGH);
                    assertThat(f.sockets()).extracting(s -> s.localEndpoint()).containsExactly("0.0.0.0:4444");
                    assertThat(f.remediations().get(0).commands()).contains("tasklist /svc /fi \"PID eq 2112\"");
                });
        assertThat(verdicts.highestSeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void paperPort1367ExampleIsAPhantomListenerArtefact() throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        NetstatSnapshot phantom = SnapshotReader.readSockets(
                ReferenceSystems.fixtures().resolve(ReferenceSystems.WINXP).resolve("netstat-phantom-1367.txt"));
        Verdicts verdicts = compare(step, phantom);
        SnapshotVerdicts v = verdicts.snapshots().get(0);

        assertThat(v.sockets()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(VerdictKind.ARTEFACT);
            assertThat(s.socket().localEndpoint()).isEqualTo("0.0.0.0:1367");
            assertThat(s.reason()).contains("phantom listener").contains("192.70.106.76:22");
        });
        assertThat(v.connections()).singleElement().satisfies(c -> {
            assertThat(c.direction()).isEqualTo(Connection.Direction.OUTBOUND);
            assertThat(c.remoteEndpoint()).isEqualTo("192.70.106.76:22");
        });
        // The listing is a find excerpt: every predicted listener is absent because of the filter.
        assertThat(v.absent())
                .isNotEmpty()
                .allSatisfy(a -> assertThat(a.explanations())
                        .extracting(e -> e.cause())
                        .containsExactly(AbsenceExplanation.Cause.LISTING_INCOMPLETE));
        assertThat(verdicts.findings())
                .filteredOn(f -> f.basis() == Finding.Basis.OBSERVATION)
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
                .anyMatch(f -> f.id().startsWith("observed.artefact") && f.id().contains("1367"));
    }

    @Test
    void predictedListenerRemovedFromListingIsAbsentWithExplanationsToTellApart() throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        Path file = edited(step, List.of("TCP 0.0.0.0:1025 0.0.0.0:0 LISTENING 976"), List.of());
        Verdicts verdicts = compare(step, SnapshotReader.readSockets(file));
        SnapshotVerdicts v = verdicts.snapshots().get(0);

        assertThat(v.sockets()).allSatisfy(s -> assertThat(s.kind()).isEqualTo(VerdictKind.EXPLAINED));
        assertThat(v.absent()).singleElement().satisfies(a -> {
            assertThat(a.listener().owner().service()).isEqualTo("Schedule");
            assertThat(a.explanations())
                    .extracting(e -> e.cause())
                    .contains(AbsenceExplanation.Cause.STOPPED_BY_HAND, AbsenceExplanation.Cause.PREDICTION_UNCERTAIN);
            assertThat(a.explanations())
                    .allSatisfy(e -> assertThat(e.howToTell()).isNotBlank());
        });
        assertThat(verdicts.findings())
                .filteredOn(f -> f.id().startsWith("observed.absent"))
                .singleElement()
                .satisfies(f -> assertThat(f.listeners())
                        .extracting(l -> l.owner().service())
                        .containsExactly("Schedule"));
    }

    @Test
    void consecutiveSnapshotsOfOneHostShowWhatClosed() throws IOException {
        ReferenceSystems.Step before = ReferenceSystems.step(ReferenceSystems.WIN2000, "00");
        ReferenceSystems.Step after = ReferenceSystems.step(ReferenceSystems.WIN2000, "01");
        SnapshotDelta d =
                SnapshotDelta.between(ReferenceSystems.listing(before), ReferenceSystems.listing(after), null);

        assertThat(d.opened()).isEmpty();
        assertThat(d.closed())
                .extracting(s -> s.protocol() + " " + s.localEndpoint())
                .containsExactly(
                        "TCP 0.0.0.0:25",
                        "TCP 0.0.0.0:80",
                        "TCP 0.0.0.0:443",
                        "TCP 0.0.0.0:1027",
                        "TCP 0.0.0.0:4983",
                        "UDP 0.0.0.0:1028",
                        "UDP 0.0.0.0:3456");
    }

    @Test
    void listenerThatChangesProcessBetweenSnapshotsIsClosedAndOpened() throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        NetstatSnapshot later = SnapshotReader.readSockets(edited(
                step,
                List.of("TCP 0.0.0.0:1025 0.0.0.0:0 LISTENING 976"),
                List.of(
                        "  TCP    0.0.0.0:1025           0.0.0.0:0              LISTENING       1500",
                        "  TCP    0.0.0.0:4444           0.0.0.0:0              LISTENING       2112")));
        SnapshotDelta d = SnapshotDelta.between(ReferenceSystems.listing(step), later, null);

        assertThat(d.opened())
                .extracting(s -> s.localEndpoint() + " " + s.pid())
                .containsExactly("0.0.0.0:1025 1500", "0.0.0.0:4444 2112");
        assertThat(d.closed())
                .extracting(s -> s.localEndpoint() + " " + s.pid())
                .containsExactly("0.0.0.0:1025 976");
    }

    /**
     * regipy's Windows 7 hive: W32Time is trigger-start. The listing is written for the test (only
     * the endpoint mapper), not taken on that machine.
     */
    @Test
    void absentListenerOfATriggerStartServiceOffersTheTriggerAsExplanation() throws IOException {
        Path system = ReferenceSystems.corpusFile("hives/regipy/SYSTEM");
        Path listing = Files.write(
                tmp.resolve("netstat-ano.txt"),
                List.of(
                        "",
                        "Active Connections",
                        "",
                        "  Proto  Local Address          Foreign Address        State           PID",
                        "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       712"),
                StandardCharsets.UTF_8);
        try (Hive hive = Hive.open(system)) {
            SnapshotVerdicts v = ReferenceSystems.comparison(hive).judge(SnapshotReader.readSockets(listing), null);

            assertThat(v.absent())
                    .filteredOn(a -> "W32Time".equals(a.listener().owner().service()))
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.explanations())
                            .filteredOn(e -> e.cause() == AbsenceExplanation.Cause.TRIGGER_NOT_FIRED)
                            .singleElement()
                            .satisfies(e -> assertThat(e.explanation()).contains("W32Time is trigger-start")));
        }
    }
}
