package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.net.Protocol;

/**
 * PowerShell socket listings. The fixtures were written for PortMortem: the tables follow the
 * default views of {@code Get-NetTCPConnection} (LocalAddress, LocalPort, RemoteAddress,
 * RemotePort, State, AppliedSetting, OwningProcess over dashes) and {@code Get-NetUDPEndpoint}
 * (LocalAddress, LocalPort); the CSVs follow {@code Export-Csv} of MSFT_NetTCPConnection /
 * MSFT_NetUDPEndpoint (a {@code #TYPE} line in Windows PowerShell 5.1, quoted CIM property
 * names; a subset of the columns, since the reader goes by column name).
 */
class PowerShellListingTest {
    @TempDir
    Path dir;

    @Test
    void tcpTableAndCsvReadTheSameSockets() throws IOException {
        NetstatSnapshot table = SnapshotReader.readSockets(Fixtures.copy(dir, "get-nettcpconnection.txt"));
        NetstatSnapshot csv = SnapshotReader.readSockets(Fixtures.copy(dir, "get-nettcpconnection.csv"));
        assertThat(table.kind()).isEqualTo(SnapshotKind.NET_TCP_CONNECTION_TABLE);
        assertThat(csv.kind()).isEqualTo(SnapshotKind.NET_TCP_CONNECTION_CSV);
        assertThat(table.warnings()).isEmpty();
        assertThat(csv.warnings()).isEmpty();
        assertThat(table.sockets()).hasSize(8);
        assertThat(table.sockets())
                .extracting(s -> s.protocol() + " " + s.localEndpoint() + " " + s.state() + " " + s.pid())
                .containsExactly(
                        "TCP [::]:49669 LISTENING 708",
                        "TCP [::]:445 LISTENING 4",
                        "TCP [::]:135 LISTENING 1012",
                        "TCP 192.168.1.20:49711 ESTABLISHED 3104",
                        "TCP 192.168.1.20:49712 TIME_WAIT 0",
                        "TCP 0.0.0.0:445 LISTENING 4",
                        "TCP 0.0.0.0:135 LISTENING 1012",
                        "TCP 0.0.0.0:49700 BOUND 3104");
        assertThat(csv.sockets())
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("line")
                .containsExactlyElementsOf(table.sockets());
        assertThat(table.sockets().get(0).ipVersion()).isEqualTo(6);
        assertThat(table.language()).isEqualTo("powershell");
    }

    @Test
    void powerShell7CsvWithoutTypeLineIsRecognised() throws IOException {
        String csv = Fixtures.text("get-nettcpconnection.csv");
        Path f = Fixtures.write(dir, "ps7.csv", csv.substring(csv.indexOf('\n') + 1), StandardCharsets.UTF_8);
        NetstatSnapshot s = SnapshotReader.readSockets(f);
        assertThat(s.kind()).isEqualTo(SnapshotKind.NET_TCP_CONNECTION_CSV);
        assertThat(s.sockets()).hasSize(8);
        assertThat(s.warnings()).isEmpty();
    }

    @Test
    void udpTableAndCsvReadEndpoints() throws IOException {
        NetstatSnapshot table = SnapshotReader.readSockets(Fixtures.copy(dir, "get-netudpendpoint.txt"));
        NetstatSnapshot csv = SnapshotReader.readSockets(Fixtures.copy(dir, "get-netudpendpoint.csv"));
        assertThat(table.kind()).isEqualTo(SnapshotKind.NET_UDP_ENDPOINT_TABLE);
        assertThat(csv.kind()).isEqualTo(SnapshotKind.NET_UDP_ENDPOINT_CSV);
        assertThat(table.warnings()).isEmpty();
        assertThat(table.sockets())
                .extracting(Socket::localEndpoint)
                .containsExactly(
                        "[::]:5355", "[fe80::1c2d:3e4f:5a6b:7c8d%12]:1900", "0.0.0.0:5353", "192.168.1.20:137");
        assertThat(table.sockets()).allMatch(s -> s.protocol() == Protocol.UDP && s.pid() == null && s.state() == null);
        assertThat(csv.sockets()).extracting(Socket::pid).containsExactly(1100, 1101, 1102, 1103);
    }

    @Test
    void powerShellRedirectionInUtf16IsRead() throws IOException {
        // Windows PowerShell 5.1's ">" writes UTF-16LE with a BOM.
        Path f = Fixtures.write(
                dir, "ps.txt", Fixtures.text("get-nettcpconnection.txt"), StandardCharsets.UTF_16LE, (byte) 0xFF, (byte)
                        0xFE);
        NetstatSnapshot s = SnapshotReader.readSockets(f);
        assertThat(s.encoding()).isEqualTo("UTF-16LE");
        assertThat(s.sockets()).hasSize(8);
    }
}
