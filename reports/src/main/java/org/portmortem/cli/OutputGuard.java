package org.portmortem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.portmortem.cases.CaseFiles;

/**
 * Refuses an output path that would replace one of the command's inputs: evidence is never written
 * over. Every subcommand that writes a file names its inputs here (hives with the transaction logs
 * beside them, overlays, snapshot listings) and checks each output before anything is written.
 *
 * <p>An output clashes with an input when, after resolving symbolic links, both name the same path,
 * or when both exist and are the same file ({@link Files#isSameFile}: a hard link, a path that
 * differs only in case on a case-insensitive file system). An output named like a transaction log
 * of an input hive ({@code HIVE.LOG}, {@code .LOG1}, {@code .LOG2}, any case, beside it) clashes
 * too, even when absent: the next run would replay it into the hive. Two outputs that are the same
 * file clash with each other.
 */
final class OutputGuard {
    private static final List<String> LOG_SUFFIXES = List.of(".log", ".log1", ".log2");

    /** An output that would replace an input; a usage error (exit 2), one line naming both paths. */
    static final class Clash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Clash(String message) {
            super(message, null, false, false);
        }
    }

    private final List<Path> inputs = new ArrayList<>();
    private final List<Path> hives = new ArrayList<>();

    /** Adds input files (overlays, listings, a .reg file); null entries are ignored. */
    OutputGuard input(Path... files) {
        for (Path p : files) {
            if (p != null) {
                inputs.add(p);
            }
        }
        return this;
    }

    /** Adds input files from a list. */
    OutputGuard inputs(List<Path> files) {
        return input(files.toArray(Path[]::new));
    }

    /** Adds a hive file and every transaction log beside it (the reader may replay them). */
    OutputGuard hive(Path hive) throws IOException {
        if (hive == null) {
            return this;
        }
        inputs.add(hive);
        hives.add(hive);
        if (Files.isRegularFile(hive)) {
            inputs.addAll(CaseFiles.logsOf(hive));
        }
        return this;
    }

    /** Adds the hives of a case with their logs. */
    OutputGuard caseFiles(CaseFiles files) throws IOException {
        hive(files.system());
        return hive(files.software());
    }

    /**
     * Checks the outputs (null entries ignored) against every input and against each other.
     *
     * @throws Clash naming the output and the input it would replace
     */
    void check(Path... outputs) throws IOException {
        List<Path> checked = new ArrayList<>();
        for (Path out : outputs) {
            if (out == null) {
                continue;
            }
            for (Path in : inputs) {
                if (same(out, in)) {
                    throw new Clash(out + ": is the input " + in
                            + "; evidence is never written over, choose another output path");
                }
            }
            for (Path hive : hives) {
                if (isLogNameOf(out, hive)) {
                    throw new Clash(out + ": is named as a transaction log of the input hive " + hive
                            + ", which a later run would replay; choose another output path");
                }
            }
            for (Path earlier : checked) {
                if (same(out, earlier)) {
                    throw new Clash(out + ": is also the output " + earlier + "; give each output its own path");
                }
            }
            checked.add(out);
        }
    }

    /** Whether writing {@code a} would write {@code b}: same resolved path, or the same existing file. */
    static boolean same(Path a, Path b) throws IOException {
        if (resolved(a).equals(resolved(b))) {
            return true;
        }
        return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    }

    private static boolean isLogNameOf(Path out, Path hive) throws IOException {
        Path o = resolved(out);
        Path h = resolved(hive);
        if (o.getParent() == null || h.getFileName() == null || !o.getParent().equals(h.getParent())) {
            return false;
        }
        String name = String.valueOf(o.getFileName()).toLowerCase(Locale.ROOT);
        String base = String.valueOf(h.getFileName()).toLowerCase(Locale.ROOT);
        return LOG_SUFFIXES.stream().anyMatch(s -> name.equals(base + s));
    }

    /**
     * The path a write would reach: links followed to the end (also a link to a file not yet there),
     * else the real path of the nearest existing folder with the rest appended.
     */
    static Path resolved(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(abs); hops++) {
            Path target = Files.readSymbolicLink(abs);
            abs = abs.resolveSibling(target).toAbsolutePath().normalize();
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            return abs.toRealPath();
        }
        Path parent = abs.getParent();
        if (parent != null && Files.exists(parent)) {
            return parent.toRealPath().resolve(abs.getFileName());
        }
        return abs;
    }
}
