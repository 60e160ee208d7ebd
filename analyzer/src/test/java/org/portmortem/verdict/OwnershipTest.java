package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.SnapshotReader;

/** PID → process → services: from a process table, from {@code -b}, from the kernel PID. */
class OwnershipTest {
    @TempDir
    Path tmp;

    private static SocketVerdict at(SnapshotVerdicts v, String protocol, String endpoint) {
        return v.sockets().stream()
                .filter(s -> s.socket().protocol().name().equals(protocol)
                        && s.socket().localEndpoint().equals(endpoint))
                .findFirst()
                .orElseThrow();
    }

    private NetstatSnapshot xpListingWith(List<String> replace, List<String> add) throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        List<String> lines = new ArrayList<>();
        for (String l : Files.readAllLines(step.netstat(), StandardCharsets.UTF_8)) {
            String norm = l.trim().replaceAll("\\s+", " ");
            int i = replace.indexOf(norm);
            lines.add(i >= 0 && i % 2 == 0 ? replace.get(i + 1) : l);
        }
        lines.addAll(add);
        return SnapshotReader.readSockets(Files.write(tmp.resolve("netstat.txt"), lines, StandardCharsets.UTF_8));
    }

    private static SnapshotVerdicts judgeXp(NetstatSnapshot listing, ProcessTable tasks) throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "00");
        return step.comparison().judge(listing, tasks);
    }

    @Test
    void processTableNamesOwnersAndDynamicPortsMatchByHostedService() throws IOException {
        ProcessTable tasks = SnapshotReader.readProcesses(ReferenceSystems.resource("tasklist-svc-xp-nc.csv"));
        SnapshotVerdicts v = judgeXp(xpListingWith(List.of(), List.of()), tasks);

        assertThat(v.sockets())
                .allSatisfy(s -> assertThat(s.kind()).as(s.reason()).isEqualTo(VerdictKind.EXPLAINED));
        SocketVerdict schedule = at(v, "TCP", "0.0.0.0:1025");
        assertThat(schedule.owner().source()).isEqualTo(ObservedOwner.Source.PROCESS_TABLE);
        assertThat(schedule.owner().process()).isEqualTo("svchost.exe");
        assertThat(schedule.owner().services()).contains("Schedule", "W32Time");
        assertThat(schedule.listener().owner().service()).isEqualTo("Schedule");
        assertThat(schedule.reason()).contains("owned by 976 svchost.exe");
        SocketVerdict dns = at(v, "UDP", "0.0.0.0:1026");
        assertThat(dns.listener().owner().service()).isEqualTo("Dnscache");
        assertThat(v.notes()).anyMatch(n -> n.contains("tasklist-svc-xp-nc.csv"));
    }

    @Test
    void listenerOfAProcessTheHivesDoNotKnowIsUnexplainedWithItsImageName() throws IOException {
        ProcessTable tasks = SnapshotReader.readProcesses(ReferenceSystems.resource("tasklist-svc-xp-nc.csv"));
        SnapshotVerdicts v = judgeXp(
                xpListingWith(
                        List.of(),
                        List.of("  TCP    0.0.0.0:4444           0.0.0.0:0              LISTENING       2112")),
                tasks);

        SocketVerdict nc = at(v, "TCP", "0.0.0.0:4444");
        assertThat(nc.kind()).isEqualTo(VerdictKind.UNEXPLAINED);
        assertThat(nc.owner().display()).isEqualTo("2112 nc.exe");
        assertThat(nc.reason()).contains("2112 nc.exe");
    }

    @Test
    void predictedFixedPortHeldByAnotherProcessIsUnexplainedAndThePredictedListenerAbsent() throws IOException {
        ProcessTable tasks = SnapshotReader.readProcesses(ReferenceSystems.resource("tasklist-svc-xp-nc.csv"));
        SnapshotVerdicts v = judgeXp(
                xpListingWith(
                        List.of(
                                "UDP 0.0.0.0:500 *:* 704",
                                "  UDP    0.0.0.0:500            *:*                                    2112"),
                        List.of()),
                tasks);

        SocketVerdict ike = at(v, "UDP", "0.0.0.0:500");
        assertThat(ike.kind()).isEqualTo(VerdictKind.UNEXPLAINED);
        assertThat(ike.reason())
                .contains("predicted for lsass.exe (PolicyAgent)")
                .contains("2112 nc.exe");
        assertThat(v.absent()).extracting(a -> a.listener().owner().service()).containsExactly("PolicyAgent");
    }

    @Test
    void withoutProcessTableTheKernelPidIsSystemAndOtherOwnersAreInferredFromTheModel() throws IOException {
        SnapshotVerdicts v = judgeXp(xpListingWith(List.of(), List.of()), null);
        assertThat(at(v, "TCP", "192.70.106.143:139").owner()).satisfies(o -> {
            assertThat(o.source()).isEqualTo(ObservedOwner.Source.KERNEL_PID);
            assertThat(o.display()).isEqualTo("4 System");
        });
        assertThat(at(v, "TCP", "0.0.0.0:135").owner()).satisfies(o -> {
            assertThat(o.inferred()).isTrue();
            assertThat(o.display()).isEqualTo("884 svchost.exe (RpcSs) [inferred]");
        });
    }

    @Test
    void unexplainedListenerOfAPidKnownFromItsOtherSocketsNamesThatProcessAsInferred() throws IOException {
        SnapshotVerdicts v = judgeXp(
                xpListingWith(
                        List.of(),
                        List.of("  TCP    0.0.0.0:4444           0.0.0.0:0              LISTENING       884")),
                null);

        SocketVerdict odd = at(v, "TCP", "0.0.0.0:4444");
        assertThat(odd.kind()).isEqualTo(VerdictKind.UNEXPLAINED);
        assertThat(odd.owner().display()).isEqualTo("884 svchost.exe (RpcSs) [inferred]");
        assertThat(odd.reason()).contains("PID 884 also owns TCP 0.0.0.0:135");
    }

    /**
     * jc's Windows 10 {@code netstat -aonb} and the dissect.regf Windows 10 SYSTEM hive come from two
     * different machines: only the ownership read from {@code -b} is asserted, never whether the
     * sockets are explained.
     */
    @Test
    void netstatDashBOwnersComeFromTheListingItself() throws IOException {
        Path listing = ReferenceSystems.corpusFile("netstat/jc-win10/netstat-aonb.out");
        Path system = ReferenceSystems.corpusFile("hives/dissect-regf/SYSTEM");
        try (Hive hive = Hive.open(system)) {
            SnapshotVerdicts v = ReferenceSystems.comparison(hive).judge(SnapshotReader.readSockets(listing), null);

            assertThat(at(v, "TCP", "0.0.0.0:135").owner()).satisfies(o -> {
                assertThat(o.source()).isEqualTo(ObservedOwner.Source.LISTING);
                assertThat(o.process()).isEqualTo("svchost.exe");
                assertThat(o.services()).containsExactly("RpcSs");
            });
            assertThat(at(v, "TCP", "0.0.0.0:7070").owner().process()).isEqualTo("AnyDesk.exe");
            assertThat(at(v, "TCP", "0.0.0.0:445").owner().pid()).isEqualTo(4);
        }
    }
}
