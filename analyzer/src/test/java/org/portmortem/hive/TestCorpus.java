package org.portmortem.hive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portmortem.testing.SharedFolder;

/**
 * The shared corpus of real hives at {@code ../shared/corpus} beside the repository. Tests that use
 * it are skipped, with the reason shown, when it is absent (a fresh clone does not have it).
 */
public final class TestCorpus {
    private TestCorpus() {}

    /** The corpus folder, found by walking up from the working directory; the test is skipped without it. */
    public static Path root() {
        return SharedFolder.corpus();
    }

    /** A file under {@code corpus/hives}; the test is skipped if it is missing. */
    public static Path hive(String relative) {
        return SharedFolder.corpus("hives/" + relative);
    }

    /** Every file under {@code corpus/hives}, sorted. */
    public static List<Path> allHiveFiles() {
        try (Stream<Path> s = Files.walk(root().resolve("hives"))) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the file starts with the regf signature and its base block says "primary file" (file type 0). */
    public static boolean isPrimaryRegf(Path p) {
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(32);
            return head.length == 32
                    && head[0] == 'r'
                    && head[1] == 'e'
                    && head[2] == 'g'
                    && head[3] == 'f'
                    && head[28] == 0
                    && head[29] == 0
                    && head[30] == 0
                    && head[31] == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
