package org.portmortem.report;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code fixtures/} folder, found by walking up from the working directory. */
public final class Fixtures {
    private Fixtures() {}

    /** {@code fixtures/NAME} of the repository. */
    public static Path folder(String name) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures").resolve(name))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException(
                    "fixtures/" + name + " not found above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("fixtures").resolve(name);
    }
}
