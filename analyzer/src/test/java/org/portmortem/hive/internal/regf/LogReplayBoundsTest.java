package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveWarning;

/**
 * Log replay is bounded by what the primary file and the logs can justify: a log that claims a hive
 * far larger than they hold is skipped, named in a warning, and the primary file is read as with
 * {@code --no-logs}, without allocating what the log claims. Every hive and log here is made in the
 * test ({@link CraftedLogs}); the replayable logs are controls showing that the crafted logs are
 * well formed, so only the claimed size makes the difference.
 */
class LogReplayBoundsTest {
    private static final long ONE_GIB = 1L << 30;
    /** Far less than the claimed 1 GiB and far more than replaying the small hive needs. */
    private static final long ALLOCATION_LIMIT = 64L << 20;

    @TempDir
    Path dir;

    private Path primary() throws IOException {
        return Files.write(dir.resolve("SYSTEM"), CraftedLogs.dirtyPrimary());
    }

    private static String state(Hive hive) {
        byte[] raw = hive.key("Test").orElseThrow().value("State").orElseThrow().raw();
        return new String(raw, StandardCharsets.UTF_16LE).replace("\0", "");
    }

    /** Bytes this thread allocated while opening and reading the hive. */
    private static long allocatedWhile(IoAction action) throws IOException {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        action.run();
        return threads.getThreadAllocatedBytes(id) - before;
    }

    private interface IoAction {
        void run() throws IOException;
    }

    @Test
    void aNewFormatLogThatTheHiveJustifiesIsReplayed() throws IOException {
        Path hive = primary();
        byte[] bins = CraftedLogs.newBins();
        Files.write(
                dir.resolve("SYSTEM.LOG1"), CraftedLogs.newFormatLog(CraftedLogs.dirtyPrimary(), bins, bins.length, 0));
        try (Hive h = Hive.open(hive)) {
            assertThat(h.info().logReplay().applied())
                    .as(h.info().logReplay().note())
                    .isTrue();
            assertThat(state(h)).isEqualTo(CraftedLogs.NEW);
            assertThat(h.warnings()).isEmpty();
        }
    }

    @Test
    void aSmallNewFormatLogClaimingAGibibyteHiveIsSkippedWithoutAllocatingIt() throws IOException {
        Path hive = primary();
        Files.write(
                dir.resolve("SYSTEM.LOG1"),
                CraftedLogs.newFormatLog(CraftedLogs.dirtyPrimary(), CraftedLogs.newBins(), ONE_GIB, 64 * 1024));
        long allocated = allocatedWhile(() -> {
            try (Hive h = Hive.open(hive)) {
                assertThat(h.info().logReplay().applied()).isFalse();
                assertThat(state(h)).isEqualTo(CraftedLogs.OLD);
                assertThat(h.warnings())
                        .extracting(HiveWarning::message)
                        .anyMatch(m -> m.startsWith("SYSTEM.LOG1: its entries claim a hive of " + ONE_GIB)
                                && m.endsWith("the primary file is read as with --no-logs"))
                        .anyMatch(m -> m.contains("may be stale"));
            }
        });
        assertThat(allocated).isLessThan(ALLOCATION_LIMIT);
    }

    @Test
    void aNewFormatLogClaimingTwoGibibytesOrMoreLeavesTheHiveReadable() throws IOException {
        Path hive = primary();
        Files.write(
                dir.resolve("SYSTEM.LOG1"),
                CraftedLogs.newFormatLog(CraftedLogs.dirtyPrimary(), CraftedLogs.newBins(), 0xFFFF_F000L, 0));
        try (Hive h = Hive.open(hive)) {
            assertThat(state(h)).isEqualTo(CraftedLogs.OLD);
            assertThat(h.warnings())
                    .extracting(HiveWarning::message)
                    .anyMatch(m -> m.startsWith("SYSTEM.LOG1:") && m.contains("read as with --no-logs"));
        }
    }

    @Test
    void anImplausibleLogIsSkippedWhileAPlausibleOneBesideItIsReplayed() throws IOException {
        Path hive = primary();
        byte[] bins = CraftedLogs.newBins();
        Files.write(
                dir.resolve("SYSTEM.LOG1"), CraftedLogs.newFormatLog(CraftedLogs.dirtyPrimary(), bins, bins.length, 0));
        Files.write(dir.resolve("SYSTEM.LOG2"), CraftedLogs.newFormatLog(CraftedLogs.dirtyPrimary(), bins, ONE_GIB, 0));
        try (Hive h = Hive.open(hive)) {
            assertThat(state(h)).isEqualTo(CraftedLogs.NEW);
            assertThat(h.warnings())
                    .extracting(HiveWarning::message)
                    .singleElement()
                    .asString()
                    .startsWith("SYSTEM.LOG2: its entries claim")
                    .contains("recovered from the other logs");
        }
    }

    @Test
    void anOldFormatLogThatTheHiveJustifiesIsReplayed() throws IOException {
        Path hive = primary();
        byte[] bins = CraftedLogs.newBins();
        Files.write(dir.resolve("SYSTEM.LOG"), CraftedLogs.oldFormatLog(CraftedLogs.dirtyPrimary(), bins, bins.length));
        try (Hive h = Hive.open(hive)) {
            assertThat(h.info().logReplay().applied())
                    .as(h.info().logReplay().note())
                    .isTrue();
            assertThat(state(h)).isEqualTo(CraftedLogs.NEW);
        }
    }

    @Test
    void anOldFormatLogWhoseDirtyVectorClaimsAQuarterGibibyteIsSkippedWithoutAllocatingIt() throws IOException {
        Path hive = primary();
        long claim = 256L << 20;
        Files.write(
                dir.resolve("SYSTEM.LOG"),
                CraftedLogs.oldFormatLog(CraftedLogs.dirtyPrimary(), CraftedLogs.newBins(), claim));
        long allocated = allocatedWhile(() -> {
            try (Hive h = Hive.open(hive)) {
                assertThat(state(h)).isEqualTo(CraftedLogs.OLD);
                assertThat(h.warnings())
                        .extracting(HiveWarning::message)
                        .anyMatch(m -> m.startsWith("SYSTEM.LOG: its entries claim a hive of " + claim)
                                && m.endsWith("read as with --no-logs"));
            }
        });
        assertThat(allocated).isLessThan(ALLOCATION_LIMIT);
    }
}
