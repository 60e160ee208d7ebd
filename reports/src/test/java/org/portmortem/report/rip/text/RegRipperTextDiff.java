package org.portmortem.report.rip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;
import org.portmortem.ripper.HiveType;
import org.portmortem.testing.SharedFolder;

/**
 * Diffs {@code portmortem rip -r HIVE -p PLUGIN --no-logs --raw} (the hive's characters unescaped) against {@code regripper -r HIVE -p PLUGIN}
 * on the same file, line for line: the only lines allowed to differ are PortMortem's own, which start
 * {@code PortMortem:} and are dropped before the comparison, and those a test names as a RegRipper
 * bug, which it rewrites on RegRipper's side with the reason in its Javadoc.
 *
 * <p>The hives are every regf file of the shared corpus ({@code ../shared/corpus/hives}, transaction
 * logs excluded) whose content is of the plugin's hive type, and the reference systems'
 * {@code fixtures/NAME/SYSTEM.reg} and {@code SOFTWARE.reg} written as regf by {@link HiveWriter}, so
 * that both tools read one file. Both are read without log replay: RegRipper reads the primary file
 * alone.
 */
final class RegRipperTextDiff {
    static final Path REGRIPPER = Path.of("/usr/bin/regripper");
    private static final Map<HiveType, List<Path>> CORPUS = new EnumMap<>(HiveType.class);
    private static Path written;
    private static boolean scanned;

    private RegRipperTextDiff() {}

    /** The shared corpus's hives folder, if present beside the repository. */
    static Optional<Path> corpusHives() {
        return SharedFolder.required() ? Optional.of(SharedFolder.corpus("hives")) : SharedFolder.find("corpus/hives");
    }

    /** Every regf file of the corpus whose content is of that hive type, in path order. */
    static synchronized List<Path> corpusHives(HiveType type) {
        if (!scanned) {
            scanned = true;
            Optional<Path> root = corpusHives();
            if (root.isPresent()) {
                try (Stream<Path> s = Files.walk(root.get())) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        if (!n.contains(".log") && isRegf(p)) {
                            typeOf(p)
                                    .ifPresent(t -> CORPUS.computeIfAbsent(t, k -> new ArrayList<>())
                                            .add(p));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return CORPUS.getOrDefault(type, List.of());
    }

    private static Optional<HiveType> typeOf(Path p) {
        try (Hive h = Hive.open(p, HiveOpenOptions.NO_LOGS)) {
            return Optional.of(HiveType.of(h));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a file our reader refuses is not one to diff on
        }
    }

    private static boolean isRegf(Path p) {
        try (var in = Files.newInputStream(p)) {
            return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("regf");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A reference system's export ({@code fixtures/SYSTEM_NAME/HIVE.reg}, HIVE being SYSTEM or SOFTWARE)
     * written as a regf file whose keys were all last written at 2002-06-01 12:00:00Z.
     */
    static Path writtenFixture(String system, String hive) {
        return writtenHive(
                system + "-" + hive, () -> Hive.open(Fixtures.folder(system).resolve(hive + ".reg")));
    }

    /** Builds a hive in memory (or opens one); {@link #writtenHive} writes it. */
    @FunctionalInterface
    interface HiveSource {
        /** The hive to write; it is closed once written. */
        Hive open() throws IOException;
    }

    /**
     * A hive a test builds, for layouts no corpus hive or reference system shows, written once per run
     * as a regf file named {@code NAME} in a temporary folder, so that both tools read one file. Keys
     * without a last-write time of their own get 2002-06-01 12:00:00Z; a test that diffs a time
     * RegRipper prints gives that key a time off the whole second, since Parse::Win32Registry converts
     * FILETIMEs in floating point and prints a whole second one second early.
     */
    static synchronized Path writtenHive(String name, HiveSource source) {
        try {
            if (written == null) {
                written = Files.createTempDirectory("portmortem-rr-text");
                written.toFile().deleteOnExit();
            }
            Path out = written.resolve(name);
            if (!Files.exists(out)) {
                try (Hive h = source.open()) {
                    HiveWriter.write(h, out, Instant.parse("2002-06-01T12:00:00Z"));
                }
                out.toFile().deleteOnExit();
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reference systems' hives of that type, written as regf. */
    static List<Path> writtenFixtures(HiveType type) {
        String hive = type == HiveType.SYSTEM ? "SYSTEM" : type == HiveType.SOFTWARE ? "SOFTWARE" : null;
        if (hive == null) {
            return List.of();
        }
        return List.of(writtenFixture("win2000-server-default", hive), writtenFixture("winxp-default", hive));
    }

    /**
     * A hive built in memory (e.g. a reference system's hive with keys added) written as the regf
     * file {@code NAME} in the harness's temporary folder, as {@link #writtenHive}.
     */
    static Path written(String name, Hive hive) {
        return writtenHive(name, () -> hive);
    }

    /**
     * A reference system's export ({@code fixtures/SYSTEM_NAME/HIVE.reg}) changed by {@code edit} and written
     * as regf like {@link #writtenFixture}, so that a plugin's text is diffed with data the fixtures lack (or
     * with keys they have removed). The file is named {@code SYSTEM_NAME-HIVE-VARIANT}; a variant name stands
     * for one edit.
     */
    static Path writtenVariant(String system, String hive, String variant, Consumer<MemoryHive> edit) {
        return writtenHive(system + "-" + hive + "-" + variant, () -> {
            try (Hive h = Hive.open(Fixtures.folder(system).resolve(hive + ".reg"))) {
                MemoryHive m = MemoryHive.copyOf(h);
                edit.accept(m);
                return m;
            }
        });
    }

    /** What is diffed: our text with RegRipper's {@code PLUGIN}, or our {@code --format tln} with its {@code PLUGIN_tln}. */
    enum Output {
        /** {@code rip -p PLUGIN} against {@code regripper -p PLUGIN}. */
        TEXT,
        /** {@code rip -p PLUGIN --format tln} against {@code regripper -p PLUGIN_tln}. */
        TLN
    }

    /**
     * A rewrite of RegRipper's output for a RegRipper bug we do not reproduce; it may read the hive
     * RegRipper read, e.g. to put back a value RegRipper printed wrongly.
     */
    @FunctionalInterface
    interface HiveRewrite {
        /** RegRipper's text for the hive, rewritten. */
        String apply(Path hive, String regRipperText) throws Exception;

        /** A rewrite of the text alone. */
        static HiveRewrite of(UnaryOperator<String> rewrite) {
            return (hive, text) -> rewrite.apply(text);
        }
    }

    /**
     * One dynamic test per hive of the plugin's type (corpus and written fixtures), each asserting that
     * our text equals RegRipper's once {@code theirs} has rewritten RegRipper's known bugs; a single
     * skipped test with the reason when regripper is not installed.
     */
    static Stream<DynamicTest> onEveryHive(HiveType type, String plugin, UnaryOperator<String> theirs) {
        return onEveryHive(type, plugin, Output.TEXT, theirs, List.of());
    }

    /**
     * As {@link #onEveryHive(HiveType, String, UnaryOperator)}, and on these hives too (e.g. hives
     * {@link #written(String, Hive) written} to hold what the corpus lacks).
     */
    static Stream<DynamicTest> onEveryHive(
            HiveType type, String plugin, UnaryOperator<String> theirs, List<Path> alsoOn) {
        return onEveryHive(type, plugin, Output.TEXT, theirs, alsoOn);
    }

    /** As {@link #onEveryHive(HiveType, String, UnaryOperator)}, with a rewrite that reads the hive. */
    static Stream<DynamicTest> onEveryHive(HiveType type, String plugin, HiveRewrite theirs) {
        return forEveryHive(type, plugin, List.of(), h -> assertSame(h, plugin, Output.TEXT, theirs));
    }

    /**
     * As {@link #onEveryHive(HiveType, String, UnaryOperator)}, diffing the given output, on the corpus
     * hives and written fixtures of that type and then on {@code written}, hives the test built (see
     * {@link #writtenHive}) to show what those lack.
     */
    static Stream<DynamicTest> onEveryHive(
            HiveType type, String plugin, Output output, UnaryOperator<String> theirs, List<Path> written) {
        String label = plugin + (output == Output.TLN ? " --format tln" : "");
        return forEveryHive(type, label, written, h -> assertSame(h, plugin, output, HiveRewrite.of(theirs)));
    }

    /**
     * One dynamic test per hive of that type (corpus and written fixtures), named after {@code label} and
     * the hive, running {@code check} on the hive's path; a single skipped test with the reason when
     * regripper is not installed, and one when the corpus is absent.
     */
    static Stream<DynamicTest> forEveryHive(HiveType type, String label, ThrowingConsumer<Path> check) {
        return forEveryHive(type, label, List.of(), check);
    }

    private static Stream<DynamicTest> forEveryHive(
            HiveType type, String label, List<Path> written, ThrowingConsumer<Path> check) {
        if (!Files.isExecutable(REGRIPPER)) {
            return Stream.of(DynamicTest.dynamicTest(
                    label + ": skipped",
                    () -> assumeTrue(false, "regripper is not installed (Debian package regripper)")));
        }
        List<DynamicTest> tests = new ArrayList<>();
        if (corpusHives().isEmpty()) {
            tests.add(DynamicTest.dynamicTest(
                    label + " on the corpus: skipped",
                    () -> assumeTrue(false, "shared corpus not found beside the repository (../shared/corpus)")));
        }
        for (Path h : Stream.of(corpusHives(type), writtenFixtures(type), written)
                .flatMap(List::stream)
                .toList()) {
            tests.add(DynamicTest.dynamicTest(
                    label + " on " + h.getParent().getFileName() + "/" + h.getFileName(), () -> check.accept(h)));
        }
        return tests.stream();
    }

    /**
     * One dynamic test per hive given (e.g. {@link #writtenVariant written variants}), each asserting that our
     * text for the plugin equals RegRipper's once {@code theirs} has rewritten RegRipper's known bugs; a single
     * skipped test with the reason when regripper is not installed.
     */
    static Stream<DynamicTest> onHives(List<Path> hives, String plugin, UnaryOperator<String> theirs) {
        if (!Files.isExecutable(REGRIPPER)) {
            return Stream.of(DynamicTest.dynamicTest(
                    plugin + ": skipped",
                    () -> assumeTrue(false, "regripper is not installed (Debian package regripper)")));
        }
        return hives.stream()
                .map(h -> DynamicTest.dynamicTest(
                        plugin + " on " + h.getParent().getFileName() + "/" + h.getFileName(),
                        () -> assertSame(h, plugin, Output.TEXT, HiveRewrite.of(theirs))));
    }

    /** Asserts that our text for the plugin equals RegRipper's, after {@code theirs} rewrites its known bugs. */
    static void assertSameText(Path hive, String plugin, UnaryOperator<String> theirs) throws Exception {
        assertSame(hive, plugin, Output.TEXT, HiveRewrite.of(theirs));
    }

    /** As {@link #assertSameText(Path, String, UnaryOperator)}, with a rewrite that reads the hive. */
    static void assertSameText(Path hive, String plugin, HiveRewrite theirs) throws Exception {
        assertSame(hive, plugin, Output.TEXT, theirs);
    }

    /** Asserts that our output for the plugin equals RegRipper's, after {@code theirs} rewrites its known bugs. */
    static void assertSame(Path hive, String plugin, Output output, UnaryOperator<String> theirs) throws Exception {
        assertSame(hive, plugin, output, HiveRewrite.of(theirs));
    }

    /** As {@link #assertSame(Path, String, Output, UnaryOperator)}, with a rewrite that reads the hive. */
    static void assertSame(Path hive, String plugin, Output output, HiveRewrite theirs) throws Exception {
        boolean tln = output == Output.TLN;
        String expected = theirs.apply(hive, regRipper(hive, tln ? plugin + "_tln" : plugin));
        String actual = tln ? ours(hive, plugin, "--format", "tln") : ours(hive, plugin);
        assertThat(actual)
                .as(
                        "portmortem rip -p %s%s vs regripper on %s; first difference: %s",
                        plugin, tln ? " --format tln" : "", hive, firstDifference(expected, actual))
                .isEqualTo(expected);
    }

    /** What {@code regripper -r HIVE -p PLUGIN} prints on standard output (its log goes to standard error). */
    static String regRipper(Path hive, String plugin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(REGRIPPER.toString(), "-r", hive.toString(), "-p", plugin)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("regripper -p " + plugin + " did not finish on " + hive);
        }
        return perlText(out);
    }

    /**
     * Perl prints a line whose characters all fit in a byte as Latin-1 and any other line as UTF-8
     * (with a "Wide character" warning), so each line is decoded as UTF-8 where it is valid UTF-8
     * and as Latin-1 otherwise.
     */
    static String perlText(byte[] out) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= out.length; i++) {
            if (i == out.length || out[i] == '\n') {
                byte[] line = java.util.Arrays.copyOfRange(out, start, i);
                lines.add(decode(line));
                start = i + 1;
            }
        }
        return String.join("\n", lines);
    }

    private static String decode(byte[] line) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(line))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(line, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * What {@code portmortem rip -r HIVE -p PLUGIN --no-logs --raw [OPTIONS]} prints, its {@code PortMortem:} lines
     * dropped.
     */
    static String ours(Path hive, String plugin, String... options) {
        List<String> args = new ArrayList<>(List.of("rip", "-r", hive.toString(), "-p", plugin, "--no-logs", "--raw"));
        args.addAll(List.of(options));
        CommandRun r = CommandRun.of(args.toArray(String[]::new));
        assertThat(r.exit())
                .as("portmortem rip -p %s on %s: %s", plugin, hive, r.err())
                .isZero();
        // split at \n alone, as perlText does: a value's carriage return stays in its line
        return java.util.Arrays.stream(r.out().split("\n", -1))
                .filter(l -> !l.startsWith("PortMortem:"))
                .collect(Collectors.joining("\n"));
    }

    private static String firstDifference(String expected, String actual) {
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        for (int i = 0; i < Math.max(e.size(), a.size()); i++) {
            String x = i < e.size() ? e.get(i) : "<end>";
            String y = i < a.size() ? a.get(i) : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": regripper [" + x + "] portmortem [" + y + "]";
            }
        }
        return expected.length() == actual.length() ? "none" : "line endings";
    }
}
