package org.portmortem.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.write.HiveWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code portmortem convert}: writes any hive PortMortem reads as a binary regf file. */
@Command(
        addMethodSubcommands = false,
        name = "convert",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "%n",
        header = "Write a hive (.reg export or regf file) as a binary regf hive file.",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Reads IN as any hive PortMortem reads (a regedit or `reg export` .reg file in UTF-16LE, UTF-8"
                    + " or ANSI, or a binary regf file) and writes OUT as a regf 1.5 hive that Windows, reglookup,"
                    + " hivex and Registry Explorer open: correct checksum and sequence numbers, sorted subkey"
                    + " lists, big-data records for values over 16,344 bytes.",
            "",
            "A .reg file holds no timestamps, so every key gets the time given with --timestamp (default:"
                    + " now); keys read from a regf file keep their own. A .reg file's lines that cannot be read are"
                    + " reported on stderr with their line numbers and left out. IN is only read. OUT is never"
                    + " replaced unless --force is given, and never when it is IN itself or one of IN's transaction"
                    + " logs (.LOG, .LOG1, .LOG2).",
            "",
            "Prints one line: the file written, its key and value counts and its size.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem convert hardened-system.reg SYSTEM",
            "  portmortem convert --timestamp 2002-09-02T10:00:00Z --force base.reg base.hiv",
            "",
            "Exit codes:",
            "  0  the hive was written",
            "  2  usage error: OUT exists without --force, OUT is IN or one of its logs, or a bad option value",
            "  3  IN is missing, unreadable or not a hive; OUT cannot be written",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class ConvertCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "The hive to read: a .reg export or a regf file.")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "The regf file to write.")
    Path out;

    @Option(names = "--force", description = "Replace OUT if it exists (never IN itself).")
    boolean force;

    @Option(
            names = "--timestamp",
            paramLabel = "TIME",
            converter = TimestampConverter.class,
            description = "Last-write time of the file and of every key without its own, as an ISO-8601"
                    + " instant (2002-09-02T10:00:00Z), date-time in UTC (2002-09-02T10:00) or date (2002-09-02)."
                    + " Default: now, to the second.")
    Instant timestamp;

    @Option(
            names = "--regf-minor",
            paramLabel = "N",
            defaultValue = "5",
            description = "regf minor version: 5 (Windows XP and later, the default) or 3 (NT 4 and 2000).")
    int minorVersion;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (minorVersion != 3 && minorVersion != 5) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--regf-minor must be 3 or 5, not " + minorVersion);
        }
        new OutputGuard().hive(in).check(out);
        if (Files.isDirectory(out)) {
            throw new InputException(out, "is a folder; give the path of the hive file to write");
        }
        if (Files.exists(out) && !force) {
            err.println("portmortem: " + out + ": exists; add --force to replace it");
            err.flush();
            return ExitCode.USAGE;
        }
        Path folder = out.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new InputException(out, "cannot be written: folder " + folder + " does not exist");
        }
        Instant when = timestamp != null ? timestamp : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Hive hive = Hive.open(in)) {
            for (HiveWarning w : hive.warnings()) {
                err.println("portmortem: warning: " + org.portmortem.report.text.TerminalText.of(w.toString()));
            }
            err.flush();
            HiveWriter.Written written = HiveWriter.builder(when)
                    .minorVersion(minorVersion)
                    .overwrite(force)
                    .build()
                    .writeTo(hive, out);
            PrintWriter o = spec.commandLine().getOut();
            o.printf(
                    "wrote %s: %d keys, %d values, %d bytes (regf 1.%d, keys without a time: %s)%n",
                    written.file(), written.keys(), written.values(), written.bytes(), minorVersion, when);
            o.flush();
        }
        return ExitCode.OK;
    }

    /** Reads --timestamp as an instant, a UTC date-time or a UTC date. */
    static final class TimestampConverter implements CommandLine.ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notInstant) {
                try {
                    return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException notDateTime) {
                    try {
                        return LocalDate.parse(value)
                                .atStartOfDay(ZoneOffset.UTC)
                                .toInstant();
                    } catch (DateTimeParseException notDate) {
                        throw new CommandLine.TypeConversionException(
                                "'" + value + "' is not an ISO-8601 time such as 2002-09-02T10:00:00Z");
                    }
                }
            }
        }
    }
}
