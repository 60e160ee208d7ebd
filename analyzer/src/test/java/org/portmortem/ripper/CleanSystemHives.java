package org.portmortem.ripper;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SharedCorpus;

/**
 * Runs a check on every SYSTEM hive of the shared corpus that the reader reads without warnings,
 * opened without log replay (as the external tools read it), skipping visibly when the corpus or the
 * external tool is missing.
 */
final class CleanSystemHives {
    /** A check of one hive. */
    interface Check {
        void on(Path path, Hive hive, RipContext context) throws Exception;
    }

    private CleanSystemHives() {}

    static void forEach(Path tool, Check check) throws Exception {
        List<Path> hives = SharedCorpus.systemHives();
        assumeTrue(!hives.isEmpty(), "shared corpus not found beside the repository (../shared/corpus)");
        assumeTrue(Files.isExecutable(tool), tool + " is not installed");
        for (Path path : hives) {
            try (Hive hive = Hive.open(path, HiveOpenOptions.NO_LOGS)) {
                if (HiveType.of(hive) == HiveType.SYSTEM && hive.warnings().isEmpty()) {
                    check.on(path, hive, RipContext.of(hive, ModelOptions.DEFAULT));
                }
            }
        }
    }
}
