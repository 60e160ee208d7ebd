package org.portmortem.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;
import org.portmortem.InputException;

/**
 * The seeded mutation loop the reader fuzz tests share (Jazzer needs a native agent; a fixed seed
 * and a fixed count keep CI reproducible and its time bounded): each input is read under its own
 * preemptive time limit, and must end with a result or the reader's one-line
 * {@link InputException}, never another throwable and never a hang. A failing input is kept under
 * {@code target/fuzz-failures/} so it can be committed as a regression file.
 */
public final class FuzzLoop {
    /** Far above what any seed or mutant needs (milliseconds); only a hang reaches it. */
    public static final Duration PER_INPUT = Duration.ofSeconds(20);

    /** Text fragments that the text readers treat specially, spliced into text mutants. */
    private static final List<String> TEXT_TOKENS = List.of(
            "\r\n",
            "\n",
            "\r",
            "\0",
            "[",
            "]",
            "\"",
            "\\",
            "=",
            "-",
            "@=",
            "hex:",
            "hex(7):",
            "hex(2):",
            "hex(b):",
            "dword:",
            "dword:ffffffff",
            ",\\\r\n  ",
            ":",
            "::",
            "0.0.0.0:",
            "[::]:",
            "*:*",
            "TCP",
            "UDP",
            "LISTENING",
            "LISTEN",
            "65535",
            "65536",
            "-1",
            "99999999999999999999",
            "\t",
            ",",
            "\"\"",
            "'",
            "\u00ff\u00fe",
            "\u00ef\u00bb\u00bf",
            "Image Name",
            "PID",
            "Proto",
            "LocalPort",
            "[HKEY_LOCAL_MACHINE\\SYSTEM\\",
            "[-HKEY_LOCAL_MACHINE\\SYSTEM\\",
            "Windows Registry Editor Version 5.00",
            "REGEDIT4",
            "\u001b[31m",
            "\u202e",
            "N/A",
            "[System Process]",
            "svchost.exe",
            "       ");

    /** The loop's seed: {@code -Dportmortem.fuzz.seed=N} explores beyond CI's fixed one. */
    public static long seed(long ciSeed) {
        return Long.getLong("portmortem.fuzz.seed", ciSeed);
    }

    /** The number of mutants: {@code -Dportmortem.fuzz.scale=N} multiplies CI's count for a longer run. */
    public static int mutants(int ciCount) {
        return ciCount * Integer.getInteger("portmortem.fuzz.scale", 1);
    }

    /** What reading one input does; any return is a result. */
    @FunctionalInterface
    public interface Reader {
        void read(Path input) throws Exception;
    }

    private final Path work;
    private final Duration perInput;
    private final List<String> failures = new ArrayList<>();
    private int results;
    private int refusals;

    public FuzzLoop(Path work) {
        this(work, PER_INPUT);
    }

    public FuzzLoop(Path work, Duration perInput) {
        this.work = work;
        this.perInput = perInput;
    }

    /**
     * Reads one input. {@code label} says how to make it again (seed file, iteration); on a failure
     * the input's folder is copied to {@code target/fuzz-failures/label}.
     */
    public void check(String label, Path input, Reader reader) {
        String problem;
        try {
            problem = assertTimeoutPreemptively(perInput, () -> {
                try {
                    reader.read(input);
                    results++;
                    return null;
                } catch (InputException e) {
                    refusals++;
                    String m = e.getMessage();
                    return m.contains("\n") || m.contains("\r") ? "refusal of more than one line: " + m : null;
                } catch (Throwable t) {
                    return describe(t);
                }
            });
        } catch (AssertionFailedError timeout) {
            problem = "no result within " + perInput.toSeconds() + " s (hang)";
        }
        if (problem != null) {
            failures.add(label + ": " + problem);
            keep(label, input);
        }
    }

    private static String describe(Throwable t) {
        StackTraceElement[] at = t.getStackTrace();
        return t + (at.length > 0 ? " at " + at[0] : "");
    }

    private static void keep(String label, Path input) {
        try {
            Path to = Files.createDirectories(Path.of("target", "fuzz-failures", label.replaceAll("[^\\w.-]+", "_")));
            Path from = Files.isDirectory(input) ? input : input.getParent();
            try (Stream<Path> s = Files.list(from)) {
                for (Path p : s.filter(Files::isRegularFile).toList()) {
                    Files.copy(p, to.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh folder for one input. */
    public Path folder(String name) throws IOException {
        return Files.createDirectories(work.resolve(name.replaceAll("[^\\w.-]+", "_")));
    }

    /** Failures so far, one line each: what was read and what came out. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** Inputs that gave a result. */
    public int results() {
        return results;
    }

    /** Inputs the reader refused in one line. */
    public int refusals() {
        return refusals;
    }

    /**
     * A text mutant: 1 to 4 of byte flips, token insertions, range deletions and duplications, a
     * splice from another seed, or a truncation, at the byte level so encodings are damaged too.
     */
    public static byte[] mutateText(byte[] original, List<byte[]> others, Random random) {
        byte[] b = original.clone();
        int steps = 1 + random.nextInt(4);
        for (int s = 0; s < steps && b.length > 0; s++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> {
                    String token = TEXT_TOKENS.get(random.nextInt(TEXT_TOKENS.size()));
                    byte[] t = token.getBytes(
                            random.nextInt(4) == 0 ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
                    b = insert(b, at, t);
                }
                case 2 -> {
                    int end = Math.min(b.length, at + 1 + random.nextInt(200));
                    b = concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, end, b.length));
                }
                case 3 -> {
                    int end = Math.min(b.length, at + 1 + random.nextInt(400));
                    byte[] piece = Arrays.copyOfRange(b, at, end);
                    int times = 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 3);
                    for (int i = 0; i < times && b.length < 4 << 20; i++) {
                        b = insert(b, at, piece);
                    }
                }
                case 4 -> {
                    byte[] other = others.get(random.nextInt(others.size()));
                    if (other.length > 0) {
                        int from = random.nextInt(other.length);
                        int end = Math.min(other.length, from + 1 + random.nextInt(600));
                        b = insert(b, at, Arrays.copyOfRange(other, from, end));
                    }
                }
                case 5 -> b = Arrays.copyOf(b, at);
                default -> {
                    for (int k = 1 + random.nextInt(8); k > 0; k--) {
                        int i = random.nextInt(b.length);
                        b[i] ^= (byte) (1 << random.nextInt(8));
                    }
                }
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        byte[] out = new byte[b.length + piece.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(piece, 0, out, at, piece.length);
        System.arraycopy(b, at, out, at + piece.length, b.length - at);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return insert(a, a.length, b);
    }

    /** The repository's {@code fixtures/} folder, found by walking up from the working directory. */
    public static Path fixtures() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isDirectory(d.resolve("fixtures").resolve("winxp-default"))) {
                return d.resolve("fixtures");
            }
        }
        throw new IllegalStateException("the repository's fixtures/ folder was not found above "
                + Path.of("").toAbsolutePath());
    }

    /** A folder of the shared corpus ({@code ../shared/corpus/RELATIVE}), when present: the loop runs without it. */
    public static Optional<Path> corpus(String relative) {
        for (Path d = Path.of("").toAbsolutePath(); d.getParent() != null; d = d.getParent()) {
            Path candidate = d.resolveSibling("shared").resolve("corpus").resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Regular files below a folder whose names match, sorted so the loop is reproducible; none if it is absent. */
    public static List<Path> files(Path folder, String nameRegex) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(nameRegex))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of each file. */
    public static List<byte[]> bytes(List<Path> files) {
        List<byte[]> out = new ArrayList<>();
        for (Path p : files) {
            try {
                out.add(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
