package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tasklist in its four forms. The fixtures were written for PortMortem in the Windows XP layout
 * documented for {@code tasklist /svc} (KB 314056 / JSI tip 4660: {@code Image Name PID Services},
 * a {@code ====} underline of 25, 6 and 45 characters, services wrapped on lines indented past the
 * PID column, {@code N/A} for none) and plain tasklist (session name, session number, memory),
 * with the PIDs of the seed paper's XP listing.
 */
class TaskListTest {
    @TempDir
    Path dir;

    @Test
    void svcTableJoinsWrappedServiceLists() throws IOException {
        ProcessTable t = SnapshotReader.readProcesses(Fixtures.copy(dir, "tasklist-svc-xp.txt"));
        assertThat(t.kind()).isEqualTo(SnapshotKind.TASKLIST_SVC);
        assertThat(t.warnings()).isEmpty();
        assertThat(t.processes()).hasSize(13);
        ProcessEntry netsvcs = t.byPid(976).orElseThrow();
        assertThat(netsvcs.imageName()).isEqualTo("svchost.exe");
        assertThat(netsvcs.services())
                .hasSize(29)
                .startsWith("AudioSrv", "BITS")
                .contains("Schedule", "Messenger")
                .endsWith("WZCSVC");
        assertThat(netsvcs.line()).isEqualTo(12);
        assertThat(t.byPid(0).orElseThrow().imageName()).isEqualTo("System Idle Process");
        assertThat(t.byPid(4).orElseThrow().services()).isEmpty();
        assertThat(t.byPid(704).orElseThrow().services()).containsExactly("PolicyAgent", "ProtectedStorage", "SamSs");
    }

    @Test
    void windows10ColumnWidthsAreReadFromTheUnderline() throws IOException {
        // Windows 10 widens the PID column to 8 characters; the underline says so.
        String text = "\r\nImage Name                     PID Services\r\n"
                + "========================= ======== ============================================\r\n"
                + "svchost.exe                    876 BrokerInfrastructure, DcomLaunch, PlugPlay,\r\n"
                + "                                   Power, SystemEventsBroker\r\n"
                + "svchost.exe                  12345 RpcEptMapper, RpcSs\r\n";
        ProcessTable t = SnapshotReader.readProcesses(Fixtures.write(dir, "w10.txt", text, StandardCharsets.US_ASCII));
        assertThat(t.warnings()).isEmpty();
        assertThat(t.byPid(876).orElseThrow().services())
                .containsExactly("BrokerInfrastructure", "DcomLaunch", "PlugPlay", "Power", "SystemEventsBroker");
        assertThat(t.byPid(12345).orElseThrow().services()).containsExactly("RpcEptMapper", "RpcSs");
    }

    @Test
    void svcCsvGivesTheSameTableAsTheSvcTable() throws IOException {
        ProcessTable table = SnapshotReader.readProcesses(Fixtures.copy(dir, "tasklist-svc-xp.txt"));
        ProcessTable csv = SnapshotReader.readProcesses(Fixtures.copy(dir, "tasklist-svc-xp.csv"));
        assertThat(csv.kind()).isEqualTo(SnapshotKind.TASKLIST_SVC_CSV);
        assertThat(csv.warnings()).isEmpty();
        assertThat(csv.processes().keySet())
                .containsExactlyElementsOf(table.processes().keySet());
        for (int pid : table.processes().keySet()) {
            assertThat(csv.byPid(pid).orElseThrow().services())
                    .isEqualTo(table.byPid(pid).orElseThrow().services());
            assertThat(csv.byPid(pid).orElseThrow().imageName())
                    .isEqualTo(table.byPid(pid).orElseThrow().imageName());
        }
    }

    @Test
    void plainTableAndCsvGiveSessionAndMemory() throws IOException {
        for (String name : new String[] {"tasklist-xp.txt", "tasklist-xp.csv"}) {
            ProcessTable t = SnapshotReader.readProcesses(Fixtures.copy(dir, name));
            assertThat(t.kind()).isIn(SnapshotKind.TASKLIST, SnapshotKind.TASKLIST_CSV);
            assertThat(t.warnings()).isEmpty();
            assertThat(t.processes()).hasSize(6);
            ProcessEntry e = t.byPid(976).orElseThrow();
            assertThat(e.imageName()).isEqualTo("svchost.exe");
            assertThat(e.sessionName()).isEqualTo("Console");
            assertThat(e.sessionNumber()).isZero();
            assertThat(e.memoryUsage()).isEqualTo("18,772 K");
            assertThat(e.services()).isEmpty();
        }
    }

    @Test
    void aTaskListIsNotASocketListing() throws IOException {
        Path f = Fixtures.copy(dir, "tasklist-svc-xp.txt");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotReader.readSockets(f))
                .isInstanceOf(org.portmortem.InputException.class)
                .hasMessage(f + ": a tasklist svc, not a socket listing");
    }
}
