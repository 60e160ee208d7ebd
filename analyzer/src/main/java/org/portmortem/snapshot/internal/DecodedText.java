package org.portmortem.snapshot.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A snapshot's text with the encoding detected for it: either bytes in memory (a file's head, a
 * test) or a file read afresh, streaming, on each walk, so a large listing is never held as bytes
 * or text next to the parsed objects. Lines end at CRLF, LF or CR.
 */
public final class DecodedText {
    /** Opens the byte stream of the text, positioned before any byte-order mark. */
    private interface Source {
        InputStream open() throws IOException;
    }

    private final Source source;
    private final int start;
    private final Charset charset;

    /**
     * @param bytes   the file's bytes (or its head)
     * @param start   where the text starts (after a byte-order mark)
     * @param charset the detected encoding
     */
    public DecodedText(byte[] bytes, int start, Charset charset) {
        this(() -> new ByteArrayInputStream(bytes), start, charset);
    }

    /**
     * @param file    the file, read (never written) on each walk
     * @param start   where the text starts (after a byte-order mark)
     * @param charset the detected encoding
     */
    public DecodedText(Path file, int start, Charset charset) {
        this(() -> Files.newInputStream(file), start, charset);
    }

    private DecodedText(Source source, int start, Charset charset) {
        this.source = source;
        this.start = start;
        this.charset = charset;
    }

    /** The detected encoding, as a Java charset name ({@code IBM850}, {@code UTF-16LE}, …). */
    public String encoding() {
        return charset.name();
    }

    /**
     * The lines, decoded afresh on each walk. A file is closed when the walk reaches its end (or
     * fails); a walk abandoned early leaves it to the garbage collector, so parsers walk to the end.
     */
    public Iterable<String> lines() {
        return () -> {
            try {
                InputStream in = source.open();
                in.skipNBytes(start);
                return new LineWalk(new BufferedReader(new InputStreamReader(in, charset), 64 * 1024));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** The first {@code n} lines (fewer if the text is shorter). */
    public List<String> head(int n) {
        List<String> head = new ArrayList<>();
        Iterator<String> it = lines().iterator();
        try {
            while (head.size() < n && it.hasNext()) {
                head.add(it.next());
            }
        } finally {
            ((LineWalk) it).close();
        }
        return head;
    }

    /** One walk over the lines, closing the reader at the end. */
    private static final class LineWalk implements Iterator<String> {
        private final BufferedReader reader;
        private String next;
        private boolean done;

        LineWalk(BufferedReader reader) {
            this.reader = reader;
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                try {
                    next = reader.readLine();
                } catch (IOException e) {
                    close();
                    throw new UncheckedIOException(e);
                }
                if (next == null) {
                    close();
                }
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String line = next;
            next = null;
            return line;
        }

        void close() {
            done = true;
            try {
                reader.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
