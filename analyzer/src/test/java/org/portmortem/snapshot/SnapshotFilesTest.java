package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot files in a case folder are found by content, whatever their names. */
class SnapshotFilesTest {
    @TempDir
    Path dir;

    /** A regf hive, a binary file and a prose note: none of them a listing. */
    private void writeHiveBinaryAndProse() throws IOException {
        byte[] hive = new byte[8192];
        System.arraycopy("regf".getBytes(StandardCharsets.US_ASCII), 0, hive, 0, 4);
        Files.write(dir.resolve("SYSTEM"), hive);
        Files.write(dir.resolve("image.bin"), new byte[] {1, 0, 2, 0, 0, 0, 9, 9, (byte) 0xFF, 0, 0, 0});
        Files.writeString(dir.resolve("notes.txt"), "Seized 2026-11-20; netstat taken before shutdown.\n");
    }

    @Test
    void findsSnapshotsByContentAndSkipsHivesBinariesAndProse() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("live/evening"));
        Files.writeString(sub.resolve("ns.log"), Fixtures.text("seed-xp-default-ano.txt"));
        Fixtures.write(
                dir, "procs", Fixtures.text("tasklist-svc-xp.txt"), StandardCharsets.UTF_16LE, (byte) 0xFF, (byte)
                        0xFE);
        Files.writeString(dir.resolve("udp.csv"), Fixtures.text("get-netudpendpoint.csv"));
        writeHiveBinaryAndProse();
        Files.writeString(dir.resolve("empty.txt"), "");
        assertThat(SnapshotFiles.find(dir))
                .containsExactly(
                        new RecognizedSnapshot(sub.resolve("ns.log"), SnapshotKind.NETSTAT),
                        new RecognizedSnapshot(dir.resolve("procs"), SnapshotKind.TASKLIST_SVC),
                        new RecognizedSnapshot(dir.resolve("udp.csv"), SnapshotKind.NET_UDP_ENDPOINT_CSV));
    }

    @Test
    void aListingHoldingAFewControlCharactersAndNulsIsRecognisedAsNetstatReadsIt() throws IOException {
        String listing = "\r\nActive Connections\r\n\r\n"
                + "  Proto  Local Address          Foreign Address        State           PID\r\n"
                + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       412\r\n"
                + "  [svc\u0000\u001b[2J\u0007.exe]\r\n";
        Path f = Files.writeString(dir.resolve("ns.txt"), listing, StandardCharsets.ISO_8859_1);
        assertThat(SnapshotReader.readSockets(f).sockets()).hasSize(1);
        assertThat(SnapshotFiles.find(dir)).containsExactly(new RecognizedSnapshot(f, SnapshotKind.NETSTAT));
    }

    @Test
    void aSurveyNamesWhatIsNeitherAHiveNorAListing() throws IOException {
        Files.writeString(dir.resolve("ns.txt"), Fixtures.text("seed-xp-default-ano.txt"));
        writeHiveBinaryAndProse();
        SnapshotFiles.Survey s = SnapshotFiles.survey(dir, 1);
        assertThat(s.snapshots()).extracting(RecognizedSnapshot::file).containsExactly(dir.resolve("ns.txt"));
        assertThat(s.unrecognized()).containsExactly(dir.resolve("image.bin"), dir.resolve("notes.txt"));
    }

    @Test
    void binaryDataAndFoldersAreRefusedWithOneLine() throws IOException {
        byte[] noise = new byte[1 << 20];
        new java.util.Random(7).nextBytes(noise);
        Path bin = Files.write(dir.resolve("memory.raw"), noise);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotReader.read(bin))
                .isInstanceOf(org.portmortem.InputException.class)
                .hasMessageStartingWith(bin + ": not a netstat");
        Path huge = dir.resolve("huge.txt");
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            raf.setLength(SnapshotReader.MAX_SIZE + 1); // sparse: no 256 MiB written
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotReader.read(huge))
                .isInstanceOf(org.portmortem.InputException.class)
                .hasMessage(huge + ": too large for a snapshot (268435457 bytes; the limit is 268435456)");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotReader.read(dir))
                .isInstanceOf(org.portmortem.InputException.class)
                .hasMessage(dir + ": not a regular file");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotReader.read(dir.resolve("absent.txt")))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void aFileThatIsNoSnapshotFailsWithOneLineNamingIt() throws IOException {
        Path f = Files.writeString(dir.resolve("notes.txt"), "nothing here\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SnapshotReader.read(f))
                .isInstanceOf(org.portmortem.InputException.class)
                .hasMessage(f + ": not a netstat, tasklist or Get-NetTCPConnection/Get-NetUDPEndpoint snapshot");
    }
}
