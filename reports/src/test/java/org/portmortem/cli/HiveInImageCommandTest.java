package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.image.TestImages;
import org.portmortem.report.CommandRun;
import org.portmortem.testing.SharedFolder;

/**
 * Hives read straight out of a disk image: {@code rip} and {@code dump} with {@code --hive-path}, three
 * installations on one NTFS volume ({@code Windows}, {@code Windows.old/WINDOWS}, {@code WINNT}) chosen
 * as {@code portmortem image} numbers them, and every warning or error about such a hive naming its
 * place in the image, never the temporary copy.
 *
 * <p>Volume 1 holds {@code Windows/System32/config/SYSTEM}: the corpus's dirty regipy SYSTEM_B with its
 * .LOG1 and .LOG2; {@code Windows.old/WINDOWS}: the XP reference system; {@code WINNT}: a SYSTEM cut
 * after 100,000 bytes (reader warnings); {@code Junk/notahive}: random bytes. Volume 2 holds the XP
 * reference system as {@code WINDOWS/system32/config}, so that a path given in another case is found on
 * both volumes.
 */
class HiveInImageCommandTest {
    @TempDir
    static Path dir;

    static Path raw;
    static Path e01;
    static Path xpSystem;

    @BeforeAll
    static void build() throws IOException {
        Path dirty = SharedFolder.corpus("hives/regipy/SYSTEM_B");
        Path cutFrom = SharedFolder.corpus("hives/regipy/SYSTEM");
        Path tree = dir.resolve("tree");
        Path config = Files.createDirectories(tree.resolve("Windows/System32/config"));
        Files.copy(dirty, config.resolve("SYSTEM"));
        Files.copy(dirty.resolveSibling("SYSTEM_B.LOG1"), config.resolve("SYSTEM.LOG1"));
        Files.copy(dirty.resolveSibling("SYSTEM_B.LOG2"), config.resolve("SYSTEM.LOG2"));
        TestImages.windowsTree(tree.resolve("Windows.old"), "winxp-default", "WINDOWS");
        Path cut =
                Files.createDirectories(tree.resolve("WINNT/system32/config")).resolve("SYSTEM");
        try (InputStream in = Files.newInputStream(cutFrom)) {
            Files.write(cut, in.readNBytes(100_000));
        }
        byte[] junk = new byte[8192];
        new java.util.Random(15).nextBytes(junk);
        Files.write(Files.createDirectories(tree.resolve("Junk")).resolve("notahive"), junk);
        Path volume1 = TestImages.ntfsVolume(tree, dir.resolve("volume1.bin"), "THREE", 48);
        Path tree2 = TestImages.windowsTree(dir.resolve("tree2"), "winxp-default", "WINDOWS");
        xpSystem = tree2.resolve("WINDOWS/system32/config/SYSTEM");
        Path volume2 = TestImages.ntfsVolume(tree2, dir.resolve("volume2.bin"), "XPSYS");
        Files.createDirectories(dir.resolve("img"));
        raw = TestImages.mbrDisk(dir.resolve("img").resolve("disk.dd"), volume1, volume2);
        Files.createDirectories(dir.resolve("e01"));
        e01 = TestImages.e01(raw, dir.resolve("e01").resolve("disk"), 0);
    }

    private static void noTemporaryPath(CommandRun r) {
        assertThat(r.out() + r.err()).doesNotContain("portmortem-image-");
    }

    @Test
    void dumpOfAHiveInsideAnImageIsTheDumpOfTheFileItself() {
        CommandRun fromImage = CommandRun.of(
                "dump",
                e01.toString(),
                "--hive-path",
                "windows/SYSTEM32/Config/system",
                "--volume",
                "2",
                "--key",
                "ControlSet001\\Services\\Tcpip",
                "--format",
                "jsonl");
        assertThat(fromImage.exit()).as(fromImage.err()).isZero();
        CommandRun fromFile = CommandRun.of(
                "dump", xpSystem.toString(), "--key", "ControlSet001\\Services\\Tcpip", "--format", "jsonl");
        assertThat(fromImage.out()).isNotEmpty().isEqualTo(fromFile.out());
        assertThat(fromImage.err())
                .contains("portmortem: note: hive copied out of " + e01
                        + " (volume 2) : WINDOWS/system32/config/SYSTEM (E01, offset 52428800, MFT entry");
        noTemporaryPath(fromImage);
    }

    @Test
    void ripOfADirtyHiveInsideAnImageReplaysTheLogsCopiedOutBesideIt() {
        CommandRun r = CommandRun.of(
                "rip",
                "-r",
                e01.toString(),
                "--hive-path",
                "Windows/System32/config/SYSTEM",
                "--volume",
                "1",
                "-p",
                "compname");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("PortMortem: hive copied out of " + e01 + " (volume 1) : Windows/System32/config/SYSTEM")
                .contains("with SYSTEM.LOG1 (MFT entry")
                .contains("SYSTEM.LOG2 (MFT entry")
                .contains("PortMortem: transaction logs replayed in memory");
        CommandRun direct = CommandRun.of(
                "rip", "-r", SharedFolder.corpus("hives/regipy/SYSTEM_B").toString(), "-p", "compname");
        assertThat(withoutOwnLines(r.out())).isNotEmpty().isEqualTo(withoutOwnLines(direct.out()));
        CommandRun stale = CommandRun.of(
                "rip",
                "-r",
                e01.toString(),
                "--hive-path",
                "Windows/System32/config/SYSTEM",
                "--volume",
                "1",
                "-p",
                "compname",
                "--no-logs");
        assertThat(stale.out()).doesNotContain("transaction logs replayed").contains("PortMortem: the hive is dirty");
        noTemporaryPath(r);
        noTemporaryPath(stale);
    }

    private static List<String> withoutOwnLines(String text) {
        return text.lines().filter(l -> !l.startsWith("PortMortem:")).toList();
    }

    @Test
    void ripJsonCarriesTheImageProvenanceAsAnalyzeDoes() throws IOException {
        CommandRun r = CommandRun.of(
                "rip",
                "-r",
                e01.toString(),
                "--hive-path",
                "WINDOWS/system32/config/SYSTEM",
                "--volume",
                "2",
                "-p",
                "compname",
                "--format",
                "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode image = new ObjectMapper().readTree(r.out()).get("image");
        assertThat(image.get("path").asText()).isEqualTo(e01.toString());
        assertThat(image.get("format").asText()).isEqualTo("E01");
        assertThat(image.get("volume").asInt()).isEqualTo(2);
        assertThat(image.get("offset").asLong()).isEqualTo(52428800L);
        assertThat(image.get("fileSystem").asText()).isEqualTo("NTFS");
        assertThat(image.get("pathInImage").asText()).isEqualTo("WINDOWS/system32/config/SYSTEM");
        assertThat(image.get("mftEntry").asLong()).isPositive();
        assertThat(image.get("sha256").get(0).get("sha256").asText()).hasSize(64);
        assertThat(image.get("times")
                        .get("standardInformation")
                        .get("born")
                        .get("utc")
                        .asText())
                .endsWith("Z");
        CommandRun plain = CommandRun.of("rip", "-r", xpSystem.toString(), "-p", "compname", "--format", "json");
        assertThat(new ObjectMapper().readTree(plain.out()).has("image")).isFalse();
    }

    @Test
    void aHivePathOnTwoVolumesIsRefusedListingBoth() {
        CommandRun r = CommandRun.of("dump", raw.toString(), "--hive-path", "windows/system32/config/system");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err())
                .contains("is on 2 volumes; choose one with --volume N")
                .contains(raw + " (volume 1) : Windows/System32/config/SYSTEM")
                .contains(raw + " (volume 2) : WINDOWS/system32/config/SYSTEM");
        noTemporaryPath(r);
    }

    @Test
    void anImageWithoutHivePathOrAMissingPathIsSaidInOneLine() {
        CommandRun bare = CommandRun.of("dump", e01.toString());
        assertThat(bare.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(bare.err()).contains("is a disk image (E01): name the hive in it with --hive-path");
        CommandRun missing = CommandRun.of(
                "rip", "-r", e01.toString(), "--hive-path", "Windows/System32/config/SAM", "-p", "compname");
        assertThat(missing.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(missing.err().strip())
                .doesNotContain("\n")
                .contains(e01 + ": no file Windows/System32/config/SAM on any"
                        + " NTFS volume; volumes: volume 1 (NTFS \"THREE\"");
    }

    @Test
    void nothingIsWrittenBesideTheImage() throws IOException {
        List<Path> before = listing(dir.resolve("e01"));
        assertThat(CommandRun.of(
                                "dump",
                                e01.toString(),
                                "--hive-path",
                                "Windows/System32/config/SYSTEM",
                                "--volume",
                                "1",
                                "--key",
                                "Select")
                        .exit())
                .isZero();
        assertThat(listing(dir.resolve("e01"))).isEqualTo(before);
    }

    private static List<Path> listing(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    @Test
    void imageNumbersEveryInstallationOfAVolume() {
        CommandRun r = CommandRun.of("image", raw.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("installation 1.1  WINNT  ")
                .contains("installation 1.2  Windows  computer DESKTOP-")
                .contains("installation 1.3  Windows.old/WINDOWS  computer WINXP  Microsoft Windows XP")
                .contains("installation 2.1  WINDOWS  ")
                .contains("4 Windows installations: give --volume N");
        noTemporaryPath(r);
    }

    @Test
    void twoInstallationsOnOneVolumeAreRefusedWithoutAChoiceAndEachCanBeChosen() throws IOException {
        CommandRun volumeOnly = CommandRun.of("system", raw.toString(), "--volume", "1");
        assertThat(volumeOnly.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(volumeOnly.err())
                .contains("3 Windows installations on volume 1; choose one with --volume N, or" + " --volume N.M")
                .contains("1.1 volume 1 (NTFS \"THREE\", offset 1048576): WINNT")
                .contains("1.2 volume 1 (NTFS \"THREE\", offset 1048576): Windows\n")
                .contains("1.3 volume 1 (NTFS \"THREE\", offset 1048576): Windows.old/WINDOWS");
        CommandRun none = CommandRun.of("system", raw.toString());
        assertThat(none.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(none.err()).contains("4 Windows installations").contains("2.1 volume 2");
        CommandRun xp = CommandRun.of("system", raw.toString(), "--volume", "1.3");
        assertThat(xp.exit()).as(xp.err()).isZero();
        assertThat(xp.out()).contains("Windows XP");
        CommandRun listeners = CommandRun.of("listeners", raw.toString(), "--volume", "1.3", "--format", "json");
        CommandRun folder =
                CommandRun.of("listeners", TestImages.fixture("winxp-default").toString(), "--format", "json");
        assertThat(listeners.exit()).as(listeners.err()).isZero();
        assertThat(endpoints(listeners.out())).hasSize(16).isEqualTo(endpoints(folder.out()));
        assertThat(CommandRun.of("system", raw.toString(), "--volume", "2").exit())
                .isZero();
        CommandRun absent = CommandRun.of("system", raw.toString(), "--volume", "1.4");
        assertThat(absent.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(absent.err()).contains("no Windows installation 1.4; installations: 1.1 volume 1");
        CommandRun malformed = CommandRun.of("system", raw.toString(), "--volume", "one");
        assertThat(malformed.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(malformed.err()).contains("--volume one: give N (a volume) or N.M");
    }

    private static List<String> endpoints(String json) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (JsonNode l : new ObjectMapper().readTree(json)) {
            out.add(l.get("protocol").asText() + " " + l.get("address").asText() + ":"
                    + l.get("port").asText() + " "
                    + l.get("owner").get("service").asText() + " "
                    + l.get("owner").get("process").asText());
        }
        return out;
    }

    @Test
    void readerWarningsAboutAHiveFromAnImageNameItsPlaceInTheImage() throws IOException {
        String cut = raw + " (volume 1) : WINNT/system32/config/SYSTEM";
        CommandRun services = CommandRun.of("services", raw.toString(), "--volume", "1.1");
        assertThat(services.err()).contains("portmortem: warning: " + cut + ": ");
        noTemporaryPath(services);
        CommandRun dump = CommandRun.of("dump", raw.toString(), "--hive-path", "WINNT/system32/config/SYSTEM");
        assertThat(dump.err()).contains("portmortem: warning: " + cut + ": ");
        noTemporaryPath(dump);
        Path json = dir.resolve("cut.json");
        Path html = dir.resolve("cut.html");
        CommandRun analyze = CommandRun.of(
                "analyze",
                raw.toString(),
                "--volume",
                "1.1",
                "-o",
                html.toString(),
                "--json",
                json.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(analyze.exit()).as(analyze.err()).isIn(0, 1);
        noTemporaryPath(analyze);
        String report = Files.readString(json);
        assertThat(report).doesNotContain("portmortem-image-").contains("\"" + cut + "\"");
        JsonNode warnings = new ObjectMapper().readTree(report).get("warnings");
        assertThat(warnings.toString()).contains(cut.replace("\\", "\\\\"));
        assertThat(Files.readString(html)).doesNotContain("portmortem-image-");
    }

    @Test
    void everyCaseCommandOnADamagedHiveFromAnImageNeverShowsTheTemporaryCopy() {
        for (String command : List.of("system", "services", "listeners", "rpc")) {
            CommandRun r = CommandRun.of(command, raw.toString(), "--volume", "1.1");
            assertThat(r.exit()).as(command + ": " + r.err()).isZero();
            noTemporaryPath(r);
        }
    }

    @Test
    void diffOfTwoInstallationsOfOneImageWritesItsPageButNeverOverTheImage() throws IOException {
        Path page = dir.resolve("diff.html");
        CommandRun r = CommandRun.of(
                "diff",
                raw.toString(),
                raw.toString(),
                "--volume-a",
                "1.3",
                "--volume-b",
                "2.1",
                "--html",
                page.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("0 differences");
        assertThat(Files.readString(page)).doesNotContain("portmortem-image-").contains("using installation 1.3");
        long size = Files.size(raw);
        CommandRun over = CommandRun.of(
                "diff",
                raw.toString(),
                raw.toString(),
                "--volume-a",
                "1.3",
                "--volume-b",
                "2.1",
                "--html",
                raw.toString());
        assertThat(over.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(over.err()).contains("is the input");
        assertThat(Files.size(raw)).isEqualTo(size);
    }

    @Test
    void theDirtyHiveNoteAndLogReplayNameTheHiveByItsPlaceInTheImage() {
        String hive = raw + " (volume 1) : Windows/System32/config/SYSTEM";
        CommandRun stale = CommandRun.of("system", raw.toString(), "--volume", "1.2", "--no-logs");
        assertThat(stale.exit()).as(stale.err()).isZero();
        assertThat(stale.out() + stale.err()).contains(hive + ": ");
        noTemporaryPath(stale);
        CommandRun replayed = CommandRun.of("system", raw.toString(), "--volume", "1.2");
        assertThat(replayed.exit()).as(replayed.err()).isZero();
        assertThat((replayed.out() + replayed.err()).lines().filter(l -> l.contains(hive + ": ")))
                .anyMatch(l -> l.contains("applied 24 log entries"));
        noTemporaryPath(replayed);
    }

    @Test
    void anErrorAboutAFileFromAnImageNamesItsPlaceInTheImage() {
        CommandRun r = CommandRun.of("dump", raw.toString(), "--hive-path", "junk/NOTAHIVE");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("portmortem: " + raw + " (volume 1) : Junk/notahive: at offset 0x0: not a registry hive");
        noTemporaryPath(r);
        CommandRun rip = CommandRun.of(
                "rip",
                "-r",
                raw.toString(),
                "--hive-path",
                "Windows.old/WINDOWS/system32/config/SOFTWARE",
                "-p",
                "compname");
        assertThat(rip.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(rip.err().strip())
                .doesNotContain("\n")
                .startsWith("portmortem: " + raw
                        + " (volume 1) : Windows.old/WINDOWS/system32/config/SOFTWARE: is a SOFTWARE hive");
        noTemporaryPath(rip);
    }
}
