package org.portmortem.hive.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveFormat;
import org.portmortem.hive.HiveFormatException;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

class RegTextReaderTest {

    static Path resource(String name) {
        try {
            return Path.of(
                    RegTextReaderTest.class.getResource("/regtext/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Value value(Hive hive, String keyPath, String name) {
        return hive.key(keyPath)
                .orElseThrow(() -> new AssertionError("no key " + keyPath))
                .value(name)
                .orElseThrow(() -> new AssertionError("no value " + keyPath + "\\" + name));
    }

    /** Writes a .reg text (UTF-8) and opens it as a hive. */
    private static Hive openText(Path dir, String fileName, String text) throws Exception {
        Path f = dir.resolve(fileName);
        Files.writeString(f, text);
        return Hive.open(f);
    }

    private static String hex(Value v) {
        return HexFormat.of().formatHex(v.raw());
    }

    @Test
    void utf16leExportWithBomAndCrlfReadsAsTheSystemHiveWithPathsBelowItsRoot() throws Exception {
        try (Hive hive = Hive.open(resource("v5-utf16le-bom-crlf.reg"))) {
            assertThat(hive.format()).isEqualTo(HiveFormat.REG_TEXT);
            assertThat(hive.name()).isEqualTo("v5-utf16le-bom-crlf.reg");
            assertThat(hive.info().version()).isEqualTo("5.00");
            assertThat(hive.info().lastWritten()).isNull();
            assertThat(hive.root().name()).isEqualTo("SYSTEM");
            Key params = hive.key("ControlSet002\\Services\\Tcpip\\Parameters").orElseThrow();
            assertThat(params.path()).isEqualTo("ControlSet002\\Services\\Tcpip\\Parameters");
            assertThat(params.lastWritten()).isEmpty();
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void everyValueSyntaxGivesTheBytesABinaryHiveWouldHold() throws Exception {
        try (Hive hive = Hive.open(resource("v5-utf16le-bom-crlf.reg"))) {
            String k = "ControlSet002\\Services\\Tcpip\\Parameters";
            Value def = value(hive, k, "");
            assertThat(def.typeId()).isEqualTo(1);
            assertThat(def.raw()).isEqualTo("default text\0".getBytes(StandardCharsets.UTF_16LE));
            assertThat(value(hive, k, "Hostname").asString()).isEqualTo("HOST-01");
            assertThat(value(hive, k, "Quoted").asString()).isEqualTo("say \"hi\" in C:\\temp\\");
            assertThat(value(hive, k, "SearchList").typeId()).isEqualTo(7);
            assertThat(value(hive, k, "SearchList").asStrings()).containsExactly("a", "b");
            Value imagePath = value(hive, k, "ImagePath");
            assertThat(imagePath.typeId()).isEqualTo(2);
            assertThat(imagePath.raw()).isEqualTo("%SystemRoot%\0".getBytes(StandardCharsets.UTF_16LE));
            assertThat(value(hive, k, "Blob").typeId()).isEqualTo(3);
            assertThat(hex(value(hive, k, "Blob"))).isEqualTo("0102ff");
            assertThat(value(hive, k, "Nothing").typeId()).isZero();
            assertThat(value(hive, k, "Nothing").size()).isZero();
            assertThat(value(hive, k, "Quad").asLong()).isEqualTo(1L);
            assertThat(value(hive, k, "Odd type").typeId()).isEqualTo(0xffff0011);
            assertThat(hex(value(hive, k, "Odd type"))).isEqualTo("aabb");
            assertThat(hex(value(hive, "Select", "Current"))).isEqualTo("02000000");
        }
    }

    @Test
    void deletionsInTheFileRemoveWhatEarlierLinesAdded() throws Exception {
        try (Hive hive = Hive.open(resource("v5-utf16le-bom-crlf.reg"))) {
            assertThat(hive.key("ControlSet002\\Services\\Tcpip\\Parameters")
                            .orElseThrow()
                            .value("Temporary"))
                    .isEmpty();
            assertThat(hive.key("ControlSet002\\Services\\Gone")).isEmpty();
            assertThat(hive.key("ControlSet002\\Services")).isPresent();
        }
    }

    @Test
    void currentControlSetMapsToTheControlSetNamedBySelectCurrentInTheFile() throws Exception {
        try (Hive hive = Hive.open(resource("v5-utf16le-bom-crlf.reg"))) {
            assertThat(value(hive, "ControlSet002\\Services\\NetBT", "Start").asInt())
                    .isEqualTo(4);
            assertThat(hive.key("CurrentControlSet")).isEmpty();
            assertThat(hive.key("ControlSet001")).isEmpty();
        }
    }

    @Test
    void utf8WithoutBomAndLfKeepsNonAsciiKeyNamesAndStrings() throws Exception {
        try (Hive hive = Hive.open(resource("v5-utf8-nobom-lf.reg"))) {
            assertThat(hive.root().name()).isEqualTo("SOFTWARE");
            Key k = hive.key("Ünïcødé\\日本語").orElseThrow();
            assertThat(k.name()).isEqualTo("日本語");
            assertThat(k.value("Name").orElseThrow().asString()).isEqualTo("naïve — 東京");
            assertThat(Integer.toUnsignedLong(k.value("Limit").orElseThrow().asInt()))
                    .isEqualTo(0xffffffffL);
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void utf8WithBomAndBareCarriageReturnsReads(@TempDir Path dir) throws Exception {
        try (Hive hive = openText(
                dir,
                "bom.reg",
                "\uFEFFWindows Registry Editor Version 5.00\r\r"
                        + "[HKEY_LOCAL_MACHINE\\SOFTWARE\\Äpfel]\r\"Größe\"=\"groß\"\r")) {
            assertThat(hive.info().version()).isEqualTo("5.00");
            assertThat(value(hive, "Äpfel", "Größe").asString()).isEqualTo("groß");
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void regedit4AnsiFileConvertsStringHexDataFromAnsiToUtf16() throws Exception {
        try (Hive hive = Hive.open(resource("regedit4-ansi.reg"))) {
            assertThat(hive.info().version()).isEqualTo("REGEDIT4");
            String k = "ControlSet001\\Services\\Café";
            assertThat(value(hive, k, "DisplayName").asString()).isEqualTo("Café service");
            Value imagePath = value(hive, k, "ImagePath");
            assertThat(imagePath.typeId()).isEqualTo(2);
            assertThat(imagePath.raw()).isEqualTo("%SystemRoot%\\é.exe\0".getBytes(StandardCharsets.UTF_16LE));
            assertThat(value(hive, k, "Deps").raw()).isEqualTo("A\0é\0\0".getBytes(StandardCharsets.UTF_16LE));
            assertThat(hex(value(hive, k, "Raw")))
                    .as("binary data is not converted")
                    .isEqualTo("e900");
        }
    }

    @Test
    void malformedLinesAreWarningsWithFileAndLineAndTheRestIsStillRead() throws Exception {
        try (Hive hive = Hive.open(resource("malformed-lines.reg"))) {
            assertThat(value(hive, "ControlSet001\\Services\\Good", "Start").asInt())
                    .isEqualTo(2);
            assertThat(value(hive, "ControlSet001\\Services\\AlsoGood", "ImagePath")
                            .asString())
                    .isEqualTo("svchost.exe");
            assertThat(hive.key("ControlSet001\\Services\\Good").orElseThrow().values())
                    .hasSize(1);
            assertThat(hive.warnings()).extracting(HiveWarning::line).containsExactly(5, 6, 7, 8, 9, 10, 11);
            assertThat(hive.warnings()).allSatisfy(w -> assertThat(w.message()).startsWith("malformed-lines.reg: "));
            assertThat(hive.warnings().get(0).message()).contains("dword").contains("BadDword");
            assertThat(hive.warnings().get(1).message()).contains("zz");
            assertThat(hive.warnings().get(6).message()).contains("unreadable key line 10");
        }
    }

    @Test
    void aFileMixingHivesOpensAsTheHiveWithMostKeysAndWarnsOnceForTheOther() throws Exception {
        try (Hive hive = Hive.open(resource("mixed-roots.reg"))) {
            assertThat(hive.root().name()).isEqualTo("SYSTEM");
            assertThat(hive.key("ControlSet001\\Services").orElseThrow().subkeys())
                    .hasSize(3);
            assertThat(hive.key("Microsoft")).isEmpty();
            assertThat(hive.warnings()).hasSize(1);
            assertThat(hive.warnings().get(0).line()).isEqualTo(3);
            assertThat(hive.warnings().get(0).message()).contains("HKEY_LOCAL_MACHINE\\SOFTWARE");
        }
    }

    @Test
    void continuedHexLinesAtTheEndOfTheFileAndCommentsAreRead(@TempDir Path dir) throws Exception {
        try (Hive hive = openText(
                dir,
                "tail.reg",
                "Windows Registry Editor Version 5.00\n\n[HKLM\\SYSTEM\\A]\n; comment\n"
                        + "\"Bin\"=hex:01,02,\\\n   03,04,\\\n   05\n\"After\"=dword:1\n")) {
            assertThat(hex(value(hive, "A", "Bin"))).isEqualTo("0102030405");
            assertThat(value(hive, "A", "After").asInt()).isEqualTo(1);
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void selectCurrentLaterInTheFileStillDecidesWhereCurrentControlSetGoes(@TempDir Path dir) throws Exception {
        try (Hive hive = openText(
                dir,
                "late-select.reg",
                "Windows Registry Editor Version 5.00\n\n"
                        + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NetBT]\n\"Start\"=dword:00000001\n\n"
                        + "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\n\"Current\"=dword:00000003\n")) {
            assertThat(value(hive, "ControlSet003\\Services\\NetBT", "Start").asInt())
                    .isEqualTo(1);
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void hexListsAcceptBlanksSingleDigitsAndATrailingCommaButNotThreeDigits(@TempDir Path dir) throws Exception {
        try (Hive hive = openText(
                dir,
                "hex.reg",
                "Windows Registry Editor Version 5.00\n\n[HKLM\\SOFTWARE\\H]\n"
                        + "\"Blanks\"=hex: 01 , 2,ab ,\n"
                        + "\"Empty\"=hex:\n"
                        + "\"Upper\"=HEX(B):FF,00,00,00,00,00,00,00\n"
                        + "\"UpperContinued\"=HEX:01,\\\n  02\n"
                        + "\"Three\"=hex:001\n"
                        + "\"Hole\"=hex:01,,02\n"
                        + "@=\"x\"\n"
                        + "@=-\n")) {
            assertThat(hex(value(hive, "H", "Blanks"))).isEqualTo("0102ab");
            assertThat(value(hive, "H", "Empty").size()).isZero();
            assertThat(value(hive, "H", "Upper").asLong()).isEqualTo(255L);
            assertThat(hive.key("H").orElseThrow().values())
                    .extracting(Value::name)
                    .as("the default value was deleted by @=-")
                    .containsExactly("Blanks", "Empty", "Upper", "UpperContinued");
            assertThat(hex(value(hive, "H", "UpperContinued"))).isEqualTo("0102");
            assertThat(hive.warnings()).extracting(HiveWarning::line).containsExactly(9, 10);
            assertThat(hive.warnings().get(0).message()).contains("'001'");
        }
    }

    @Test
    void aFileTooLargeToHoldInMemoryIsRefusedBeforeReadingIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("huge.reg");
        try (RandomAccessFile sparse = new RandomAccessFile(f.toFile(), "rw")) {
            sparse.write("REGEDIT4\r\n".getBytes(StandardCharsets.US_ASCII));
            sparse.setLength(RegTextParser.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> RegTextFile.read(f))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(f + ": ")
                .hasMessageContaining("more than the .reg reader holds in memory");
    }

    @Test
    void aTextFileWithoutARegeditHeaderIsRefusedWithOneLineNamingIt(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("notes.reg");
        Files.writeString(f, "Windows Registry Editor Version 4.00\n[HKLM\\SYSTEM\\A]\n");
        assertThatThrownBy(() -> RegTextFile.read(f))
                .isInstanceOf(HiveFormatException.class)
                .hasMessageContaining("notes.reg")
                .hasMessageContaining("line 1")
                .hasMessageNotContaining("\n");
    }
}
