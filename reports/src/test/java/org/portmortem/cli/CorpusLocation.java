package org.portmortem.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared corpus of real hives at {@code ../shared/corpus} beside the repository, or skips the test. */
final class CorpusLocation {
    private CorpusLocation() {}

    static Path hives() {
        for (Path dir = Path.of("").toAbsolutePath(); dir.getParent() != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("corpus").resolve("hives");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "the shared corpus (../shared/corpus beside the repository) is absent; corpus tests skipped");
        return null;
    }

    static Path hive(String relative) {
        Path p = hives().resolve(relative);
        assumeTrue(Files.isRegularFile(p), "corpus file " + p + " is absent; test skipped");
        return p;
    }
}
