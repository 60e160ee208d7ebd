package org.portmortem.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.Key;
import org.portmortem.hive.KeyPaths;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.report.Csv;
import org.portmortem.report.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portmortem dump}: prints every key and value of a hive below a key, like reglookup, as
 * text, CSV or JSON lines. Warnings about unreadable parts go to stderr.
 */
@Command(
        addMethodSubcommands = false,
        name = "dump",
        header = "Print every key and value of a hive below a key, like reglookup.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        description = {
            "Prints every key and value of a registry hive below a key (the root by default), depth first,"
                    + " subkeys and values in the order the hive stores them.",
            "",
            "The hive may be a binary regf file or a .reg export; its format is recognised by content. A dirty"
                    + " regf hive has its .LOG/.LOG1/.LOG2 transaction logs replayed in memory (the files are never"
                    + " written) unless --no-logs is given. Parts that cannot be read are skipped with a warning on"
                    + " stderr naming their file offset.",
            "",
            "Formats:",
            "  text   per key [PATH] and its last-write time, per value",
            "         \"NAME\" = TYPE: DATA; control characters shown as \\xNN, C1, bidi and"
                    + " invisible characters as \\uXXXX",
            "  csv    columns path,value,type,data,lastWritten; key rows have type KEY",
            "  jsonl  one JSON object per line, for a key",
            "           {\"key\": PATH, \"lastWritten\": ISO-8601 UTC}",
            "         and for a value",
            "           {\"key\": PATH, \"value\": NAME, \"type\": TYPE_ID, \"raw\": HEX,",
            "            \"typeName\": TYPE_NAME}",
            "         where HEX is the lower-case hexadecimal of the data bytes",
            "",
            "HIVE may also be a disk image (E01, raw/dd, also split, VHD, VHDX, VMDK) with --hive-path: the hive's"
                    + " path from the volume's root, in any case (--volume N when it is on more than one volume). The"
                    + " hive and the .LOG/.LOG1/.LOG2 beside it are copied out with The Sleuth Kit's icat into a"
                    + " private temporary folder removed afterwards; stderr says where in the image they were, and"
                    + " warnings name the hive as IMAGE (volume N) : PATH.",
            "",
            "PATH is backslash-separated from the root without the root key's own name (ControlSet001\\Services\\Tcpip);"
                    + " the root is \"\". NAME is \"\" for a key's default value.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem dump SYSTEM --key 'ControlSet001\\Services\\Tcpip\\Parameters'",
            "  portmortem dump SOFTWARE --format jsonl > software.jsonl",
            "  portmortem dump --no-logs --format csv NTUSER.DAT",
            "  portmortem dump laptop.E01 --hive-path Windows/System32/config/SYSTEM --key Select",
            "",
            "Exit codes:",
            "  0  the hive was dumped (warnings, if any, are on stderr)",
            "  2  usage error",
            "  3  the hive is missing, unreadable or not a hive, or the --key does not exist",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class DumpCommand implements Callable<Integer> {

    /** The output formats. */
    public enum Format {
        text,
        csv,
        jsonl
    }

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "HIVE",
            description = "The hive file: regf (SYSTEM, SOFTWARE, NTUSER.DAT, ...) or a"
                    + " .reg export; or a disk image with --hive-path.")
    Path hive;

    @picocli.CommandLine.Mixin
    HiveInImageOptions inImage;

    @Option(
            names = "--key",
            paramLabel = "PATH",
            defaultValue = "",
            description =
                    "Dump only this key and everything below it, case-insensitive: ControlSet001\\Services\\Tcpip,"
                            + " HKLM\\SYSTEM\\CurrentControlSet\\Services (CurrentControlSet read through Select\\Current),"
                            + " HKEY_LOCAL_MACHINE\\SOFTWARE\\... or /ControlSet001/Services. Default: the root.")
    String key;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "Output format: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(
            names = "--no-logs",
            description = "Read a dirty regf hive as it is, without replaying its transaction logs.")
    boolean noLogs;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = TerminalText.writer(spec.commandLine().getErr());
        Path file = inImage.hiveFile(hive);
        inImage.provenanceNote().ifPresent(n -> err.println("portmortem: note: " + n));
        try (Hive h = Hive.open(file, noLogs ? HiveOpenOptions.NO_LOGS : HiveOpenOptions.DEFAULT)) {
            Key start = KeyPaths.find(h, key)
                    .orElseThrow(() -> new InputException(
                            file,
                            "no key " + key
                                    + (key.equals(KeyPaths.belowRoot(h, key))
                                            ? ""
                                            : " (read as " + KeyPaths.belowRoot(h, key) + ")")
                                    + " in this hive"));
            try (KeyPrinter printer = printerFor(format, out)) {
                dump(start, printer);
            }
            out.flush();
            List<HiveWarning> warnings = h.warnings();
            for (HiveWarning w : warnings) {
                err.println("portmortem: warning: " + inImage.shown(hive) + ": " + w);
            }
            err.flush();
        }
        return ExitCode.OK;
    }

    /** Depth first, without recursion: keys are printed before their values and subkeys. */
    static void dump(Key start, KeyPrinter printer) throws IOException {
        Deque<Pending> stack = new ArrayDeque<>();
        stack.push(new Pending(start, 0));
        while (!stack.isEmpty()) {
            print(stack.pop(), stack, printer);
        }
    }

    /**
     * Prints a key and its values and puts its subkeys on the stack. A method of its own, so that the
     * JIT compiles it after a few hundred keys: the loop calling it runs once, and a loop's own body is
     * compiled only after 60,000 turns, more than half of a large hive's keys and values.
     */
    private static void print(Pending p, Deque<Pending> stack, KeyPrinter printer) throws IOException {
        Key k = p.key();
        printer.key(k, p.depth());
        for (Value v : k.values()) {
            printer.value(k, v);
        }
        List<Key> subkeys = k.subkeys();
        for (int i = subkeys.size() - 1; i >= 0; i--) {
            stack.push(new Pending(subkeys.get(i), p.depth() + 1));
        }
    }

    /** A key still to print and how many levels below the start key it is. */
    private record Pending(Key key, int depth) {}

    static KeyPrinter printerFor(Format format, Writer out) throws IOException {
        if (format == Format.jsonl
                && out instanceof StandardOutput stdout
                && stdout.utf8Bytes().isPresent()) {
            DumpJsonLinesBytes lines = new DumpJsonLinesBytes(stdout.utf8Bytes().get());
            // Reading the hive and encoding the lines overlap where there is a second core.
            return Runtime.getRuntime().availableProcessors() > 1 ? new JsonLinesOnSecondThread(lines) : lines;
        }
        switch (format) {
            case jsonl:
                return new JsonLinesPrinter(out);
            case csv:
                return new CsvPrinter(out);
            default:
                return new TextPrinter(out);
        }
    }

    static String typeName(Value v) {
        // Types are unsigned 32-bit numbers, as reglookup and hivex print them (0xFFFF0011, not -65519).
        return v.type() == ValueType.UNKNOWN
                ? "0x" + Long.toHexString(Integer.toUnsignedLong(v.typeId()))
                : v.type().name();
    }

    static String lastWritten(Key k) {
        return k.lastWritten().map(Instant::toString).orElse("");
    }

    /** Writes keys and values in one output format. */
    interface KeyPrinter extends AutoCloseable {
        /**
         * A key's line. Keys come depth first: one at {@code depth} greater than 0 is a subkey of the
         * last key given at {@code depth - 1}; 0 is the start key.
         */
        void key(Key k, int depth) throws IOException;

        void value(Key k, Value v) throws IOException;

        @Override
        void close() throws IOException;
    }

    /** One JSON object per line, written with Jackson's streaming generator. */
    static final class JsonLinesPrinter implements KeyPrinter {
        private final JsonGenerator json;

        JsonLinesPrinter(Writer out) throws IOException {
            json = new JsonFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.setRootValueSeparator(new SerializedString("\n"));
        }

        @Override
        public void key(Key k, int depth) throws IOException {
            json.writeStartObject();
            json.writeStringField("key", k.path());
            json.writeStringField("lastWritten", lastWritten(k));
            json.writeEndObject();
        }

        @Override
        public void value(Key k, Value v) throws IOException {
            json.writeStartObject();
            json.writeStringField("key", k.path());
            json.writeStringField("value", v.name());
            json.writeNumberField("type", Integer.toUnsignedLong(v.typeId()));
            json.writeStringField("raw", v.rawHex());
            json.writeStringField("typeName", typeName(v));
            json.writeEndObject();
        }

        @Override
        public void close() throws IOException {
            json.writeRaw('\n');
            json.close();
        }
    }

    /** CSV ({@link Csv}: RFC 4180, formula guard): path,value,type,data,lastWritten. */
    static final class CsvPrinter implements KeyPrinter {
        private final Writer out;

        CsvPrinter(Writer out) throws IOException {
            this.out = out;
            out.write("path,value,type,data,lastWritten\r\n");
        }

        @Override
        public void key(Key k, int depth) throws IOException {
            row(k.path(), "", "KEY", "", lastWritten(k));
        }

        @Override
        public void value(Key k, Value v) throws IOException {
            row(k.path(), v.name(), typeName(v), v.display(), "");
        }

        private void row(String... fields) throws IOException {
            out.write(Csv.row(fields));
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }

    /** Readable text, in the spirit of a .reg export. */
    static final class TextPrinter implements KeyPrinter {
        private final Writer out;

        TextPrinter(Writer out) {
            this.out = out;
        }

        @Override
        public void key(Key k, int depth) throws IOException {
            out.write("[" + visible(k.path()) + "]");
            String when = lastWritten(k);
            if (!when.isEmpty()) {
                out.write("  " + when);
            }
            out.write('\n');
        }

        @Override
        public void value(Key k, Value v) throws IOException {
            String name = v.name().isEmpty() ? "@" : '"' + visible(v.name()) + '"';
            out.write(name + " = " + typeName(v) + ": " + visible(v.display()) + "\n");
        }

        /** Hidden characters (NUL in names, line breaks in data, ESC, U+202E) escaped, so one line stays one line. */
        static String visible(String s) {
            return TerminalText.of(s);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
