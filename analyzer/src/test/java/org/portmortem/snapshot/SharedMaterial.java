package org.portmortem.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Locates the project's read-only shared material ({@code ../shared} beside the repository). */
final class SharedMaterial {
    private SharedMaterial() {}

    /** The path under {@code shared/}, found by walking up from the working directory, if present. */
    static Optional<Path> find(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
