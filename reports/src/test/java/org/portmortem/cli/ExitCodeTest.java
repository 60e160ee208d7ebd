package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Exit codes are the same for every subcommand: 2 usage, 3 bad input (one line naming the file),
 * 4 internal error or out of memory (one line, never a Java class name); {@code --debug} anywhere
 * adds the stack trace.
 */
class ExitCodeTest {
    @TempDir
    Path dir;

    private final Path xp = Fixtures.folder("winxp-default");

    /** A subcommand that fails the way a bug does. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @CommandLine.Parameters(index = "0")
        String how;

        @Override
        public Integer call() {
            if (how.equals("oom")) {
                throw new OutOfMemoryError("Java heap space");
            }
            if (how.equals("overflow")) {
                throw new StackOverflowError();
            }
            throw new IllegalStateException("wrapped java.lang.NullPointerException: x is null");
        }
    }

    private static CommandRun withFailing(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PortMortemCommand.commandLine().addSubcommand("fail", new Failing());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }

    @Test
    void aBugExitsFourWithOneLineThatNamesNoJavaClass() {
        CommandRun r = withFailing("fail", "bug");
        assertThat(r.exit()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(r.err().lines().toList())
                .containsExactly("portmortem: internal error: illegal state (wrapped null"
                        + " pointer: x is null); this is a bug; run again with --debug for the stack trace");
    }

    @Test
    void outOfMemoryExitsFourWithTheHeapHint() {
        CommandRun r = withFailing("fail", "oom");
        assertThat(r.exit()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(r.err().lines().toList())
                .singleElement()
                .asString()
                .contains("out of memory")
                .contains("PORTMORTEM_JAVA_OPTS=-Xmx4g")
                .doesNotContain("Error");
    }

    @Test
    void aStackOverflowIsAnInternalErrorToo() {
        CommandRun r = withFailing("fail", "overflow");
        assertThat(r.exit()).isEqualTo(ExitCode.INTERNAL_ERROR);
        assertThat(r.err()).startsWith("portmortem: internal error: stack overflow; this is a bug");
    }

    @Test
    void debugAfterTheSubcommandPrintsTheStackTrace() {
        assertThat(withFailing("fail", "bug", "--debug").err())
                .contains("java.lang.IllegalStateException")
                .contains("\tat org.portmortem.cli.ExitCodeTest$Failing.call");
        assertThat(withFailing("--debug", "fail", "bug").err())
                .contains("\tat org.portmortem.cli.ExitCodeTest$Failing.call");
        CommandRun missing =
                CommandRun.of("listeners", "--system", dir.resolve("nope").toString(), "--debug");
        assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err()).contains("\tat org.portmortem.cases.CaseFiles");
    }

    @Test
    void everyHelpListsTheInternalErrorCode() {
        for (String name : PortMortemCommand.commandLine().getSubcommands().keySet()) {
            if (!name.equals("help")) {
                assertThat(CommandRun.of(name, "--help").out()).as(name).contains("  4  internal error");
            }
        }
        assertThat(CommandRun.of("--help").out()).contains("  4  internal error");
    }

    private Path regf(String name, MemoryHive hive) throws IOException {
        return HiveWriter.write(hive, dir.resolve(name), Instant.parse("2020-01-01T00:00:00Z"))
                .file();
    }

    private Path ntuser() throws IOException {
        MemoryHive h = MemoryHive.empty("NTUSER.DAT", "ROOT");
        h.createKey("Software\\Microsoft");
        h.createKey("Control Panel\\Desktop");
        h.createKey("Environment");
        return regf("NTUSER.DAT", h);
    }

    private Path sam() throws IOException {
        MemoryHive h = MemoryHive.empty("SAM", "ROOT");
        h.createKey("SAM\\Domains\\Account\\Users");
        return regf("SAM", h);
    }

    private void assertRefusedNaming(CommandRun r, Path file, String kind) {
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().lines().toList())
                .singleElement()
                .asString()
                .contains(file.toString())
                .contains("is a " + kind + " hive")
                .doesNotContain("Exception");
    }

    @ParameterizedTest
    @ValueSource(strings = {"analyze", "listeners", "services", "system", "rpc"})
    void aSystemHiveGivenAsSoftwareIsRefusedNamingItsKind(String command) {
        Path system = xp.resolve("SYSTEM.reg");
        CommandRun r = command.equals("analyze")
                ? CommandRun.of(
                        command,
                        "--system",
                        system.toString(),
                        "--software",
                        system.toString(),
                        "-o",
                        dir.resolve("r.html").toString())
                : CommandRun.of(command, "--system", system.toString(), "--software", system.toString());
        assertRefusedNaming(r, system, "SYSTEM");
        assertThat(r.err()).contains("not a SOFTWARE hive; give it as --system");
    }

    @Test
    void anNtuserHiveGivenAsSoftwareIsRefused() throws IOException {
        Path ntuser = ntuser();
        assertRefusedNaming(
                CommandRun.of(
                        "listeners", "--system", xp.resolve("SYSTEM.reg").toString(), "--software", ntuser.toString()),
                ntuser,
                "NTUSER.DAT");
    }

    @Test
    void aSamHiveGivenAsSystemOrSoftwareIsRefused() throws IOException {
        Path sam = sam();
        assertRefusedNaming(CommandRun.of("services", "--system", sam.toString()), sam, "SAM");
        assertRefusedNaming(
                CommandRun.of(
                        "services", "--system", xp.resolve("SYSTEM.reg").toString(), "--software", sam.toString()),
                sam,
                "SAM");
    }

    @Test
    void aSoftwareHiveGivenAsSystemIsRefused() {
        Path software = xp.resolve("SOFTWARE.reg");
        assertRefusedNaming(CommandRun.of("system", "--system", software.toString()), software, "SOFTWARE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"listeners", "rpc", "services", "system"})
    void aSystemHiveWithoutProductTypeIsAnalysedWithAWarning(String command) throws IOException {
        Path system;
        try (Hive read = Hive.open(xp.resolve("SYSTEM.reg"))) {
            MemoryHive copy = MemoryHive.copyOf(read);
            assertThat(copy.deleteKey("ControlSet001\\Control\\ProductOptions")).isTrue();
            system = regf("SYSTEM", copy);
        }
        CommandRun r = CommandRun.of(command, "--system", system.toString());
        assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.OK);
        assertThat(r.out() + r.err()).doesNotContain("Exception");
        CommandRun analyze = CommandRun.of(
                "analyze",
                "--system",
                system.toString(),
                "-o",
                dir.resolve("r.html").toString());
        assertThat(analyze.exit()).as(analyze.err()).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(dir.resolve("r.html"))).contains("ProductType is missing");
    }

    @Test
    void convertOntoAFolderIsOneLineNamingItWithoutAJavaClassName() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("out").resolve("inner"));
        CommandRun r = CommandRun.of(
                "convert",
                "--force",
                xp.resolve("SYSTEM.reg").toString(),
                folder.getParent().toString());
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().lines().toList())
                .singleElement()
                .asString()
                .contains(folder.getParent().toString())
                .doesNotContain("Exception");
    }

    @Test
    void fileSystemErrorsWithoutAReasonArePutIntoWords() {
        assertThat(PortMortemCommand.oneLine(new java.nio.file.DirectoryNotEmptyException("/x/out")))
                .isEqualTo("/x/out: directory not empty");
        assertThat(PortMortemCommand.oneLine(new IOException("/x/out: is the file the hive was read from")))
                .isEqualTo("/x/out: is the file the hive was read from");
    }
}
