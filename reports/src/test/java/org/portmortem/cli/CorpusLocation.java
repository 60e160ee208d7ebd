package org.portmortem.cli;

import java.nio.file.Path;
import org.portmortem.testing.SharedFolder;

/** Finds the shared corpus of real hives at {@code ../shared/corpus} beside the repository, or skips the test. */
final class CorpusLocation {
    private CorpusLocation() {}

    static Path hives() {
        return SharedFolder.corpus("hives");
    }

    static Path hive(String relative) {
        return SharedFolder.corpus("hives/" + relative);
    }
}
