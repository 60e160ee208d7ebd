package org.portmortem.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/**
 * {@code dump --format jsonl} written straight to UTF-8 bytes, the same bytes as the Jackson
 * generator over a UTF-8 writer ({@link DumpCommand.JsonLinesPrinter}) gives: quotes, backslashes
 * and control characters escaped as Jackson does ({@code \n}, {@code \t}, {@code \r}, {@code \b},
 * {@code \f}, others a backslash, u and four upper-case hexadecimal digits), other characters as UTF-8, and an unpaired surrogate as
 * {@code ?}, the Java UTF-8 encoder's replacement. Used when standard output is UTF-8; it skips the
 * string-to-characters-to-bytes round trip of the writer.
 *
 * <p>ASCII text is escaped straight from its characters; other text is encoded by {@link
 * String#getBytes} (UTF-8, with that replacement) and escaped on the bytes, where only ASCII needs
 * escaping. A key's path, which starts the line of the key and of each of its values, is encoded once
 * per key (from its parent's and its name, so the key is never asked for its path), and its last-write time is written without a formatter
 * ({@link IsoInstant}). A value's data is read byte by byte ({@link Value#byteAt}), not copied.
 */
final class DumpJsonLinesBytes implements DumpCommand.KeyPrinter {
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final byte[] HEX_LOWER = ascii("0123456789abcdef");
    private static final byte[] KEY = ascii("{\"key\":");
    private static final byte[] LAST_WRITTEN = ascii(",\"lastWritten\":");
    private static final byte[] VALUE = ascii(",\"value\":");
    private static final byte[] TYPE = ascii(",\"type\":");
    private static final byte[] RAW = ascii(",\"raw\":\"");
    private static final byte[] TYPE_NAME = ascii("\",\"typeName\":");
    private static final byte[] END = ascii("}\n");
    /** {@code "REG_SZ"} and the other type names as JSON strings, by {@link ValueType} ordinal. */
    private static final byte[][] TYPE_NAMES = typeNames();
    /** The type ids 0 to 15 in decimal. */
    private static final byte[][] TYPE_IDS = typeIds();

    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int at;
    /** The key whose path {@link #keyPath} holds, as a JSON string. */
    private Key pathOf;

    /** The path of the key whose lines are being written, as a JSON string. */
    private byte[] keyPath;
    /** Where a child's path is put together before it is copied out at its length. */
    private byte[] scratch = new byte[1024];
    /** The paths of the keys from the start key to the last one entered, as JSON strings. */
    private final Deque<byte[]> ancestors = new ArrayDeque<>();

    DumpJsonLinesBytes(OutputStream out) {
        this.out = out;
    }

    /**
     * What a key's lines say of it, read from the key: all the writer needs, so that it can run on
     * another thread than the one reading the hive ({@link JsonLinesOnSecondThread}).
     *
     * @param depth levels below the start key ({@link DumpCommand.KeyPrinter#key})
     * @param name the key's name
     * @param path the key's path at depth 0, null below (a subkey's path is made from its parent's
     *     line, so the key is never asked for it)
     * @param lastWritten its last-write time, or {@code null}
     */
    record KeyLine(int depth, String name, String path, Instant lastWritten) {
        static KeyLine of(Key k, int depth) {
            return new KeyLine(
                    depth,
                    k.name(),
                    depth == 0 ? k.path() : null,
                    k.lastWritten().orElse(null));
        }
    }

    @Override
    public void key(Key k, int depth) throws IOException {
        keyLine(KeyLine.of(k, depth));
        pathOf = k;
    }

    /** A value's line; a key not given to {@link #key} first is entered as a start key. */
    @Override
    public void value(Key k, Value v) throws IOException {
        if (k != pathOf) {
            enter(KeyLine.of(k, 0));
            pathOf = k;
        }
        valueLine(v);
    }

    /** The line of a key; its values' lines follow. */
    void keyLine(KeyLine k) throws IOException {
        enter(k);
        write(KEY);
        write(keyPath);
        write(LAST_WRITTEN);
        Instant t = k.lastWritten();
        if (t != null && IsoInstant.fits(t)) {
            room(IsoInstant.MAX_LENGTH + 2);
            buf[at++] = '"';
            at = IsoInstant.write(t, buf, at);
            buf[at++] = '"';
        } else {
            string(t == null ? "" : t.toString());
        }
        write(END);
    }

    /** The line of a value of the key last entered. */
    void valueLine(Value v) throws IOException {
        write(KEY);
        write(keyPath);
        write(VALUE);
        string(v.name());
        write(TYPE);
        int type = v.typeId();
        write(
                type >= 0 && type < TYPE_IDS.length
                        ? TYPE_IDS[type]
                        : ascii(Long.toString(Integer.toUnsignedLong(type))));
        write(RAW);
        hex(v);
        write(TYPE_NAME);
        ValueType t = v.type();
        if (t == ValueType.UNKNOWN) {
            string(DumpCommand.typeName(v));
        } else {
            write(TYPE_NAMES[t.ordinal()]);
        }
        write(END);
    }

    @Override
    public void close() throws IOException {
        flush();
        out.flush();
    }

    /**
     * Makes {@code k} the key whose lines are written: its path as a JSON string, made once and
     * copied into each of its lines. Below the start key a path is its parent's, a backslash and its
     * name ({@link Key#path}): the parent's is the line last entered one level up, already encoded, so
     * only the name is.
     */
    void enter(KeyLine k) {
        int depth = k.depth();
        while (ancestors.size() > depth) {
            ancestors.pop();
        }
        if (depth == 0) {
            keyPath = json(k.path());
        } else if (ancestors.size() < depth) {
            throw new IllegalStateException("a key " + depth + " levels down without its parent");
        } else {
            byte[] parent = ancestors.peek();
            keyPath = parent.length == 2 ? json(k.name()) : childPath(parent, k.name()); // "" is the root's path
        }
        ancestors.push(keyPath);
    }

    /**
     * The JSON string of a path from its parent's and its name: the parent's without its closing
     * quote, the escaped backslash, the name escaped, a quote. Made in {@link #scratch}, so that the
     * path is the one array allocated.
     */
    private byte[] childPath(byte[] parent, String name) {
        int need = parent.length + 2 + 6 * name.length() + 1;
        if (scratch.length < need) {
            scratch = new byte[Math.max(need, 2 * scratch.length)];
        }
        System.arraycopy(parent, 0, scratch, 0, parent.length - 1);
        int o = parent.length - 1;
        scratch[o++] = '\\';
        scratch[o++] = '\\';
        o = escapeUnquoted(name, scratch, o);
        scratch[o++] = '"';
        return Arrays.copyOf(scratch, o);
    }

    private void flush() throws IOException {
        out.write(buf, 0, at);
        at = 0;
    }

    /** Makes room for n bytes (the whole buffer at most). */
    private void room(int n) throws IOException {
        if (n > buf.length - at) {
            flush();
        }
    }

    private void write(byte[] b) throws IOException {
        if (b.length > buf.length - at) {
            flush();
            if (b.length > buf.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buf, at, b.length);
        at += b.length;
    }

    private void hex(Value v) throws IOException {
        int size = v.size();
        int i = 0;
        while (i < size) {
            if (buf.length - at < 2) {
                flush();
            }
            int n = Math.min(size - i, (buf.length - at) / 2);
            for (int end = i + n; i < end; i++) {
                int b = v.byteAt(i) & 0xFF;
                buf[at++] = HEX_LOWER[b >>> 4];
                buf[at++] = HEX_LOWER[b & 0xF];
            }
        }
    }

    /** Writes a JSON string, straight into the buffer where it fits (6 bytes a character at most, an escape). */
    private void string(String s) throws IOException {
        if (6L * s.length() + 2 > buf.length) {
            write(json(s));
            return;
        }
        room(6 * s.length() + 2);
        buf[at++] = '"';
        at = escapeUnquoted(s, buf, at);
        buf[at++] = '"';
    }

    /** A JSON string: quoted, UTF-8, quotes, backslashes and control characters escaped. */
    static byte[] json(String s) {
        byte[] out = new byte[6 * s.length() + 2];
        out[0] = '"';
        int o = escapeUnquoted(s, out, 1);
        out[o++] = '"';
        return Arrays.copyOf(out, o);
    }

    /**
     * Writes {@code s} escaped, without quotes, at {@code o} (room for 6 bytes a character); the end.
     * ASCII, which nearly every name is, is taken from the characters; other text is encoded by {@link
     * String#getBytes} first (its replacement of an unpaired surrogate is the writer's).
     */
    private static int escapeUnquoted(String s, byte[] out, int o) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                for (byte b : s.substring(i).getBytes(StandardCharsets.UTF_8)) {
                    o = escape(b, out, o);
                }
                return o;
            }
            o = escape((byte) c, out, o);
        }
        return o;
    }

    /** Writes one UTF-8 byte at {@code o}, escaped when JSON needs it; the end. */
    private static int escape(byte b, byte[] out, int o) {
        if (b < 0 || b >= 0x20 && b != '"' && b != '\\') { // UTF-8 bytes of non-ASCII are negative
            out[o++] = b;
            return o;
        }
        out[o++] = '\\';
        byte e = shortEscape(b);
        if (e != 0) {
            out[o++] = e;
        } else {
            out[o++] = 'u';
            out[o++] = '0';
            out[o++] = '0';
            out[o++] = HEX[b >> 4];
            out[o++] = HEX[b & 0xF];
        }
        return o;
    }

    /** The letter after the backslash of a two-character escape, or 0 where the escape is backslash-u. */
    private static byte shortEscape(byte c) {
        return switch (c) {
            case '"', '\\' -> c;
            case '\n' -> 'n';
            case '\t' -> 't';
            case '\r' -> 'r';
            case '\b' -> 'b';
            case '\f' -> 'f';
            default -> 0;
        };
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[][] typeIds() {
        byte[][] ids = new byte[16][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ascii(Integer.toString(i));
        }
        return ids;
    }

    private static byte[][] typeNames() {
        ValueType[] types = ValueType.values();
        byte[][] names = new byte[types.length][];
        for (ValueType t : types) {
            names[t.ordinal()] = json(t.name());
        }
        return names;
    }
}
