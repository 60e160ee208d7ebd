package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.image.TestImages;
import org.portmortem.report.CommandRun;

/**
 * A disk image given where a case folder goes: the XP reference system on an NTFS volume, as raw,
 * split E01, VHD, VHDX and VMDK images built once for the class, must give the same listeners as the
 * folder, with the image's provenance in the JSON report.
 */
class ImageCaseCommandTest {
    @TempDir
    static Path dir;

    static Path raw;
    static Path split;
    static Path e01;
    static Path vhd;
    static Path vhdx;
    static Path vmdk;
    static Path twoInstallations;

    @BeforeAll
    static void build() throws IOException {
        Path tree = TestImages.windowsTree(dir.resolve("tree"), "winxp-default", "WINDOWS");
        Path volume = TestImages.ntfsVolume(tree, dir.resolve("volume.bin"), "XPSYS");
        raw = TestImages.mbrDisk(dir.resolve("xp.dd"), volume);
        Files.createDirectories(dir.resolve("split"));
        split = TestImages.splitRaw(raw, dir.resolve("split").resolve("xp"), 8 << 20);
        Files.createDirectories(dir.resolve("e01"));
        e01 = TestImages.e01(raw, dir.resolve("e01").resolve("xp"), 8L << 20);
        vhd = TestImages.qemu(raw, dir.resolve("xp.vhd"), "vpc");
        vhdx = TestImages.qemu(raw, dir.resolve("xp.vhdx"), "vhdx");
        vmdk = TestImages.qemu(raw, dir.resolve("xp.vmdk"), "vmdk");
        Path tree2k = TestImages.windowsTree(dir.resolve("tree2k"), "win2000-server-default", "WINNT");
        twoInstallations = TestImages.mbrDisk(
                dir.resolve("two.dd"), volume, TestImages.ntfsVolume(tree2k, dir.resolve("volume2.bin"), "W2KSRV"));
    }

    static Stream<String> images() {
        return Stream.of("raw", "split", "e01", "vhd", "vhdx", "vmdk");
    }

    static Path image(String kind) {
        return switch (kind) {
            case "raw" -> raw;
            case "split" -> split;
            case "e01" -> e01;
            case "vhd" -> vhd;
            case "vhdx" -> vhdx;
            default -> vmdk;
        };
    }

    private static List<String> listeners(String json) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode l : new ObjectMapper().readTree(json)) {
            out.add(l.get("protocol").asText() + " " + l.get("address").asText() + ":"
                    + l.get("port").asText() + " "
                    + l.get("owner").get("service").asText() + " "
                    + l.get("owner").get("process").asText());
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("images")
    void listenersOnTheImageAreThoseOfTheFolder(String kind) throws IOException {
        CommandRun folder =
                CommandRun.of("listeners", TestImages.fixture("winxp-default").toString(), "--format", "json");
        CommandRun image = CommandRun.of("listeners", image(kind).toString(), "--format", "json");
        assertThat(image.exit()).as(image.err()).isZero();
        assertThat(listeners(image.out())).hasSize(16).isEqualTo(listeners(folder.out()));
    }

    @Test
    void analyzeOnAnE01ListsEveryHiveWithItsPlaceInTheImage() throws IOException {
        Path json = dir.resolve("e01.json");
        CommandRun r = CommandRun.of(
                "analyze",
                e01.toString(),
                "-o",
                dir.resolve("e01.html").toString(),
                "--json",
                json.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(r.exit()).as(r.err()).isIn(0, 1);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        JsonNode system = null;
        for (JsonNode in : report.get("inputs")) {
            if (in.get("role").asText().equals("system")) {
                system = in;
            }
        }
        assertThat(system).isNotNull();
        assertThat(system.get("path").asText()).isEqualTo(e01 + " (volume 1) : WINDOWS/system32/config/SYSTEM");
        JsonNode image = system.get("image");
        assertThat(image.get("path").asText()).isEqualTo(e01.toString());
        assertThat(image.get("format").asText()).isEqualTo("E01");
        assertThat(image.get("sha256").size()).isGreaterThan(1);
        assertThat(image.get("volume").asInt()).isEqualTo(1);
        assertThat(image.get("offset").asLong()).isEqualTo(1048576);
        assertThat(image.get("fileSystem").asText()).isEqualTo("NTFS");
        assertThat(image.get("pathInImage").asText()).isEqualTo("WINDOWS/system32/config/SYSTEM");
        assertThat(image.get("mftEntry").asLong()).isPositive();
        assertThat(image.get("times")
                        .get("standardInformation")
                        .get("born")
                        .get("utc")
                        .asText())
                .endsWith("Z");
        assertThat(system.get("sha256").asText())
                .isEqualTo(org.portmortem.cli.Sha256.of(dir.resolve("tree/WINDOWS/system32/config/SYSTEM")));
        Path folderJson = dir.resolve("folder.json");
        CommandRun f = CommandRun.of(
                "analyze",
                TestImages.fixture("winxp-default").toString(),
                "-o",
                dir.resolve("folder.html").toString(),
                "--json",
                folderJson.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(f.exit()).as(f.err()).isIn(0, 1);
        assertThat(endpoints(report.get("listeners")))
                .hasSize(16)
                .isEqualTo(endpoints(
                        new ObjectMapper().readTree(folderJson.toFile()).get("listeners")));
        assertThat(report.get("warnings").toString()).contains("using installation 1.1, volume 1 (NTFS \\\"XPSYS\\\"");
    }

    private static List<String> endpoints(JsonNode listeners) {
        List<String> out = new ArrayList<>();
        listeners.forEach(l -> out.add(
                l.get("protocol").asText() + " " + l.get("localEndpoint").asText() + " "
                        + l.get("owner").get("service").asText() + " "
                        + l.get("owner").get("process").asText()));
        return out;
    }

    @Test
    void twoInstallationsAreListedAndRefusedWithoutVolume() {
        CommandRun r = CommandRun.of("listeners", twoInstallations.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains("2 Windows installations")
                .contains("volume 1 (NTFS \"XPSYS\"")
                .contains("volume 2 (NTFS \"W2KSRV\"")
                .contains(": WINNT");
        CommandRun xp = CommandRun.of("system", twoInstallations.toString(), "--volume", "1");
        assertThat(xp.exit()).as(xp.err()).isZero();
        assertThat(xp.out()).contains("Windows XP");
        CommandRun w2k = CommandRun.of("system", twoInstallations.toString(), "--volume", "2");
        assertThat(w2k.exit()).as(w2k.err()).isZero();
        assertThat(w2k.out()).contains("Windows 2000");
    }

    @Test
    void imageListsBothVolumesWithComputerNameVersionAndHiveSets() {
        CommandRun r = CommandRun.of("image", twoInstallations.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("format raw")
                .contains("volume 1  offset 1048576")
                .contains("label \"XPSYS\"")
                .contains("volume 2  offset 18874368")
                .contains("installation 1.1  WINDOWS")
                .contains("installation 2.1  WINNT")
                .contains("Windows XP")
                .contains("Windows 2000")
                .contains("hive set live WINDOWS/system32/config (SYSTEM, SOFTWARE)")
                .contains("hive set regback WINDOWS/system32/config/RegBack (SYSTEM empty)")
                .contains("hive set repair WINDOWS/repair (system)")
                .contains("2 Windows installations: give --volume N");
    }

    @Test
    void nothingIsWrittenBesideTheImage() throws IOException {
        List<Path> before;
        try (Stream<Path> s = Files.list(dir.resolve("e01"))) {
            before = s.sorted().toList();
        }
        assertThat(CommandRun.of("services", e01.toString()).exit()).isZero();
        try (Stream<Path> s = Files.list(dir.resolve("e01"))) {
            assertThat(s.sorted().toList()).isEqualTo(before);
        }
    }
}
