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
import org.portmortem.exposure.Mechanism;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;

/**
 * A System (PID 4) socket on a port HTTP.sys's configuration reserves is explained by that reservation, with its
 * evidence; without the reservation the same socket is unexplained. The XP reference system with a crafted
 * overlay ({@code httpsys-reservation.reg}: a reservation of http://+:8080/console/ for NETWORK SERVICE) and a
 * crafted {@code netstat -anob} listing of that machine.
 */
class HttpSysReservationVerdictTest {
    private static Analysis analyse(List<Path> overlays) throws Exception {
        return analyse(overlays, "xp-anob-httpsys.txt");
    }

    private static Analysis analyse(List<Path> overlays, String listingName) throws Exception {
        Path xp = ReferenceSystems.fixtures().resolve(ReferenceSystems.WINXP);
        Path listing = Path.of(
                HttpSysReservationVerdictTest.class.getResource(listingName).toURI());
        return CaseAnalysis.run(new AnalysisRequest(
                CaseFiles.locate(xp, null, null),
                List.of(listing),
                overlays,
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", Instant.parse("2026-01-01T00:00:00Z"), null, null)));
    }

    private static SocketVerdict port8080(Analysis a) {
        return a.verdicts().snapshots().get(0).sockets().stream()
                .filter(s -> s.socket().localEndpoint().equals("0.0.0.0:8080"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSystemSocketOnAReservedPortIsExplainedByTheReservationWithItsEvidence() throws Exception {
        Path overlay = Path.of(HttpSysReservationVerdictTest.class
                .getResource("httpsys-reservation.reg")
                .toURI());
        Analysis a = analyse(List.of(overlay));

        SocketVerdict v = port8080(a);
        assertThat(v.kind()).isEqualTo(VerdictKind.EXPLAINED);
        assertThat(v.listener().mechanism().kind()).isEqualTo(Mechanism.Kind.HTTP_SYS_RESERVATION);
        assertThat(v.listener().owner().process()).isEqualTo("System");
        assertThat(v.reason()).contains("http://+:8080/console/");
        assertThat(v.listener().evidence()).anySatisfy(ev -> {
            assertThat(ev.keyPath()).endsWith("Services\\HTTP\\Parameters\\UrlAclInfo");
            assertThat(ev.valueName()).isEqualTo("http://+:8080/console/");
            assertThat(ev.note()).contains("NETWORK SERVICE (S-1-5-20)");
        });
        // Possible, not predicted: not counted as reachable at boot, no finding above info for it.
        assertThat(a.firstScreen().reachable())
                .noneMatch(r -> r.listener().port() != null && r.listener().port() == 8080);
        assertThat(a.findings())
                .filteredOn(f -> f.listeners().stream()
                        .anyMatch(l -> Integer.valueOf(8080).equals(l.port())))
                .isNotEmpty()
                .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
        assertThat(a.verdicts().snapshots().get(0).absent())
                .noneMatch(x -> x.listener().possibleOnly());
        assertThat(a.summary())
                .anySatisfy(l -> assertThat(l)
                        .startsWith("Listeners:")
                        .contains("; 1 of them only possible (HTTP.sys reservations)"));
    }

    @Test
    void withoutTheReservationTheSameSystemSocketIsUnexplained() throws Exception {
        SocketVerdict v = port8080(analyse(List.of()));
        assertThat(v.kind()).isEqualTo(VerdictKind.UNEXPLAINED);
    }

    @Test
    void anotherProcessOnAReservedPortIsNotExplainedByHttpSys() throws Exception {
        // netstat -ano without names: PID 1234 holds 8080, which HTTP.sys (System, PID 4) would hold.
        Path overlay = Path.of(HttpSysReservationVerdictTest.class
                .getResource("httpsys-reservation.reg")
                .toURI());
        SocketVerdict v = port8080(analyse(List.of(overlay), "xp-ano-httpsys-other-pid.txt"));
        assertThat(v.kind()).isEqualTo(VerdictKind.UNEXPLAINED);
        assertThat(v.reason()).contains("(the kernel, PID 4), but the listing shows it owned by PID 1234");
    }
}
