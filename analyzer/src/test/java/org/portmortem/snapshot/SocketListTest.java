package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.net.Protocol;

/** The compact socket columns: what goes in comes out, and a snapshot keeps them instead of copying. */
class SocketListTest {
    @TempDir
    Path dir;

    @Test
    void everySocketOfARealListingReadsBackEqual() throws IOException {
        NetstatSnapshot netstat = SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-default-ano.txt"));
        SocketList columns = new SocketList();
        columns.addAll(netstat.sockets());
        assertThat(columns).containsExactlyElementsOf(netstat.sockets());
        assertThat(columns.size()).isGreaterThan(5);
    }

    @Test
    void nullFieldsNamedPortsServicesAndMemoryRecordsSurvive() {
        Socket udp = new Socket(
                Protocol.UDP,
                null,
                "0.0.0.0",
                new Port(null, "netbios-ns"),
                "*",
                null,
                null,
                null,
                null,
                null,
                List.of(),
                7);
        Socket tcp = new Socket(
                        Protocol.TCP,
                        6,
                        "::",
                        Port.of(445),
                        "::",
                        Port.of(0),
                        SocketState.LISTENING,
                        "ABHÖREN",
                        4,
                        "System",
                        List.of("LanmanServer", "Browser"),
                        9)
                .withMemory(new MemoryRecord(
                        "0x1234",
                        "2020-01-02 03:04:05",
                        Instant.parse("2020-01-02T03:04:05Z"),
                        RecordMark.LIVE,
                        null,
                        null,
                        "netscan",
                        null));
        SocketList columns = new SocketList();
        columns.add(udp);
        columns.add(tcp);
        assertThat(columns).containsExactly(udp, tcp);
        columns.set(1, tcp.withOwner("svchost.exe", List.of("RpcSs")));
        assertThat(columns.get(1).process()).isEqualTo("svchost.exe");
        assertThat(columns.get(1).memory()).isEqualTo(tcp.memory());
    }

    @Test
    void aNetstatSnapshotKeepsItsColumnsReadOnly() throws IOException {
        NetstatSnapshot netstat = SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-default-ano.txt"));
        assertThat(netstat.sockets()).isInstanceOf(SocketList.class);
        assertThatThrownBy(() -> netstat.sockets().add(netstat.sockets().get(0)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ownersAttachedToColumnsEqualOwnersAttachedToAPlainList() throws IOException {
        NetstatSnapshot netstat = SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-default-ano.txt"));
        ProcessTable tasks = SnapshotReader.readProcesses(Fixtures.copy(dir, "tasklist-svc-xp.txt"));
        NetstatSnapshot plain = netstat.withSockets(new ArrayList<>(netstat.sockets()));
        assertThat(plain.sockets()).isNotInstanceOf(SocketList.class);
        List<Socket> viaColumns =
                SocketOwners.attach(netstat, Optional.of(tasks)).sockets();
        assertThat(viaColumns)
                .isInstanceOf(SocketList.class)
                .containsExactlyElementsOf(
                        SocketOwners.attach(plain, Optional.of(tasks)).sockets());
        assertThat(viaColumns.get(0).process()).isEqualTo("svchost.exe");
    }
}
