package org.portmortem.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures under {@code src/test/resources/snapshot}, and copies of them in other encodings. */
final class Fixtures {
    private Fixtures() {}

    /** The fixture's text (UTF-8 in the repository). */
    static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/snapshot/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes text into dir/name in the given encoding, optionally with a byte-order mark first. */
    static Path write(Path dir, String name, String text, Charset cs, byte... bom) throws IOException {
        byte[] body = text.getBytes(cs);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, bom.length);
        System.arraycopy(body, 0, all, bom.length, body.length);
        return Files.write(dir.resolve(name), all);
    }

    /** Writes a fixture unchanged (UTF-8) into dir. */
    static Path copy(Path dir, String name) throws IOException {
        return write(dir, name, text(name), StandardCharsets.UTF_8);
    }
}
