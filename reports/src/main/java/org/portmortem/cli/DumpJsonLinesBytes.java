package org.portmortem.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * {@code dump --format jsonl} written straight to UTF-8 bytes, the same bytes as the Jackson
 * generator over a UTF-8 writer ({@link DumpCommand.JsonLinesPrinter}) gives: quotes, backslashes
 * and control characters escaped as Jackson does ({@code \n}, {@code \t}, {@code \r}, {@code \b},
 * {@code \f}, others a backslash, u and four upper-case hexadecimal digits), other characters as UTF-8, and an unpaired surrogate as
 * {@code ?}, the Java UTF-8 encoder's replacement. Used when standard output is UTF-8; it skips the
 * string-to-characters-to-bytes round trip of the writer.
 */
final class DumpJsonLinesBytes implements DumpCommand.KeyPrinter {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final OutputStream out;
    private final byte[] buf = new byte[64 * 1024];
    private int at;

    DumpJsonLinesBytes(OutputStream out) {
        this.out = out;
    }

    @Override
    public void key(Key k) throws IOException {
        ascii("{\"key\":");
        string(k.path());
        ascii(",\"lastWritten\":");
        string(DumpCommand.lastWritten(k));
        ascii("}\n");
    }

    @Override
    public void value(Key k, Value v) throws IOException {
        ascii("{\"key\":");
        string(k.path());
        ascii(",\"value\":");
        string(v.name());
        ascii(",\"type\":");
        ascii(Long.toString(Integer.toUnsignedLong(v.typeId())));
        ascii(",\"raw\":\"");
        hex(v.raw());
        ascii("\",\"typeName\":");
        string(DumpCommand.typeName(v));
        ascii("}\n");
    }

    @Override
    public void close() throws IOException {
        out.write(buf, 0, at);
        at = 0;
        out.flush();
    }

    private void room(int n) throws IOException {
        if (at + n > buf.length) {
            out.write(buf, 0, at);
            at = 0;
        }
    }

    private void ascii(String s) throws IOException {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[at++] = (byte) s.charAt(i);
        }
    }

    private void hex(byte[] raw) throws IOException {
        for (byte b : raw) {
            room(2);
            buf[at++] = HEX_LOWER[(b >> 4) & 0xF];
            buf[at++] = HEX_LOWER[b & 0xF];
        }
    }

    /** A JSON string: at most 6 bytes per character (an escape), so room is asked per character. */
    private void string(String s) throws IOException {
        room(1);
        buf[at++] = '"';
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            room(6);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    buf[at++] = (byte) c;
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                buf[at++] = (byte) (0xC0 | (c >> 6));
                buf[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[at++] = (byte) (0xF0 | (cp >> 18));
                buf[at++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[at++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[at++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buf[at++] = '?';
            } else {
                buf[at++] = (byte) (0xE0 | (c >> 12));
                buf[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        room(1);
        buf[at++] = '"';
    }

    private void escape(char c) {
        buf[at++] = '\\';
        switch (c) {
            case '"', '\\' -> buf[at++] = (byte) c;
            case '\n' -> buf[at++] = 'n';
            case '\t' -> buf[at++] = 't';
            case '\r' -> buf[at++] = 'r';
            case '\b' -> buf[at++] = 'b';
            case '\f' -> buf[at++] = 'f';
            default -> {
                buf[at++] = 'u';
                buf[at++] = '0';
                buf[at++] = '0';
                buf[at++] = HEX[c >> 4];
                buf[at++] = HEX[c & 0xF];
            }
        }
    }
}
