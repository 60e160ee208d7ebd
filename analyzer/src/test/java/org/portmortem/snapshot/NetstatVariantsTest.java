package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.net.Protocol;

/** netstat forms other than -an/-ano: XP SP2 -b/-v blocks, resolved names, line ends, garbled lines. */
class NetstatVariantsTest {
    @TempDir
    Path dir;

    private NetstatSnapshot read(String text) throws IOException {
        return SnapshotReader.readSockets(Fixtures.write(dir, "n.txt", text, StandardCharsets.UTF_8));
    }

    @Test
    void xpDashBvBlocksGiveTheImageAndSkipComponentLines() throws IOException {
        // XP SP2 layout: [image] on its own line, -v module paths before it, a blank line between entries.
        NetstatSnapshot s = read("\r\nActive Connections\r\n\r\n"
                + "  Proto  Local Address          Foreign Address        State           PID\r\n"
                + "  TCP    0.0.0.0:1025           0.0.0.0:0              LISTENING       976\r\n"
                + "  C:\\WINDOWS\\system32\\WS2_32.dll\r\n"
                + "  C:\\Program Files\\Common Files\\x.dll\r\n"
                + "  -- unknown component(s) --\r\n"
                + "  [svchost.exe]\r\n\r\n"
                + "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4\r\n"
                + "  [System]\r\n\r\n");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.sockets()).extracting(Socket::process).containsExactly("svchost.exe", "System");
        assertThat(s.sockets()).allMatch(x -> x.services().isEmpty());
        assertThat(s.flags()).contains("b");
    }

    @Test
    void anOwnerSentenceInAnotherLanguageIsReadAsNoOwnerWithAWarning() throws IOException {
        // The sentence is invented for the test (no localized form is confirmed); only its one-space indent matters.
        NetstatSnapshot s = read("\r\n  Proto  Local Address          Foreign Address        State           PID\r\n"
                + "  TCP    0.0.0.0:445            0.0.0.0:0              LISTENING       4\r\n"
                + " Informations de propriete introuvables\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       900\r\n"
                + "  RpcSs\r\n [svchost.exe]\r\n");
        assertThat(s.sockets()).extracting(Socket::process).containsExactly(null, "svchost.exe");
        assertThat(s.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.message()).startsWith("owner line not in the vocabulary");
        });
    }

    @Test
    void resolvedHostAndPortNamesAreKeptAsPrinted() throws IOException {
        NetstatSnapshot s = read("C:\\>netstat -a\n\nActive Connections\n\n"
                + "  Proto  Local Address          Foreign Address        State\n"
                + "  TCP    xp:epmap               xp:0                   LISTENING\n"
                + "  TCP    xp:1031                www.example.org:https  ESTABLISHED\n"
                + "  UDP    xp:ntp                 *:*\n");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.flags()).containsExactly("a");
        Socket epmap = s.sockets().get(0);
        assertThat(epmap.localAddress()).isEqualTo("xp");
        assertThat(epmap.localPort()).isEqualTo(new Port(null, "epmap"));
        assertThat(epmap.ipVersion()).isNull();
        assertThat(s.sockets().get(1).foreignPort().name()).isEqualTo("https");
        assertThat(s.sockets().get(2).localPort().name()).isEqualTo("ntp");
    }

    @Test
    void boundSocketsOfDashQAreNotListeners() throws IOException {
        NetstatSnapshot s = read("C:\\>netstat -a -q -n\n"
                + "  TCP    0.0.0.0:22             0.0.0.0:0              BOUND\n"
                + "  TCPv6  [::]:135               [::]:0                 LISTENING       884\n");
        assertThat(s.warnings()).isEmpty();
        assertThat(s.flags()).contains("q");
        assertThat(s.sockets()).extracting(Socket::state).containsExactly(SocketState.BOUND, SocketState.LISTENING);
        assertThat(s.sockets().get(1).protocol()).isEqualTo(Protocol.TCP);
        assertThat(s.sockets().get(1).ipVersion()).isEqualTo(6);
    }

    @Test
    void crOnlyAndLfOnlyLineEndsReadLikeCrlf() throws IOException {
        String crlf = Fixtures.text("seed-xp-default-ano.txt").replace("\n", "\r\n");
        NetstatSnapshot reference = read(crlf);
        assertThat(read(crlf.replace("\r\n", "\r")).sockets()).isEqualTo(reference.sockets());
        assertThat(read(crlf.replace("\r\n", "\n")).sockets()).isEqualTo(reference.sockets());
    }

    @Test
    void garbledLinesBecomeWarningsWithTheirLineAndTheRestIsRead() throws IOException {
        NetstatSnapshot s = read("\nActive Connections\n\n"
                + "  Proto  Local Address          Foreign Address        State           PID\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       884\n"
                + "  TCP    0.0.0.0\n"
                + "  T#P    0.0.0.0:99  0.0.0.0:0  LIS\u0007TENING\n"
                + "  UDP    0.0.0.0:500            *:*                    junk            704\n"
                + "  UDP    0.0.0.0:1026           *:*                                    1112\n");
        assertThat(s.sockets()).extracting(Socket::line).containsExactly(5, 8, 9);
        assertThat(s.warnings()).extracting(SnapshotWarning::line).containsExactly(6, 7, 8);
        assertThat(s.warnings()).allSatisfy(w -> assertThat(w.file()).isEqualTo(dir.resolve("n.txt")));
        assertThat(s.warnings().get(0).toString())
                .isEqualTo(dir.resolve("n.txt") + ":6: not a netstat line, skipped: TCP    0.0.0.0");
    }

    @Test
    void captureTimeIsTakenFromATimestampLineBeforeTheListing() throws IOException {
        NetstatSnapshot s = read("2026-11-20 09:14:03\n" + Fixtures.text("seed-xp-default-ano.txt"));
        assertThat(s.captureTime()).hasToString("2026-11-20T09:14:03");
        assertThat(s.warnings()).isEmpty();
    }
}
