package org.portmortem.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.portmortem.testing.SharedFolder;

/**
 * Finds the shared test corpus ({@code ../shared/corpus} beside the repository root) by walking up
 * from the working directory. Tests skip with a visible reason when it is absent, as in a fresh
 * clone.
 */
public final class SharedCorpus {
    private SharedCorpus() {}

    /** The corpus folder, if found. */
    public static Optional<Path> root() {
        return SharedFolder.required()
                ? Optional.of(SharedFolder.corpus())
                : SharedFolder.find().map(s -> s.resolve("corpus"));
    }

    /** Every regf file under hives/ whose name says SYSTEM (any case), transaction logs excluded. */
    public static List<Path> systemHives() throws IOException {
        Optional<Path> root = root();
        if (root.isEmpty()) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root.get().resolve("hives"))) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        return n.contains("system") && !n.contains(".log");
                    })
                    .filter(SharedCorpus::isRegf)
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static boolean isRegf(Path p) {
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(4);
            return new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("regf");
        } catch (IOException e) {
            return false;
        }
    }
}
