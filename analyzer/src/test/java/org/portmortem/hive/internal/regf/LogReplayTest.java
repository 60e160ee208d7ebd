package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.HiveTraversal;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.Key;
import org.portmortem.hive.TestCorpus;

/** Transaction log replay, checked against what Windows itself recovered. */
class LogReplayTest {

    /** Every key with its last-write time, and every value: what a recovery must reproduce exactly. */
    private static List<String> keysWithTimesAndValues(Hive hive) {
        List<String> out = new ArrayList<>(HiveTraversal.facts(hive));
        Deque<Key> stack = new ArrayDeque<>(List.of(hive.root()));
        while (!stack.isEmpty()) {
            Key k = stack.pop();
            out.add("T|" + k.path() + "|" + k.lastWritten().orElse(null));
            stack.addAll(k.subkeys());
        }
        return out;
    }

    @Test
    void oldFormatLogReplaysToExactlyWhatWindows7Recovered() throws IOException {
        Path dir = TestCorpus.hive("yarp/hives_for_tests/OldDirtyHive/OldDirtyHive")
                .getParent();
        try (Hive replayed = Hive.open(dir.resolve("OldDirtyHive"));
                Hive windows = Hive.open(dir.resolve("RecoveredHive_Windows7"))) {
            HiveInfo info = replayed.info();
            assertThat(info.dirty()).isTrue();
            assertThat(info.logReplay().applied()).isTrue();
            assertThat(info.logReplay().entriesApplied()).isEqualTo(64);
            assertThat(info.logReplay().logsFound())
                    .extracting(p -> p.getFileName().toString())
                    .containsExactly("OldDirtyHive.LOG1", "OldDirtyHive.LOG2");
            assertThat(info.primarySequence()).isEqualTo(5L).isEqualTo(info.secondarySequence());
            assertThat(keysWithTimesAndValues(replayed)).isEqualTo(keysWithTimesAndValues(windows));
            assertThat(replayed.warnings()).isEmpty();
        }
    }

    @Test
    void withoutLogReplayTheDirtyHiveDiffersAndWarnsThatItMayBeStale() throws IOException {
        Path dir = TestCorpus.hive("yarp/hives_for_tests/OldDirtyHive/OldDirtyHive")
                .getParent();
        try (Hive primary = Hive.open(dir.resolve("OldDirtyHive"), HiveOpenOptions.NO_LOGS);
                Hive windows = Hive.open(dir.resolve("RecoveredHive_Windows7"))) {
            assertThat(primary.info().logReplay().applied()).isFalse();
            assertThat(primary.info().primarySequence()).isEqualTo(5L);
            assertThat(primary.info().secondarySequence()).isEqualTo(4L);
            assertThat(keysWithTimesAndValues(primary)).isNotEqualTo(keysWithTimesAndValues(windows));
            assertThat(primary.warnings()).extracting(HiveWarning::message).anyMatch(m -> m.contains("may be stale"));
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "yarp/hives_for_tests/NewDirtyHive2/NewDirtyHive",
                "regipy/SYSTEM_B",
                "regipy/UsrClass.dat",
                "regipy/transactions_NTUSER.DAT",
                "yarp/hives_for_tests/BadBaseBlockHive/BadBaseBlockHive"
            })
    void dirtyHiveWithLogsReplaysWithoutErrorAndEndsWithEqualSequenceNumbers(String relative) throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive(relative))) {
            HiveInfo info = hive.info();
            assertThat(info.dirty()).isTrue();
            assertThat(info.logReplay().applied()).as(info.logReplay().note()).isTrue();
            assertThat(info.logReplay().entriesApplied()).isPositive();
            assertThat(info.primarySequence()).isEqualTo(info.secondarySequence());
            assertThat(HiveTraversal.facts(hive)).isNotEmpty();
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void newFormatEntriesAreAppliedFromTheLastCompletedWriteAcrossBothLogs() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("regipy/SYSTEM_B"))) {
            // primary file at 1622/1621; LOG1 holds entries 2107-2110, LOG2 2111-2130
            assertThat(hive.info().logReplay().entriesApplied()).isEqualTo(24);
            assertThat(hive.info().primarySequence()).isEqualTo(2130L);
        }
        try (Hive hive = Hive.open(TestCorpus.hive("regipy/transactions_NTUSER.DAT"))) {
            // primary at 567/566; LOG1 holds 566-588, LOG2 holds the older 562
            assertThat(hive.info().logReplay().entriesApplied()).isEqualTo(23);
            assertThat(hive.info().primarySequence()).isEqualTo(588L);
        }
    }

    @Test
    void logWithAnInvalidBaseBlockIsNotAppliedAndTheHiveIsReportedStale() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("yarp/hives_for_tests/BadLogHive1/BadLogHive"))) {
            assertThat(hive.info().logReplay().applied()).isFalse();
            assertThat(hive.info().logReplay().logsFound()).hasSize(2);
            assertThat(hive.warnings())
                    .extracting(HiveWarning::message)
                    .anyMatch(m -> m.contains("BadLogHive.LOG1") && m.contains("not applied"))
                    .anyMatch(m -> m.contains("may be stale"));
        }
    }

    @Test
    void dirtyHiveWithoutLogsOpensWithAStaleContentWarning() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("regipy/NTUSER_BAGMRU.DAT"))) {
            assertThat(hive.info().dirty()).isTrue();
            assertThat(hive.info().logReplay().logsFound()).isEmpty();
            assertThat(hive.info().logReplay().note()).contains("no transaction logs");
            assertThat(hive.warnings()).extracting(HiveWarning::message).anyMatch(m -> m.contains("may be stale"));
            assertThat(hive.key("Software")).isPresent();
        }
    }

    @Test
    void logsAreFoundBesideTheHiveInAnyCaseOfTheirNames() {
        Path upper = TestCorpus.hive("yarp/hives_for_tests/Discovery/2/AA");
        assertThat(LogRecovery.logsBeside(upper))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("aa.LOG1", "aa.LOG2");
        Path lower = TestCorpus.hive("yarp/hives_for_tests/Discovery/3/AA");
        assertThat(LogRecovery.logsBeside(lower))
                .extracting(p -> p.getFileName().toString())
                .containsExactly("aa.log", "aa.log1");
    }

    @Test
    void newFormatEntryWithABadHashEndsReplayBeforeIt(@TempDir Path dir) throws IOException {
        Path source = TestCorpus.hive("regipy/transactions_NTUSER.DAT").getParent();
        Files.copy(source.resolve("transactions_NTUSER.DAT"), dir.resolve("transactions_NTUSER.DAT"));
        byte[] log1 = Files.readAllBytes(source.resolve("transactions_ntuser.dat.log1"));
        // walk to the entry with sequence number 570 and flip a byte of its dirty page data
        int at = 512;
        while (readInt(log1, at + 12) != 570) {
            at += readInt(log1, at + 4);
        }
        log1[at + readInt(log1, at + 4) - 1] ^= 0x5a;
        Files.write(dir.resolve("transactions_ntuser.dat.log1"), log1);
        try (Hive hive = Hive.open(dir.resolve("transactions_NTUSER.DAT"))) {
            assertThat(hive.info().logReplay().entriesApplied()).isEqualTo(4);
            assertThat(hive.info().primarySequence()).isEqualTo(569L);
            assertThat(hive.warnings()).extracting(HiveWarning::message).anyMatch(m -> m.contains("Hash-1"));
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
