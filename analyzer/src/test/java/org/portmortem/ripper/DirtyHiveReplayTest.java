package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SharedCorpus;

/**
 * On a dirty hive with transaction logs (regipy/SYSTEM_B with SYSTEM_B.LOG1/.LOG2, Windows 10 1709),
 * plugins report the replayed state, newer than what RegRipper reads from the primary file alone,
 * and the context says so.
 */
class DirtyHiveReplayTest {
    private static final String ADAPTER = "Adapter: {4b0ae068-b350-4bd4-85ab-77e00e581863}";

    private static Path systemB() {
        Optional<Path> root = SharedCorpus.root();
        assumeTrue(root.isPresent(), "shared corpus not found beside the repository (../shared/corpus)");
        Path p = root.get().resolve("hives/regipy/SYSTEM_B");
        assumeTrue(
                Files.isRegularFile(p) && Files.isRegularFile(root.get().resolve("hives/regipy/SYSTEM_B.LOG1")),
                "regipy/SYSTEM_B and its logs are not in the corpus");
        return p;
    }

    private static RipFact lease(List<RipFact> nic2) {
        return nic2.stream()
                .filter(f -> f.group().equals(ADAPTER) && f.name().equals("LeaseObtainedTime"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void replayedLogsGiveTheNewerDhcpLeaseAndTheNotesSaySo() throws Exception {
        Path path = systemB();
        RipPlugin nic2 = RipPlugins.named("nic2").orElseThrow();
        try (Hive replayed = Hive.open(path);
                Hive stale = Hive.open(path, HiveOpenOptions.NO_LOGS)) {
            RipContext now = RipContext.of(replayed, ModelOptions.DEFAULT);
            RipContext before = RipContext.of(stale, ModelOptions.DEFAULT);
            RipFact newer = lease(nic2.run(now));
            RipFact older = lease(nic2.run(before));
            // the stale values are what regripper -p nic2 prints (RegRipperCrossCheckTest); the logs move
            // the adapter key's LastWrite and its lease five hours on
            assertThat(older.lastWritten().truncatedTo(ChronoUnit.SECONDS))
                    .isEqualTo(Instant.parse("2018-04-06T07:26:19Z"));
            assertThat(newer.lastWritten().truncatedTo(ChronoUnit.SECONDS))
                    .isEqualTo(Instant.parse("2018-04-06T12:26:15Z"));
            assertThat(newer.data()).isEqualTo("1970-01-10 14:40:52Z");
            assertThat(older.data()).isEqualTo("1970-01-10 09:40:56Z");
            assertThat(now.notes())
                    .anyMatch(n -> n.startsWith("transaction logs replayed in memory") && n.contains("SYSTEM_B.LOG1"));
            assertThat(before.notes())
                    .anyMatch(n -> n.startsWith("the hive is dirty"))
                    .noneMatch(n -> n.startsWith("transaction logs replayed"));
        }
    }
}
