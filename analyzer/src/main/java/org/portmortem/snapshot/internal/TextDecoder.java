package org.portmortem.snapshot.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;

/**
 * Detects the encoding of a snapshot file instead of assuming one.
 *
 * <ol>
 *   <li>A byte-order mark decides (PowerShell's {@code >} writes UTF-16LE with BOM; some editors
 *       write UTF-8 with BOM).
 *   <li>Without BOM, NUL bytes in every other position mean UTF-16 without BOM.
 *   <li>Pure ASCII is ASCII; text that decodes as strict UTF-8 is UTF-8.
 *   <li>Otherwise it is a single-byte code page: a console redirection ({@code netstat > f}) writes
 *       the OEM code page (437, 850, 852, 866), a GUI editor the ANSI one (1252). Each candidate
 *       decodes the bytes; the one under which the vocabulary's non-ASCII words appear wins, and
 *       between equals the one producing the most letters (a wrong code page turns accented
 *       letters into box-drawing or currency signs). Remaining ties keep the order below, OEM
 *       first, since netstat output normally comes from a console.
 * </ol>
 */
public final class TextDecoder {
    /** Single-byte candidates, in order of preference on a tie. */
    static final List<Charset> CODE_PAGES = List.of(
            Charset.forName("IBM850"),
            Charset.forName("IBM437"),
            Charset.forName("IBM852"),
            Charset.forName("IBM866"),
            Charset.forName("windows-1252"));

    private final Vocabulary vocabulary;

    public TextDecoder(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** Decodes the bytes of a whole file held in memory. */
    public DecodedText decode(byte[] bytes) {
        try {
            return decode(bytes, bytes, (b, s, cs) -> new DecodedText(bytes, s, cs));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // bytes in memory: no I/O happens
        }
    }

    /**
     * Decodes a file without holding it: the decision uses the head (byte-order mark, UTF-16
     * test, code-page sample) and one streaming pass over the whole file (ASCII / strict UTF-8),
     * exactly as {@link #decode(byte[])} would on the file's bytes; the text is read again, streaming,
     * on each walk.
     */
    public DecodedText decode(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SAMPLE);
        }
        FileBytes whole = new FileBytes(file);
        return decode(head, whole, (b, s, cs) -> new DecodedText(file, s, cs));
    }

    /** Builds the decoded text once the encoding is known. */
    private interface TextFactory {
        DecodedText of(byte[] head, int start, Charset charset);
    }

    /**
     * The decision: {@code head} is the start of the text (at least {@link #SAMPLE} bytes or all
     * of it), {@code whole} gives the full content for the ASCII and UTF-8 checks.
     */
    private DecodedText decode(byte[] bytes, Object whole, TextFactory text) throws IOException {
        try (BOMInputStream bom = BOMInputStream.builder()
                .setInputStream(new ByteArrayInputStream(bytes))
                .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE)
                .get()) {
            ByteOrderMark mark = bom.getBOM();
            if (mark != null) {
                return text.of(bytes, mark.length(), Charset.forName(mark.getCharsetName()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String utf16 = utf16WithoutBom(bytes);
        if (utf16 != null) {
            return text.of(bytes, 0, Charset.forName(utf16));
        }
        Charset unicode = whole instanceof FileBytes f ? f.asciiOrUtf8() : asciiOrUtf8((byte[]) whole);
        if (unicode != null) {
            return text.of(bytes, 0, unicode);
        }
        return text.of(bytes, 0, bestCodePage(bytes));
    }

    /** US-ASCII when no byte has the high bit, UTF-8 when the bytes decode strictly, else null. */
    private static Charset asciiOrUtf8(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return StandardCharsets.US_ASCII;
        }
        return isStrictUtf8(bytes) ? StandardCharsets.UTF_8 : null;
    }

    /** A file's content read in chunks for the ASCII and strict UTF-8 checks. */
    private static final class FileBytes {
        private final Path file;

        FileBytes(Path file) {
            this.file = file;
        }

        Charset asciiOrUtf8() throws IOException {
            if (isAscii()) {
                return StandardCharsets.US_ASCII;
            }
            CharsetDecoder d = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer in = ByteBuffer.allocate(64 * 1024);
            CharBuffer out = CharBuffer.allocate(64 * 1024);
            try (ReadableByteChannel ch = Files.newByteChannel(file)) {
                boolean eof = false;
                while (!eof) {
                    eof = ch.read(in) < 0;
                    in.flip();
                    CoderResult r = d.decode(in, out, eof);
                    if (r.isError()) {
                        return null;
                    }
                    out.clear();
                    in.compact();
                }
                if (d.flush(out).isError()) {
                    return null;
                }
            }
            return StandardCharsets.UTF_8;
        }

        /** Whether no byte of the file has the high bit set (the common case, one fast pass). */
        private boolean isAscii() throws IOException {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    for (int i = 0; i < n; i++) {
                        if (buf[i] < 0) {
                            return false;
                        }
                    }
                }
            }
            return true;
        }
    }

    /** Whether the bytes decode as UTF-8 without a single malformed sequence (checked in chunks). */
    static boolean isStrictUtf8(byte[] bytes) {
        CharsetDecoder d = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(64 * 1024);
        while (true) {
            CoderResult r = d.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            out.clear();
            if (r.isUnderflow()) {
                return !d.flush(out).isError();
            }
        }
    }

    /** Whether the bytes look like UTF-16 text without a byte-order mark. */
    public static boolean isUtf16WithoutBom(byte[] bytes) {
        return utf16WithoutBom(bytes) != null;
    }

    /** UTF-16LE/BE when at least 40% of the even or odd bytes in the first 4 KiB are NUL. */
    static String utf16WithoutBom(byte[] bytes) {
        int n = Math.min(bytes.length, 4096) & ~1;
        if (n < 8) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i < n; i += 2) {
            evenNul += bytes[i] == 0 ? 1 : 0;
            oddNul += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddNul * 10 >= pairs * 4 && evenNul * 10 < pairs) {
            return "UTF-16LE";
        }
        if (evenNul * 10 >= pairs * 4 && oddNul * 10 < pairs) {
            return "UTF-16BE";
        }
        return null;
    }

    /** Bytes scored per candidate; enough for the title, header and many rows, bounded for big files. */
    private static final int SAMPLE = 256 * 1024;

    private Charset bestCodePage(byte[] bytes) {
        List<String> words = vocabulary.nonAsciiTexts();
        Charset best = null;
        long bestScore = Long.MIN_VALUE;
        for (Charset cs : CODE_PAGES) {
            String s = new String(bytes, 0, Math.min(bytes.length, SAMPLE), cs);
            long score = 0;
            for (String w : words) {
                if (s.contains(w)) {
                    score += 1000L * w.length();
                }
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c > 127) {
                    score += Character.isLetter(c) ? 1 : -1;
                }
            }
            if (score > bestScore) {
                bestScore = score;
                best = cs;
            }
        }
        return best;
    }
}
