package org.portmortem.snapshot;

import java.nio.file.Path;
import java.util.Optional;
import org.portmortem.testing.SharedFolder;

/** Locates the project's read-only shared material ({@code ../shared} beside the repository). */
final class SharedMaterial {
    private SharedMaterial() {}

    /** The path under {@code shared/}, found by walking up from the working directory, if present. */
    static Optional<Path> find(String relative) {
        if (SharedFolder.required()) {
            return Optional.of(SharedFolder.file(relative));
        }
        return SharedFolder.find(relative);
    }
}
