package org.portmortem.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.Properties;
import org.portmortem.InputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code portmortem} command: one subcommand per job. Errors in the inputs end with one line on
 * stderr and exit code 3; {@code --debug} adds the stack trace.
 */
@Command(
        name = "portmortem",
        mixinStandardHelpOptions = true,
        versionProvider = PortMortemCommand.Version.class,
        description = "Predicts, from the SYSTEM and SOFTWARE hives of a Windows image, which network services"
                + " and RPC endpoints would listen at boot, compares that with netstat snapshots, and reports"
                + " the exposures with their evidence and remediation.",
        subcommands = {
            AnalyzeCommand.class,
            DemoCommand.class,
            SystemCommand.class,
            ServicesCommand.class,
            ListenersCommand.class,
            RpcCommand.class,
            NetstatCommand.class,
            RipCommand.class,
            DumpCommand.class,
            ConvertCommand.class,
            ImageCommand.class,
            DiffCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  findings at or above the --fail-on severity (analyze)",
            "  2  usage error",
            "  3  an input is missing, unreadable or not what it claims to be",
        })
public final class PortMortemCommand {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace as well as the one-line message.")
    boolean debug;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line in-process and returns its exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured picocli command line, for running in-process with captured output. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new PortMortemCommand());
        cl.setExitCodeExceptionMapper(PortMortemCommand::exitCodeFor);
        cl.setExecutionStrategy(PortMortemCommand::executeThenClose);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("portmortem: " + oneLine(ex));
            if (parseResult.hasMatchedOption("--debug")) {
                ex.printStackTrace(err);
            }
            err.flush();
            return exitCodeFor(ex);
        });
        return cl;
    }

    /**
     * Runs the command, then closes the mixins that hold resources (the temporary folder a disk image's
     * hives were copied to), whether the command succeeded or not.
     */
    private static int executeThenClose(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } finally {
            for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
                for (CommandLine.Model.CommandSpec mixin : p.commandSpec().mixins().values()) {
                    if (mixin.userObject() instanceof AutoCloseable c) {
                        try {
                            c.close();
                        } catch (Exception ignored) {
                            // closing removes temporary copies; a failure leaves them in the owner-only folder
                        }
                    }
                }
            }
        }
    }

    static int exitCodeFor(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof InputException || t instanceof NoSuchFileException || t instanceof AccessDeniedException
                || t instanceof IOException) {
            return ExitCode.BAD_INPUT;
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.BAD_INPUT;
    }

    static String oneLine(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        String m = t.getMessage();
        if (t instanceof NoSuchFileException) {
            m = m + ": no such file";
        } else if (t instanceof AccessDeniedException) {
            m = m + ": permission denied";
        } else if (!(t instanceof InputException)) {
            m = t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
        }
        return m == null ? t.getClass().getSimpleName() : m.replaceAll("[\\r\\n]+", " ");
    }

    /** Reads the version that Maven wrote into the jar. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"portmortem " + version()};
        }
    }

    /** The tool version, as built. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = PortMortemCommand.class.getResourceAsStream("/portmortem-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
