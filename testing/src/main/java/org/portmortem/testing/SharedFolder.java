package org.portmortem.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one way tests find the project's read-only shared material: the {@code shared/} folder beside
 * the repository ({@code ../shared}: the corpus of real hives and listings, the docs, the seed paper).
 *
 * <p>Tests that cross-check against the corpus are skipped, with the reason shown, in a clone without
 * it. Under CI ({@code CI=true}) the folder is always laid beside the clone, so a missing corpus or a
 * missing corpus file fails the run instead: a green CI must mean the cross-checks ran.
 */
public final class SharedFolder {
    private SharedFolder() {}

    /** Whether missing shared material fails the test rather than skipping it. */
    public static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The {@code shared/} folder: the first {@code shared} sibling holding a corpus, walking up from the working folder. */
    public static Optional<Path> find() {
        for (Path d = Path.of("").toAbsolutePath(); d != null && d.getParent() != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared");
            if (Files.isDirectory(candidate.resolve("corpus"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A path below {@code shared/} if it exists. */
    public static Optional<Path> find(String relative) {
        return find().map(s -> s.resolve(relative)).filter(Files::exists);
    }

    /** {@code shared/corpus}; the test is skipped without it (fails under CI). */
    public static Path corpus() {
        Optional<Path> shared = find();
        need(shared.isPresent(), "the shared corpus (../shared/corpus beside the repository) is absent");
        return shared.get().resolve("corpus");
    }

    /** A file or folder below {@code shared/corpus}; the test is skipped without it (fails under CI). */
    public static Path corpus(String relative) {
        Path p = corpus().resolve(relative);
        need(Files.exists(p), "corpus file " + p + " is absent");
        return p;
    }

    /** A file or folder below {@code shared/} (docs, seed); the test is skipped without it (fails under CI). */
    public static Path file(String relative) {
        Optional<Path> p = find(relative);
        need(p.isPresent(), "shared/" + relative + " is absent beside the repository");
        return p.get();
    }

    private static void need(boolean present, String what) {
        if (present) {
            return;
        }
        if (required()) {
            fail(what + " (CI=true: the shared material must be present)");
        }
        assumeTrue(false, what + "; test skipped");
    }
}
