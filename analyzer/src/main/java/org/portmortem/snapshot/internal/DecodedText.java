package org.portmortem.snapshot.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.io.IOUtils;

/**
 * A snapshot file's bytes with the encoding detected for them. Lines are decoded on the fly each
 * time they are walked, so a large listing is never held as text as well as bytes and parsed
 * objects. Lines end at CRLF, LF or CR.
 */
public final class DecodedText {
    private final byte[] bytes;
    private final int start;
    private final Charset charset;

    /**
     * @param bytes   the file's bytes
     * @param start   where the text starts (after a byte-order mark)
     * @param charset the detected encoding
     */
    public DecodedText(byte[] bytes, int start, Charset charset) {
        this.bytes = bytes;
        this.start = start;
        this.charset = charset;
    }

    /** The detected encoding, as a Java charset name ({@code IBM850}, {@code UTF-16LE}, …). */
    public String encoding() {
        return charset.name();
    }

    /** The lines, decoded afresh on each walk. */
    public Iterable<String> lines() {
        return () -> {
            Iterator<String> it = IOUtils.lineIterator(new InputStreamReader(
                    new ByteArrayInputStream(bytes, start, bytes.length - start), charset));
            return it;
        };
    }

    /** The first {@code n} lines (fewer if the text is shorter). */
    public List<String> head(int n) {
        List<String> head = new ArrayList<>();
        for (String line : lines()) {
            if (head.size() == n) {
                break;
            }
            head.add(line);
        }
        return head;
    }
}
