package org.portmortem.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Sleuth Kit reading of an image built from the XP reference system: volumes, installations, copies. */
class OpenedImageTest {
    @TempDir
    static Path dir;

    static Path disk;
    static Path bare;

    @BeforeAll
    static void build() throws IOException {
        Path tree = TestImages.windowsTree(dir.resolve("tree"), "winxp-default", "WINDOWS");
        bare = TestImages.ntfsVolume(tree, dir.resolve("volume.raw"), "XPSYS");
        disk = TestImages.mbrDisk(dir.resolve("disk.dd"), bare);
    }

    private static byte[] sha256(Path file) throws IOException {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aPartitionedDiskShowsItsNtfsVolumeAndTheXpInstallation() throws IOException {
        try (OpenedImage image = OpenedImage.open(DiskImage.recognise(disk).orElseThrow())) {
            assertThat(image.image().format()).isEqualTo(ImageFormat.RAW);
            List<Volume> volumes = image.volumes();
            assertThat(volumes).hasSize(1);
            assertThat(volumes.get(0).startSector()).isEqualTo(2048);
            assertThat(volumes.get(0).fileSystem()).isEqualTo("NTFS");
            assertThat(volumes.get(0).label()).isEqualTo("XPSYS");
            WindowsInstallation xp = image.installations().get(0);
            assertThat(xp.systemRoot()).isEqualTo("WINDOWS");
            assertThat(xp.configPath()).isEqualTo("WINDOWS/system32/config");
            assertThat(xp.hives())
                    .extracting(ImageEntry::path)
                    .containsExactlyInAnyOrder(
                            "WINDOWS/system32/config/SYSTEM", "WINDOWS/system32/config/SOFTWARE",
                            "WINDOWS/system32/config/RegBack/SYSTEM", "WINDOWS/repair/system");
        }
    }

    @Test
    void extractedHivesAreByteForByteTheFilesPutOnTheVolumeAndTheFolderIsRemovedOnClose() throws IOException {
        Path workspace;
        try (OpenedImage image = OpenedImage.open(DiskImage.recognise(disk).orElseThrow())) {
            ExtractedInstallation x = image.extract(image.installations().get(0));
            workspace = image.workspace();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(workspace)))
                    .isEqualTo("rwx------");
            Path system = x.folder().resolve("WINDOWS/system32/config/SYSTEM");
            assertThat(Files.mismatch(system, dir.resolve("tree/WINDOWS/system32/config/SYSTEM")))
                    .isEqualTo(-1);
            assertThat(Files.size(x.folder().resolve("WINDOWS/system32/config/RegBack/SYSTEM")))
                    .isZero();
            ImageFileOrigin o = x.origin(system).orElseThrow();
            assertThat(o.offset()).isEqualTo(2048 * 512);
            assertThat(o.volume()).isEqualTo(1);
            assertThat(o.pathInImage()).isEqualTo("WINDOWS/system32/config/SYSTEM");
            assertThat(o.mftEntry()).isPositive();
            assertThat(o.segments())
                    .containsExactly(new DiskImage.SegmentHash(
                            disk, Files.size(disk), java.util.HexFormat.of().formatHex(sha256(disk))));
            assertThat(o.times().standardInformation().born()).isNotNull();
            assertThat(o.times().standardInformation().modified()).isNotNull();
        }
        assertThat(workspace).doesNotExist();
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()))
                .containsExactlyInAnyOrder("tree", "volume.raw", "disk.dd");
    }

    @Test
    void aGptDiskShowsItsBasicDataPartitionAndTheInstallationOnIt() throws IOException {
        Path gpt = TestImages.gptDisk(dir.resolve("gpt.dd"), bare);
        try (OpenedImage image = OpenedImage.open(DiskImage.recognise(gpt).orElseThrow())) {
            assertThat(image.volumes())
                    .filteredOn(v -> "NTFS".equals(v.fileSystem()))
                    .singleElement()
                    .satisfies(v -> assertThat(v.startSector()).isEqualTo(2048));
            assertThat(image.installations())
                    .singleElement()
                    .satisfies(i -> assertThat(i.configPath()).isEqualTo("WINDOWS/system32/config"));
        } finally {
            Files.delete(gpt);
        }
    }

    @Test
    void aBareVolumeImageIsOneVolumeAtOffsetZero() throws IOException {
        try (OpenedImage image = OpenedImage.open(DiskImage.recognise(bare).orElseThrow())) {
            assertThat(image.volumes()).singleElement().satisfies(v -> {
                assertThat(v.startSector()).isZero();
                assertThat(v.description()).isEqualTo("whole image");
            });
            assertThat(image.installations()).hasSize(1);
        }
    }

    @Test
    void aMissingToolIsOneLineNamingThePackageToInstall() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ExternalTool.text(disk, "sleuthkit", List.of("portmortem-no-such-tool", disk.toString())))
                .isInstanceOf(ImageException.class)
                .hasMessageStartingWith(disk + ": cannot run portmortem-no-such-tool")
                .hasMessageContaining("apt-get install sleuthkit")
                .hasMessageNotContaining("\n");
    }

    @Test
    void hivesAndTextFilesAreNotTakenForImages() throws IOException {
        assertThat(DiskImage.recognise(dir.resolve("tree/WINDOWS/system32/config/SYSTEM")))
                .isEmpty();
        assertThat(DiskImage.recognise(TestImages.fixture("winxp-default").resolve("SYSTEM.reg")))
                .isEmpty();
        assertThat(DiskImage.recognise(dir.resolve("tree"))).isEqualTo(Optional.empty());
    }
}
