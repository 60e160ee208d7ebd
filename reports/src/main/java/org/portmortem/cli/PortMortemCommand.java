package org.portmortem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.report.text.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code portmortem} command: one subcommand per job. Errors in the inputs end with one line on
 * stderr and exit code 3, a bug (any other throwable) with one "internal error" line and exit code
 * 4, out of memory with one line naming the heap option and exit code 4; {@code --debug}, anywhere
 * on the command line, adds the stack trace.
 *
 * <p>Every command says {@code addMethodSubcommands = false}: no command has subcommand methods, and
 * without it picocli looks for them by reflection over every method of the class on each run.
 */
@Command(
        addMethodSubcommands = false,
        name = "portmortem",
        mixinStandardHelpOptions = true,
        versionProvider = PortMortemCommand.Version.class,
        description = "Predicts, from the SYSTEM and SOFTWARE hives of a Windows image, which network services"
                + " and RPC endpoints would listen at boot, compares that with netstat snapshots, and reports"
                + " the exposures with their evidence and remediation.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  success",
            "  1  findings at or above the --fail-on severity (analyze)",
            "  2  usage error",
            "  3  an input is missing, unreadable or not what it claims to be",
            "  4  internal error (a bug; --debug shows the stack trace) or out of memory",
        })
public final class PortMortemCommand {

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace as well as the one-line message.")
    boolean debug;

    /** The same as {@link Main#main}, for callers that name this class. */
    public static void main(String[] args) {
        Main.main(args);
    }

    /**
     * The subcommands, in the order help lists them. Building a subcommand's picocli model reads its
     * annotations by reflection, the larger part of start-up: a run builds only the one it names.
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "analyze", AnalyzeCommand.class,
            "demo", DemoCommand.class,
            "system", SystemCommand.class,
            "services", ServicesCommand.class,
            "listeners", ListenersCommand.class,
            "rpc", RpcCommand.class,
            "netstat", NetstatCommand.class,
            "rip", RipCommand.class,
            "dump", DumpCommand.class,
            "convert", ConvertCommand.class,
            "image", ImageCommand.class,
            "diff", DiffCommand.class,
            "fleet", FleetCommand.class,
            "help", CommandLine.HelpCommand.class);

    /** Runs the command line in-process and returns its exit code. */
    public static int run(String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(StandardOutput.create());
        return cl.execute(args);
    }

    /** The configured picocli command line with every subcommand, for running in-process with captured output. */
    public static CommandLine commandLine() {
        return configured(SUBCOMMANDS.values());
    }

    /**
     * The command line for these arguments: only the subcommand they name when they name a known one,
     * none for {@code --version} alone, every one otherwise (help, a typo to suggest a name for).
     */
    public static CommandLine commandLine(String... args) {
        String named = null;
        boolean versionOnly = false;
        for (String a : args) {
            if (a.equals("-V") || a.equals("--version")) {
                versionOnly = true;
            } else if (!a.startsWith("-")) {
                named = a;
                break;
            } else if (!a.equals("--debug")) {
                versionOnly = false;
                break;
            }
        }
        if (named != null && SUBCOMMANDS.containsKey(named) && !named.equals("help")) {
            return configured(List.of(SUBCOMMANDS.get(named)));
        }
        return configured(named == null && versionOnly ? List.of() : SUBCOMMANDS.values());
    }

    private static CommandLine configured(Collection<Class<?>> subcommands) {
        CommandLine cl = new CommandLine(new PortMortemCommand());
        for (Class<?> c : subcommands) {
            cl.addSubcommand(c);
        }
        cl.setExitCodeExceptionMapper(OnError.INSTANCE);
        cl.setExecutionStrategy(OnError.INSTANCE);
        cl.setExecutionExceptionHandler(OnError.INSTANCE);
        return cl;
    }

    /**
     * How a run ends: the command executed (an {@link Error} it throws, out of memory or a stack
     * overflow, is wrapped, since picocli hands only Exceptions to the handler), then any throwable
     * reported in one line with its own exit code.
     *
     * <p>A named class rather than three lambdas: picocli's classes are Java 5 class files, and a lambda
     * implementing one of their interfaces kept that interface, the lambda and the classes built on it
     * ({@code RunLast}) out of the class-data archive, so every run spun the lambdas and loaded those
     * classes from the jar (bench/README.md).
     */
    private static final class OnError
            implements CommandLine.IExecutionStrategy,
                    CommandLine.IExecutionExceptionHandler,
                    CommandLine.IExitCodeExceptionMapper {
        static final OnError INSTANCE = new OnError();

        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            try {
                return executeThenClose(parseResult);
            } catch (Error e) {
                throw new CommandLine.ExecutionException(
                        parseResult.commandSpec().commandLine(), "error", e);
            }
        }

        @Override
        public int handleExecutionException(
                Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
            Throwable t = ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
            PrintWriter err = commandLine.getErr();
            // The message may quote a string from the image (a key name, a file name): escaped like every text output.
            err.println("portmortem: " + TerminalText.of(oneLine(t)));
            if (debugAsked(parseResult)) {
                t.printStackTrace(err);
            }
            err.flush();
            return exitCodeFor(t);
        }

        @Override
        public int getExitCode(Throwable exception) {
            return exitCodeFor(exception);
        }
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
                for (CommandLine.Model.CommandSpec mixin :
                        p.commandSpec().mixins().values()) {
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

    /**
     * Name, class, name, class...: the names are written out rather than read from each class's
     * {@code @Command} annotation, which would parse every subcommand's annotations on every run
     * (a test checks that they agree).
     */
    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** Whether --debug was given, before or after the subcommand. */
    static boolean debugAsked(CommandLine.ParseResult parseResult) {
        for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    static int exitCodeFor(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        if (t instanceof IOException) {
            return ExitCode.BAD_INPUT;
        }
        if (t instanceof CommandLine.ParameterException || t instanceof OutputGuard.Clash) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL_ERROR;
    }

    /**
     * The one line printed for a throwable: the message of an input problem or a usage error, which
     * names the file; for anything else, what kind of bug it is, never a Java class name.
     */
    public static String oneLine(Throwable ex) {
        Throwable t = ex instanceof UncheckedIOException u ? u.getCause() : ex;
        // A hive copied out of a disk image is named by its place in the image, never by the temporary copy.
        String m = org.portmortem.image.OpenedImage.shown(t.getMessage());
        if (t instanceof OutOfMemoryError) {
            return "out of memory: the Java heap is too small for this input; raise it through PORTMORTEM_JAVA_OPTS,"
                    + " e.g. PORTMORTEM_JAVA_OPTS=-Xmx4g";
        }
        if (t instanceof NoSuchFileException) {
            m = m + ": no such file";
        } else if (t instanceof AccessDeniedException) {
            m = m + ": permission denied";
        } else if (t instanceof FileAlreadyExistsException) {
            m = m + ": already exists";
        } else if (t instanceof FileSystemException f && f.getReason() == null) {
            m = m + ": " + kindOf(t);
        } else if (t instanceof IOException) {
            m = m == null || m.isBlank() ? "an input or output error with no further detail" : m;
        } else if (!(t instanceof CommandLine.ParameterException || t instanceof OutputGuard.Clash)) {
            return "internal error: " + kindOf(t) + (m == null ? "" : " (" + plain(m) + ")")
                    + "; this is a bug; run again with --debug for the stack trace";
        }
        return plain(m);
    }

    /** {@code NullPointerException} as "null pointer", {@code StackOverflowError} as "stack overflow". */
    private static String kindOf(Throwable t) {
        return words(t.getClass().getSimpleName());
    }

    private static String words(String className) {
        String bare = className.replaceFirst("(Exception|Error)$", "");
        return (bare.isEmpty() ? className : bare)
                .replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ")
                .toLowerCase(Locale.ROOT);
    }

    /** One line, with any Java class name of a throwable in it put into words. */
    private static String plain(String m) {
        String line = m.replaceAll("[\\r\\n]+", " ");
        Matcher cls = ThrowableName.PATTERN.matcher(line);
        StringBuilder out = new StringBuilder();
        while (cls.find()) {
            cls.appendReplacement(out, Matcher.quoteReplacement(words(cls.group(1))));
        }
        return cls.appendTail(out).toString();
    }

    /**
     * A Java throwable's class name in a message. Compiled on first use, an error: compiling it when the
     * command class loads was the first regular expression, and the first lambda, of every run.
     */
    private static final class ThrowableName {
        static final Pattern PATTERN = Pattern.compile("\\b(?:[a-z][\\w$]*\\.)*([A-Z][\\w$]*(?:Exception|Error))\\b");
    }

    /** Reads the version that Maven wrote into the jar. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {Main.versionLine()};
        }
    }

    /** The tool version, as built. */
    public static String version() {
        return Main.version();
    }
}
