package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory-scan semantics on small listings made for this test ({@code src/test/resources/memory/crafted-*}:
 * a Volatility 3 netscan in the quick renderer with one row of each kind, and the pslist, cmdline and
 * svcscan of the same invented machine). They run without the shared corpus.
 */
class MemoryListingTest {
    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        try (InputStream in = MemoryListingTest.class.getResourceAsStream("/memory/" + name)) {
            return Files.write(dir.resolve(name), in.readAllBytes());
        }
    }

    private static MemoryRecord record(NetstatSnapshot s, int row) {
        return s.sockets().get(row).memory();
    }

    @Test
    void everyRowIsKeptWithItsOffsetCreatedTimeAndMark() throws IOException {
        NetstatSnapshot s = SnapshotReader.readSockets(resource("crafted-netscan.txt"));
        assertThat(s.kind()).isEqualTo(SnapshotKind.VOLATILITY3_SOCKETS);
        assertThat(s.source())
                .isEqualTo(new ListingSource(
                        "Volatility 3",
                        "windows.netscan (by the file name; the columns are windows.netstat's too)",
                        "quick",
                        "2.21.0"));
        assertThat(s.warnings()).isEmpty();
        assertThat(s.sockets())
                .extracting(k -> k.memory().markText())
                .containsExactly(
                        "live",
                        "live",
                        "live",
                        "duplicate of offset 0x9a0000002000",
                        "closed",
                        "unbound",
                        "implausible",
                        "live",
                        "live");
        // A dual-stack object: one offset, a v4 and a v6 row, both live.
        assertThat(s.sockets().subList(0, 2)).extracting(Socket::ipVersion).containsExactly(4, 6);
        assertThat(record(s, 0).offset()).isEqualTo("0x9a0000001000");
        assertThat(record(s, 0).created()).isEqualTo(Instant.parse("2026-03-02T08:00:01Z"));
        assertThat(record(s, 4).createdText()).isNull();
        assertThat(record(s, 6).reason()).contains("not an IPv6 address");
        assertThat(s.sockets().get(5)).satisfies(u -> {
            assertThat(u.foreignAddress()).isEqualTo("*");
            assertThat(u.foreignPort()).isNull();
            assertThat(u.state()).isNull();
        });
        // The capture is no earlier than the latest creation time.
        assertThat(s.latestCreated()).isEqualTo(Instant.parse("2026-03-02T09:14:59Z"));
    }

    @Test
    void companionsAttributeSvchostSocketsToServicesAndNameACutOwnerByPrefix() throws IOException {
        ProcessTable pslist = SnapshotReader.readProcesses(resource("crafted-pslist.txt"));
        ProcessTable cmdline = SnapshotReader.readProcesses(resource("crafted-cmdline.txt"));
        ProcessTable svcscan = SnapshotReader.readProcesses(resource("crafted-svcscan.txt"));
        assertThat(pslist.kind()).isEqualTo(SnapshotKind.VOLATILITY_PROCESSES);
        assertThat(svcscan.kind()).isEqualTo(SnapshotKind.VOLATILITY_SERVICES);
        assertThat(pslist.byPid(4220)).map(ProcessEntry::imageName).contains("PhoneExperienc");
        assertThat(cmdline.byPid(4220)).map(ProcessEntry::imageName).contains("PhoneExperienceHost.exe");
        assertThat(cmdline.byPid(1504)).map(ProcessEntry::services).contains(List.of("Dnscache"));
        // A stopped service has no process: not attributed.
        assertThat(svcscan.processes()).containsOnlyKeys(912, 1504);

        ProcessTable merged = ProcessTable.merge(ProcessTable.merge(pslist, cmdline), svcscan);
        assertThat(merged.byPid(912)).map(ProcessEntry::services).contains(List.of("RpcSs", "RpcEptMapper"));
        NetstatSnapshot s =
                SocketOwners.attach(SnapshotReader.readSockets(resource("crafted-netscan.txt")), Optional.of(merged));
        Socket phone = s.sockets().get(2);
        assertThat(phone.process()).isEqualTo("PhoneExperienceHost.exe");
        assertThat(phone.memory().ownerNote())
                .isEqualTo("owner 'PhoneExperienc' (cut to 14 characters) matched by"
                        + " prefix to PhoneExperienceHost.exe, PID 4220 in crafted-pslist.txt");
        assertThat(s.sockets().get(0).services()).containsExactly("RpcSs", "RpcEptMapper");
        assertThat(s.sockets().get(7).services()).containsExactly("Dnscache");
        // A name that is not cut (svchost.exe) is never replaced.
        assertThat(s.sockets().get(0).memory().ownerNote()).isNull();
    }

    @Test
    void companionsAndListingsAreFoundInACaseFolderByContent() throws IOException {
        for (String n :
                List.of("crafted-netscan.txt", "crafted-pslist.txt", "crafted-cmdline.txt", "crafted-svcscan.txt")) {
            resource(n);
        }
        assertThat(SnapshotFiles.find(dir))
                .extracting(RecognizedSnapshot::kind)
                .containsExactly(
                        SnapshotKind.VOLATILITY_PROCESSES,
                        SnapshotKind.VOLATILITY3_SOCKETS,
                        SnapshotKind.VOLATILITY_PROCESSES,
                        SnapshotKind.VOLATILITY_SERVICES);
    }

    @Test
    void volatility2SvcscanBlocksGiveTheRunningServicesOfEachPid() throws IOException {
        // Laid out as volatility/plugins/malware/svcscan.py render_text writes it; values invented for the test.
        Path f = Files.writeString(
                dir.resolve("svcscan2.txt"),
                "Volatility Foundation Volatility Framework 2.6\n"
                        + "Offset: 0x381e60\nOrder: 1\nProcess ID: 884\nService Name: RpcSs\n"
                        + "Display Name: Remote Procedure Call (RPC)\nService Type: SERVICE_WIN32_SHARE_PROCESS\n"
                        + "Service State: SERVICE_RUNNING\nBinary Path: C:\\WINDOWS\\system32\\svchost -k rpcss\n\n"
                        + "Offset: 0x381f00\nOrder: 2\nProcess ID: -\nService Name: Fax\nDisplay Name: Fax\n"
                        + "Service Type: SERVICE_WIN32_OWN_PROCESS\nService State: SERVICE_STOPPED\nBinary Path: -\n\n");
        ProcessTable t = SnapshotReader.readProcesses(f);
        assertThat(t.kind()).isEqualTo(SnapshotKind.VOLATILITY_SERVICES);
        assertThat(t.processes()).containsOnlyKeys(884);
        assertThat(t.byPid(884)).map(ProcessEntry::services).contains(List.of("RpcSs"));
    }
}
