package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.MemoryHive;

/** The byte writer of {@code dump --format jsonl} gives exactly the bytes of the Jackson writer path. */
class DumpJsonLinesBytesTest {

    @Test
    void aRealSystemHiveDumpsToTheSameBytesAsThroughTheWriter() throws IOException {
        try (Hive h = Hive.open(CorpusLocation.hive("dissect-regf/SYSTEM"), HiveOpenOptions.NO_LOGS)) {
            byte[] viaWriter = throughWriter(h);
            assertThat(viaWriter.length).isGreaterThan(1_000_000);
            assertThat(throughBytes(h)).isEqualTo(viaWriter);
        }
    }

    @Test
    void controlCharactersQuotesNonAsciiAndLoneSurrogatesComeOutAsJacksonWritesThem() throws IOException {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            every.append(c);
        }
        String awkward =
                every + "\"\\/ \u2028\u20ac\uffff \ud83d\ude00 lone high \ud83d, lone low \ude00 end high \ud83d";
        MemoryHive h = MemoryHive.empty("crafted", "ROOT");
        MemoryHive.MemoryKey k = h.createKey("A\"b\\c\nd" + awkward);
        k.setLastWritten(Instant.parse("2024-02-29T23:59:59.1234567Z"));
        k.putValue(awkward, 1, "x".getBytes(StandardCharsets.UTF_16LE));
        k.putValue("", 0xFFFF0011, new byte[] {0, 1, (byte) 0xab, (byte) 0xff});
        h.createKey("\ud800\ud800\udc00");
        // longer than the byte writer's buffer: a name, a path and data written past it
        MemoryHive.MemoryKey longKey = h.createKey("\u00e9\\".repeat(6_000) + "end");
        longKey.putValue("n\t\u20ac".repeat(8_000), 3, new byte[100_000]);
        byte[] viaWriter = throughWriter(h);
        assertThat(new String(viaWriter, StandardCharsets.UTF_8))
                .contains("\\u0001", "\\n", "\\\"", "?", "\ud83d\ude00");
        assertThat(throughBytes(h)).isEqualTo(viaWriter);
    }

    @Test
    void standardOutputInAnotherEncodingKeepsTheWriterPath() {
        assertThat(StandardOutput.create().utf8Bytes().isPresent())
                .isEqualTo(java.nio.charset.Charset.defaultCharset().equals(StandardCharsets.UTF_8)
                                && System.getProperty("sun.stdout.encoding") == null
                        || "UTF-8".equalsIgnoreCase(System.getProperty("sun.stdout.encoding")));
    }

    private static byte[] throughWriter(Hive h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
                DumpCommand.KeyPrinter p = DumpCommand.printerFor(DumpCommand.Format.jsonl, w)) {
            DumpCommand.dump(h.root(), p);
        }
        return bytes.toByteArray();
    }

    private static byte[] throughBytes(Hive h) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DumpCommand.KeyPrinter p = new DumpJsonLinesBytes(bytes)) {
            DumpCommand.dump(h.root(), p);
        }
        return bytes.toByteArray();
    }
}
