package org.portmortem.cli;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The process's standard output as picocli would make it (a buffered writer in the stdout encoding,
 * flushed at each line end), which also lets a command that writes a lot of UTF-8 text write the
 * bytes itself: encoding Java strings to characters and back to bytes through the writer was a
 * third of the time of a large {@code dump --format jsonl}.
 */
final class StandardOutput extends PrintWriter {
    private final PrintStream bytes;
    private final Charset charset;

    private StandardOutput(PrintStream bytes, Charset charset) {
        super(new BufferedWriter(new OutputStreamWriter(bytes, charset)), true);
        this.bytes = bytes;
        this.charset = charset;
    }

    /** System.out in the encoding picocli uses for it ({@code sun.stdout.encoding}, else the default). */
    static StandardOutput create() {
        String encoding = System.getProperty("sun.stdout.encoding");
        return new StandardOutput(System.out, encoding != null ? Charset.forName(encoding) : Charset.defaultCharset());
    }

    /**
     * The byte stream under this writer, after what was written so far, when the text is UTF-8;
     * empty in another encoding, where only the writer knows how characters are encoded.
     */
    Optional<OutputStream> utf8Bytes() {
        if (!charset.equals(StandardCharsets.UTF_8)) {
            return Optional.empty();
        }
        flush();
        return Optional.of(bytes);
    }
}
