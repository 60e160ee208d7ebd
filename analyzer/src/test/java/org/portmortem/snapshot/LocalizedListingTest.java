package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Localized listings, and the same listing in the encodings Windows writes, read identically. */
class LocalizedListingTest {
    @TempDir
    Path dir;

    @Test
    void germanStateWordsAreNormalizedAndIpv6ZonesKept() throws IOException {
        NetstatSnapshot s = SnapshotReader.readSockets(Fixtures.copy(dir, "de-ano.txt"));
        assertThat(s.warnings()).isEmpty();
        assertThat(s.language()).isEqualTo("de");
        assertThat(s.encoding()).isEqualTo("UTF-8");
        assertThat(s.sockets())
                .extracting(x -> x.state() == null ? "-" : x.state().name())
                .containsExactly(
                        "LISTENING",
                        "LISTENING",
                        "LISTENING",
                        "ESTABLISHED",
                        "TIME_WAIT",
                        "CLOSE_WAIT",
                        "LISTENING",
                        "ESTABLISHED",
                        "-",
                        "-");
        assertThat(s.sockets().get(0).stateText()).isEqualTo("ABHÖREN");
        Socket linkLocal = s.sockets().get(7);
        assertThat(linkLocal.localAddress()).isEqualTo("fe80::1c2d:3e4f:5a6b:7c8d%12");
        assertThat(linkLocal.localPort()).isEqualTo(Port.of(49800));
        assertThat(linkLocal.foreignAddress()).isEqualTo("fe80::9:8:7:6%12");
        assertThat(linkLocal.ipVersion()).isEqualTo(6);
        assertThat(linkLocal.pid()).isEqualTo(4);
        assertThat(s.sockets().get(9).localEndpoint()).isEqualTo("[fe80::1c2d:3e4f:5a6b:7c8d%12]:1900");
    }

    @Test
    void frenchHeadersAreRecognisedAndEnglishStatesRead() throws IOException {
        NetstatSnapshot s = SnapshotReader.readSockets(Fixtures.copy(dir, "fr-ano.txt"));
        assertThat(s.warnings()).isEmpty();
        assertThat(s.language()).isEqualTo("fr");
        assertThat(s.sockets()).hasSize(7);
        assertThat(s.sockets().get(3).state()).isEqualTo(SocketState.TIME_WAIT);
    }

    @Test
    void utf16WithBomAndCodePage850CopiesReadLikeTheOriginal() throws IOException {
        for (String name : new String[] {"de-ano.txt", "fr-ano.txt"}) {
            String text = Fixtures.text(name);
            NetstatSnapshot original = SnapshotReader.readSockets(Fixtures.copy(dir, name));
            NetstatSnapshot utf16 = SnapshotReader.readSockets(Fixtures.write(
                    dir, "u16-" + name, text.replace("\n", "\r\n"), StandardCharsets.UTF_16LE, (byte) 0xFF, (byte)
                            0xFE));
            NetstatSnapshot oem = SnapshotReader.readSockets(
                    Fixtures.write(dir, "oem-" + name, text.replace("\n", "\r\n"), Charset.forName("IBM850")));
            assertThat(utf16.encoding()).isEqualTo("UTF-16LE");
            assertThat(oem.encoding()).isEqualTo("IBM850");
            assertThat(utf16.sockets()).as(name).isEqualTo(original.sockets());
            assertThat(oem.sockets()).as(name).isEqualTo(original.sockets());
            assertThat(oem.language()).isEqualTo(original.language());
            assertThat(oem.warnings()).isEmpty();
        }
    }

    @Test
    void utf8WithBomAndUtf16WithoutBomAreDetected() throws IOException {
        String text = Fixtures.text("de-ano.txt");
        NetstatSnapshot original = SnapshotReader.readSockets(Fixtures.copy(dir, "de-ano.txt"));
        NetstatSnapshot utf8Bom = SnapshotReader.readSockets(
                Fixtures.write(dir, "u8.txt", text, StandardCharsets.UTF_8, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF));
        NetstatSnapshot utf16Be =
                SnapshotReader.readSockets(Fixtures.write(dir, "u16be.txt", text, StandardCharsets.UTF_16BE));
        assertThat(utf8Bom.encoding()).isEqualTo("UTF-8");
        assertThat(utf16Be.encoding()).isEqualTo("UTF-16BE");
        assertThat(utf8Bom.sockets()).isEqualTo(original.sockets());
        assertThat(utf16Be.sockets()).isEqualTo(original.sockets());
    }

    @Test
    void ansiCopyIsToldApartFromOemByTheLocalizedWords() throws IOException {
        String text = Fixtures.text("de-ano.txt");
        NetstatSnapshot ansi =
                SnapshotReader.readSockets(Fixtures.write(dir, "ansi.txt", text, Charset.forName("windows-1252")));
        assertThat(ansi.encoding()).isEqualTo("windows-1252");
        assertThat(ansi.sockets().get(0).stateText()).isEqualTo("ABHÖREN");
    }

    @Test
    void russianListingInCodePage866IsDetected() throws IOException {
        NetstatSnapshot s = SnapshotReader.readSockets(
                Fixtures.write(dir, "ru.txt", Fixtures.text("ru-ano.txt"), Charset.forName("IBM866")));
        assertThat(s.encoding()).isEqualTo("IBM866");
        assertThat(s.language()).isEqualTo("ru");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.sockets()).hasSize(3);
    }

    @Test
    void unknownLanguageFallsBackToTheForeignAddressRule() throws IOException {
        // A header and state word the vocabulary does not hold (here invented): the TCP line with
        // foreign port 0 is still LISTENING; the established one is kept with state UNKNOWN.
        String text = "\nXyz\n\n  Pq     Lkl Adr                Frn Adr                Stt             PID\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              QWERTY          900\n"
                + "  TCP    10.0.0.2:50000         10.0.0.9:443           ASDF GH         901\n";
        NetstatSnapshot s = SnapshotReader.readSockets(Fixtures.write(dir, "xx.txt", text, StandardCharsets.UTF_8));
        assertThat(s.sockets()).extracting(Socket::state).containsExactly(SocketState.LISTENING, SocketState.UNKNOWN);
        assertThat(s.sockets().get(1).stateText()).isEqualTo("ASDF GH");
        assertThat(s.sockets().get(1).pid()).isEqualTo(901);
        assertThat(s.warnings()).extracting(SnapshotWarning::line).containsExactly(2, 4, 5, 6);
        assertThat(s.warnings().get(1).message()).startsWith("header in a language not in the vocabulary");
        assertThat(s.warnings().get(2).message())
                .isEqualTo(
                        "state word 'QWERTY' is not in the vocabulary; read as LISTENING because the foreign port is 0");
    }
}
