package org.portmortem.hive.internal.text;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import org.portmortem.InputException;
import org.portmortem.hive.HiveFormatException;
import org.portmortem.hive.HiveWarning;

/**
 * Reads the text of a regedit export into {@link RegEdit}s. A line that cannot be understood is
 * skipped with a warning naming the file and the line; everything else is still read.
 *
 * <p>Syntax as regedit writes and imports it: a header line ({@code REGEDIT4} or {@code Windows
 * Registry Editor Version 5.00}), key lines {@code [path]} and {@code [-path]}, value lines
 * {@code "name"=data} or {@code @=data} where data is {@code "string"}, {@code dword:hhhhhhhh},
 * {@code hex:bytes}, {@code hex(N):bytes} or {@code -}, comment lines starting with {@code ;}, and
 * hex data continued over several lines with a trailing backslash.
 */
final class RegTextParser {
    static final String HEADER_V4 = "REGEDIT4";
    static final String HEADER_V5 = "Windows Registry Editor Version 5.00";

    /** ANSI as regedit on a western Windows writes it; also the fallback for text that is not UTF-8. */
    static final Charset ANSI = Charset.forName("windows-1252");

    /** The text is decoded whole, so a file must fit one Java array, with room for its decoding. */
    static final long MAX_BYTES = Integer.MAX_VALUE / 2;

    private static final Pattern HEX_NUMBER = Pattern.compile("[0-9A-Fa-f]{1,8}");
    private static final Pattern HEX_TYPE = Pattern.compile("\\(\\s*[0-9A-Fa-f]{1,8}\\s*\\)");

    private final String fileName;
    private final String[] lines;
    private final List<RegEdit> edits = new ArrayList<>();
    private final List<HiveWarning> warnings = new ArrayList<>();
    private boolean regedit4;
    private int next;

    private RegTextParser(String fileName, String text) {
        this.fileName = fileName;
        this.lines = text.split("\r\n|\n|\r", -1);
    }

    /** Reads a .reg file; the file is only read. */
    static RegTextFile parse(Path file) throws IOException {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InputException(
                        file,
                        String.format(
                                "%,d bytes is more than the .reg reader holds in memory (%,d bytes)", size, MAX_BYTES));
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
        String name = file.getFileName() == null
                ? file.toString()
                : file.getFileName().toString();
        try {
            RegTextParser parser = new RegTextParser(name, decode(bytes));
            bytes = null; // the text is all that is needed from here on
            String version = parser.readHeader(file);
            parser.readBody();
            return new RegTextFile(name, file, version, parser.edits, parser.warnings);
        } catch (OutOfMemoryError e) {
            // About ten times the file size is needed; say so in one line rather than crash.
            throw new InputException(file, "not enough memory to read this .reg file; give Java more (-Xmx)");
        }
    }

    /**
     * The text of the file: by its byte order mark if it has one (regedit writes UTF-16LE with a
     * BOM), else UTF-8 if the bytes are valid UTF-8, else ANSI.
     */
    static String decode(byte[] bytes) throws IOException {
        try (BOMInputStream in = BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(bytes))
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                .get()) {
            ByteOrderMark bom = in.getBOM();
            byte[] rest = in.readAllBytes();
            if (bom != null) {
                return new String(rest, bom.getCharsetName());
            }
            try {
                return StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(rest))
                        .toString();
            } catch (CharacterCodingException e) {
                return new String(rest, ANSI);
            }
        }
    }

    private String readHeader(Path file) throws HiveFormatException {
        while (next < lines.length && lines[next].strip().isEmpty()) {
            next++;
        }
        String first = next < lines.length ? lines[next].strip() : "";
        next++;
        if (first.equals(HEADER_V4)) {
            regedit4 = true;
            return "REGEDIT4";
        }
        if (first.equals(HEADER_V5)) {
            return "5.00";
        }
        throw new HiveFormatException(
                file,
                "line " + next + ": not a .reg export: the first line is neither " + HEADER_V4 + " nor \"" + HEADER_V5
                        + "\"");
    }

    private void readBody() {
        RegPath current = null;
        boolean currentDeleted = false;
        String noKeyReason = "value line before any key line, skipped";
        while (next < lines.length) {
            int lineNo = next + 1;
            String line = lines[next++].strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                int close = line.lastIndexOf(']');
                if (close < 0 || !line.substring(close + 1).isBlank()) {
                    warn(lineNo, "key line without a closing ']', skipped");
                    current = null;
                    noKeyReason = "value line under the unreadable key line " + lineNo + ", skipped";
                    continue;
                }
                String inside = line.substring(1, close).strip();
                currentDeleted = inside.startsWith("-");
                current = RegPath.parse(currentDeleted ? inside.substring(1) : inside);
                edits.add(
                        currentDeleted ? new RegEdit.DeleteKey(lineNo, current) : new RegEdit.AddKey(lineNo, current));
            } else if (line.startsWith("\"") || line.startsWith("@")) {
                if (current == null || currentDeleted) {
                    warn(
                            lineNo,
                            currentDeleted ? "value line after a key deletion, ignored as regedit does" : noKeyReason);
                    skipContinuations(line);
                    continue;
                }
                readValue(lineNo, line, current);
            } else {
                warn(lineNo, "unrecognised line skipped: " + excerpt(line));
            }
        }
    }

    private void readValue(int lineNo, String line, RegPath key) {
        String name;
        int pos;
        if (line.startsWith("@")) {
            name = "";
            pos = 1;
        } else {
            int end = closingQuote(line, 1);
            if (end < 0) {
                warn(lineNo, "value name without a closing quote, line skipped: " + excerpt(line));
                return;
            }
            name = unescape(line.substring(1, end));
            pos = end + 1;
        }
        String rest = line.substring(pos).stripLeading();
        if (!rest.startsWith("=")) {
            warn(lineNo, "value line without '=', skipped: " + excerpt(line));
            skipContinuations(line);
            return;
        }
        String data = rest.substring(1).strip();
        if (startsWithIgnoreCase(data, "hex")) {
            data = joinContinuations(data);
        }
        try {
            edits.add(valueEdit(lineNo, key, name, data));
        } catch (IllegalArgumentException e) {
            warn(lineNo, e.getMessage() + ", value " + (name.isEmpty() ? "@" : "\"" + name + "\"") + " skipped");
        }
    }

    private RegEdit valueEdit(int lineNo, RegPath key, String name, String data) {
        if (data.equals("-")) {
            return new RegEdit.DeleteValue(lineNo, key, name);
        }
        if (data.startsWith("\"")) {
            int end = closingQuote(data, 1);
            if (end < 0 || !data.substring(end + 1).isBlank()) {
                throw new IllegalArgumentException("string data is not one quoted string: " + excerpt(data));
            }
            return new RegEdit.SetValue(lineNo, key, name, 1, utf16WithNul(unescape(data.substring(1, end))));
        }
        if (startsWithIgnoreCase(data, "dword:")) {
            String digits = data.substring(6).strip();
            if (!HEX_NUMBER.matcher(digits).matches()) {
                throw new IllegalArgumentException("dword data is not 1 to 8 hexadecimal digits: " + excerpt(data));
            }
            byte[] raw = ByteBuffer.allocate(4)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(Integer.parseUnsignedInt(digits, 16))
                    .array();
            return new RegEdit.SetValue(lineNo, key, name, 4, raw);
        }
        if (startsWithIgnoreCase(data, "hex")) {
            int colon = data.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("hex data without ':': " + excerpt(data));
            }
            String typePart = data.substring(3, colon).strip();
            int typeId = 3;
            if (!typePart.isEmpty()) {
                if (!HEX_TYPE.matcher(typePart).matches()) {
                    throw new IllegalArgumentException("hex type is not hex(N) with N hexadecimal: " + excerpt(data));
                }
                typeId = Integer.parseUnsignedInt(
                        typePart.substring(1, typePart.length() - 1).strip(), 16);
            }
            byte[] raw = hexBytes(data.substring(colon + 1));
            return new RegEdit.SetValue(lineNo, key, name, typeId, regedit4 ? ansiStringToUtf16(typeId, raw) : raw);
        }
        throw new IllegalArgumentException("unrecognised value data: " + excerpt(data));
    }

    /**
     * REGEDIT4 files write string-typed hex data as ANSI bytes, where a binary hive holds UTF-16LE;
     * converted so that both sources give the same raw bytes.
     */
    private static byte[] ansiStringToUtf16(int typeId, byte[] raw) {
        if (typeId == 1 || typeId == 2 || typeId == 7) {
            return new String(raw, ANSI).getBytes(StandardCharsets.UTF_16LE);
        }
        return raw;
    }

    /**
     * Comma-separated hexadecimal bytes, one or two digits each, blanks allowed around them; an empty
     * list is no bytes, and one trailing comma (as some editors leave) is ignored.
     */
    private static byte[] hexBytes(String list) {
        int end = list.length();
        while (end > 0 && Character.isWhitespace(list.charAt(end - 1))) {
            end--;
        }
        if (end > 0 && list.charAt(end - 1) == ',') {
            end--;
        }
        if (list.substring(0, end).isBlank()) {
            return new byte[0];
        }
        byte[] out = new byte[end / 2 + 1];
        int n = 0;
        int from = 0;
        while (true) {
            int comma = list.indexOf(',', from);
            int to = comma < 0 || comma >= end ? end : comma;
            int a = from;
            int b = to;
            while (a < b && Character.isWhitespace(list.charAt(a))) {
                a++;
            }
            while (b > a && Character.isWhitespace(list.charAt(b - 1))) {
                b--;
            }
            int hi = b - a >= 1 ? Character.digit(list.charAt(a), 16) : -1;
            int lo = b - a == 2 ? Character.digit(list.charAt(a + 1), 16) : 0;
            if (b - a < 1 || b - a > 2 || hi < 0 || lo < 0) {
                throw new IllegalArgumentException(
                        "hex byte '" + excerpt(list.substring(a, b)) + "' is not one or two hexadecimal digits");
            }
            out[n++] = (byte) (b - a == 2 ? hi * 16 + lo : hi);
            if (to >= end) {
                break;
            }
            from = to + 1;
        }
        return Arrays.copyOf(out, n);
    }

    /** Hex data continues on the next line while a line ends with a backslash. */
    private String joinContinuations(String data) {
        StringBuilder sb = new StringBuilder(data);
        while (endsWithBackslash(sb) && next < lines.length) {
            sb.setLength(sb.length() - 1);
            sb.append(lines[next++].strip());
        }
        if (endsWithBackslash(sb)) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
    }

    /** Skips the continuation lines of a value line that is itself skipped. */
    private void skipContinuations(String line) {
        int eq = line.lastIndexOf('=');
        if (eq >= 0 && startsWithIgnoreCase(line.substring(eq + 1).strip(), "hex")) {
            joinContinuations(line);
        }
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean endsWithBackslash(CharSequence s) {
        return s.length() > 0 && s.charAt(s.length() - 1) == '\\';
    }

    /** Index of the quote closing a string that starts at {@code from}, skipping escaped characters. */
    private static int closingQuote(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** regedit escapes only backslash and double quote; any other backslash is kept as written. */
    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == '\\' || s.charAt(i + 1) == '"')) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** A string value as regedit imports it: UTF-16LE with a terminating NUL. */
    static byte[] utf16WithNul(String s) {
        return (s + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    private static String excerpt(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private void warn(int lineNo, String message) {
        warnings.add(HiveWarning.atLine(lineNo, fileName + ": " + message));
    }
}
