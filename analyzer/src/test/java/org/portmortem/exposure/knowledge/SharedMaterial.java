package org.portmortem.exposure.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the read-only shared material ({@code shared/}) beside the repository, walking up from the working folder. */
public final class SharedMaterial {
    private SharedMaterial() {}

    /** The shared folder, if found. */
    public static Optional<Path> root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus")) || Files.isDirectory(candidate.resolve("docs"))) {
                return Optional.of(candidate);
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /** A file below the shared folder, if present. */
    public static Optional<Path> file(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::exists);
    }
}
