package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.snapshot.NetstatSnapshot;
import org.portmortem.snapshot.SnapshotReader;

/** Listing forms that change how matching works: port names, a capture time. */
class ListingFormsTest {
    @TempDir
    Path tmp;

    private NetstatSnapshot write(List<String> lines) throws IOException {
        return SnapshotReader.readSockets(Files.write(tmp.resolve("netstat.txt"), lines, StandardCharsets.UTF_8));
    }

    /** {@code netstat -a} without {@code -n}: host names for addresses, service names for ports. */
    @Test
    void portNamesAreComparedOnlyWhereTheServicesFileIsCertain() throws IOException {
        ReferenceSystems.Step step = ReferenceSystems.step(ReferenceSystems.WINXP, "03");
        NetstatSnapshot listing = write(List.of(
                "C:\\WINDOWS>netstat -a",
                "",
                "Active Connections",
                "",
                "  Proto  Local Address          Foreign Address        State",
                "  TCP    winxp:epmap            winxp:0                LISTENING",
                "  TCP    winxp:blackjack        winxp:0                LISTENING",
                "  UDP    winxp:epmap            *:*"));
        SnapshotVerdicts v = step.comparison().judge(listing, null);

        assertThat(v.sockets())
                .extracting(SocketVerdict::kind)
                .containsExactly(VerdictKind.EXPLAINED, VerdictKind.ARTEFACT, VerdictKind.EXPLAINED);
        assertThat(v.sockets().get(0).reason()).contains("'epmap'", "maps to 135");
        assertThat(v.sockets().get(0).listener().owner().service()).isEqualTo("RpcSs");
        assertThat(v.sockets().get(1).reason()).contains("'blackjack'", "not compared");
        assertThat(v.notes()).anyMatch(n -> n.contains("port names"));
    }

    private static List<String> xpListingCapturedAt(String when, String without) throws IOException {
        List<String> lines = new ArrayList<>(List.of(when));
        for (String l : Files.readAllLines(
                ReferenceSystems.step(ReferenceSystems.WINXP, "00").netstat())) {
            if (!l.trim().replaceAll("\\s+", " ").equals(without)) {
                lines.add(l);
            }
        }
        return lines;
    }

    /**
     * The XP reference system's Schedule key written on 2002-11-05 at 12:00 UTC (13:00 in its time
     * zone, Romance Standard Time, UTC+1 in November).
     */
    private static ReferenceSystems.Step xpWithScheduleWrittenAt(Instant when) throws IOException {
        return ReferenceSystems.build(
                ReferenceSystems.WINXP,
                "00",
                hive -> hive.root()
                        .key("ControlSet001\\Services\\Schedule")
                        .map(k -> (org.portmortem.hive.MemoryHive.MemoryKey) k)
                        .orElseThrow()
                        .setLastWritten(when));
    }

    /**
     * The absent listeners when the Schedule key was written at {@code instant} and the XP listing,
     * captured 2002-11-05 10:00 local time, lacks Schedule's TCP 1025.
     */
    private List<AbsentListener> absentScheduleWrittenAt(String instant) throws IOException {
        ReferenceSystems.Step step = xpWithScheduleWrittenAt(Instant.parse(instant));
        NetstatSnapshot listing =
                write(xpListingCapturedAt("2002-11-05 10:00:00", "TCP 0.0.0.0:1025 0.0.0.0:0 LISTENING 976"));
        return step.comparison().judge(listing, null).absent();
    }

    @Test
    void keyWrittenAfterTheSnapshotExplainsAnAbsentListenerFirst() throws IOException {
        assertThat(absentScheduleWrittenAt("2002-11-05T12:00:00Z"))
                .singleElement()
                .satisfies(a -> {
                    AbsenceExplanation first = a.explanations().get(0);
                    assertThat(first.cause()).isEqualTo(AbsenceExplanation.Cause.CHANGED_AFTER_SNAPSHOT);
                    assertThat(first.explanation())
                            .contains("2002-11-05T13:00", "after the snapshot taken 2002-11-05T10:00");
                    assertThat(first.evidence()).anyMatch(e -> e.keyPath().endsWith("Services\\Schedule"));
                });
    }

    @Test
    void keyWrittenBeforeTheSnapshotRulesOutALaterChange() throws IOException {
        assertThat(absentScheduleWrittenAt("2002-11-05T08:00:00Z"))
                .singleElement()
                .satisfies(a -> assertThat(a.explanations())
                        .extracting(e -> e.cause())
                        .doesNotContain(AbsenceExplanation.Cause.CHANGED_AFTER_SNAPSHOT)
                        .contains(AbsenceExplanation.Cause.STOPPED_BY_HAND));
    }
}
