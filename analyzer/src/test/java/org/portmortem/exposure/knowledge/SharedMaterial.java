package org.portmortem.exposure.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.portmortem.testing.SharedFolder;

/** Finds the read-only shared material ({@code shared/}) beside the repository, walking up from the working folder. */
public final class SharedMaterial {
    private SharedMaterial() {}

    /** The shared folder, if found. */
    public static Optional<Path> root() {
        return SharedFolder.required() ? Optional.of(SharedFolder.corpus().getParent()) : SharedFolder.find();
    }

    /** A file below the shared folder, if present. */
    public static Optional<Path> file(String relative) {
        return root().map(r -> r.resolve(relative)).filter(Files::exists);
    }
}
