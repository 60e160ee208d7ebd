package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PID → process → services, from a tasklist /svc of the same machine or from netstat -b. */
class SocketOwnersTest {
    @TempDir
    Path dir;

    @Test
    void tasklistSvcNamesTheProcessAndServicesOfEachPid() throws IOException {
        NetstatSnapshot netstat = SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-default-ano.txt"));
        ProcessTable tasks = SnapshotReader.readProcesses(Fixtures.copy(dir, "tasklist-svc-xp.txt"));
        NetstatSnapshot owned = SocketOwners.attach(netstat, Optional.of(tasks));
        Socket rpc = owned.sockets().get(0);
        assertThat(rpc.process()).isEqualTo("svchost.exe");
        assertThat(rpc.services()).containsExactly("RpcSs");
        Socket ike = owned.sockets().stream()
                .filter(s -> s.localEndpoint().equals("0.0.0.0:500"))
                .findFirst()
                .orElseThrow();
        assertThat(ike.process()).isEqualTo("lsass.exe");
        assertThat(ike.services()).contains("PolicyAgent");
        Socket smb = owned.sockets().get(1);
        assertThat(smb.pid()).isEqualTo(4);
        assertThat(smb.process()).isEqualTo("System");
        assertThat(smb.services()).isEmpty();
    }

    @Test
    void withoutAProcessTablePid4IsTheKernelAndOthersKeepOnlyTheirPid() throws IOException {
        NetstatSnapshot owned = SocketOwners.attach(
                SnapshotReader.readSockets(Fixtures.copy(dir, "seed-xp-default-ano.txt")), Optional.empty());
        assertThat(owned.sockets().get(1).process()).isEqualTo("System");
        assertThat(owned.sockets().get(0).process()).isNull();
        assertThat(owned.sockets().get(0).pid()).isEqualTo(884);
    }

    @Test
    void dashBOwnersWinOverTheProcessTable() throws IOException {
        String text =
                "\nActive Connections\n\n  Proto  Local Address          Foreign Address        State           PID\n"
                        + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       884\n"
                        + "  RpcSs\n [svchost.exe]\n";
        NetstatSnapshot netstat = SnapshotReader.readSockets(
                Fixtures.write(dir, "b.txt", text, java.nio.charset.StandardCharsets.US_ASCII));
        ProcessTable tasks = SnapshotReader.readProcesses(Fixtures.copy(dir, "tasklist-xp.txt"));
        Socket s = SocketOwners.attach(netstat, Optional.of(tasks)).sockets().get(0);
        assertThat(s.process()).isEqualTo("svchost.exe");
        assertThat(s.services()).containsExactly("RpcSs");
    }
}
