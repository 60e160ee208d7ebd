package org.portmortem.hive.internal.regf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveFormat;
import org.portmortem.hive.HiveFormatException;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.Key;
import org.portmortem.hive.TestCorpus;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/** The regf reader on real hives: structure, names, value data, header facts and damage. */
class RegfHiveTest {

    @Test
    void windows10SystemHiveGivesTcpipServiceCaseInsensitivelyWithHeaderFacts() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("dissect-regf/SYSTEM"))) {
            assertThat(hive.format()).isEqualTo(HiveFormat.REGF);
            assertThat(hive.info().version()).isEqualTo("1.5");
            assertThat(hive.info().dirty()).isFalse();
            assertThat(hive.info().checksumValid()).isTrue();
            assertThat(hive.info().primarySequence()).isEqualTo(hive.info().secondarySequence());
            assertThat(hive.info().logReplay().applied()).isFalse();
            Key tcpip = hive.key("controlset001\\SERVICES\\tcpip").orElseThrow();
            assertThat(tcpip.path()).isEqualTo("ControlSet001\\Services\\Tcpip");
            assertThat(tcpip.name()).isEqualTo("Tcpip");
            assertThat(tcpip.lastWritten()).contains(Instant.parse("2022-06-23T01:22:59.496154600Z"));
            assertThat(tcpip.value("imagepath").orElseThrow().asString()).isEqualTo("System32\\drivers\\tcpip.sys");
            assertThat(tcpip.value("Start").orElseThrow().asInt()).isZero();
            assertThat(tcpip.value("no such value")).isEmpty();
            assertThat(hive.key("ControlSet001\\Services\\NoSuchService")).isEmpty();
            assertThat(hive.root().path()).isEmpty();
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void classNamesOfTheLsaKeysAreRead() throws IOException {
        // JD, Skew1, GBG and Data hold the scrambled boot key in their class names
        try (Hive hive = Hive.open(TestCorpus.hive("dissect-regf/SYSTEM"))) {
            assertThat(hive.key("ControlSet001\\Control\\Lsa\\JD").orElseThrow().className())
                    .contains("cdebfed5");
            assertThat(hive.key("ControlSet001\\Control\\Lsa\\Data")
                            .orElseThrow()
                            .className())
                    .contains("a282942c");
            assertThat(hive.key("ControlSet001\\Services\\Tcpip").orElseThrow().className())
                    .isEmpty();
        }
    }

    @Test
    void lsaSecretNameStoredWithATrailingNulIsKeptAndFoundWithoutIt() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("bcc-m57/SECURITY"))) {
            Key sac = hive.key("Policy\\Secrets\\SAC").orElseThrow();
            assertThat(sac.name()).isEqualTo("SAC\0");
            assertThat(sac.path()).isEqualTo("Policy\\Secrets\\SAC\0");
        }
    }

    @Test
    void offregHiveDecodesEveryValueTypeAndBigData() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("nt-hive/testhive"))) {
            Key data = hive.key("data-test").orElseThrow();
            assertThat(data.value("reg-sz").orElseThrow().asString()).isEqualTo("sz-test");
            assertThat(data.value("reg-expand-sz").orElseThrow().type()).isEqualTo(ValueType.REG_EXPAND_SZ);
            assertThat(data.value("reg-multi-sz").orElseThrow().asStrings()).containsExactly("multi-sz-test", "line2");
            assertThat(data.value("dword").orElseThrow().asInt()).isEqualTo(42);
            assertThat(data.value("dword-big-endian").orElseThrow().asInt()).isEqualTo(0x2a000000);
            assertThat(data.value("qword").orElseThrow().asLong()).isEqualTo(-1L);
            assertThat(data.value("binary").orElseThrow().raw()).containsExactly(1, 2, 3, 4, 5);
            List<Value> big = hive.key("big-data-test").orElseThrow().values();
            assertThat(big).extracting(Value::name).containsExactly("A", "B", "C");
            // 16343, 16344 and 16345 bytes: one cell, one cell, and a big-data record of two segments
            assertThat(big).extracting(Value::size).containsExactly(16343, 16344, 16345);
            for (Value v : big) {
                byte letter = (byte) v.name().charAt(0);
                byte[] raw = v.raw();
                for (byte b : raw) {
                    assertThat(b).isEqualTo(letter);
                }
            }
            assertThat(hive.warnings()).isEmpty();
        }
    }

    @Test
    void namesWithNulAndNonAsciiCharactersAreKeptExactly() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("hivex/special"))) {
            assertThat(hive.root().subkeys()).extracting(Key::name).containsExactly("abcd_äöüß", "weird™", "zero\0key");
            assertThat(hive.key("weird™").orElseThrow().values())
                    .extracting(Value::name)
                    .containsExactly("symbols $£₤₧€");
            assertThat(hive.key("ZERO\0KEY").orElseThrow().value("zero\0val")).isPresent();
        }
        try (Hive hive = Hive.open(TestCorpus.hive("nt-hive/testhive"))) {
            assertThat(hive.key("character-encoding-test").orElseThrow().subkeys())
                    .extracting(Key::name)
                    .containsExactly("äöü", "𐐐", "𐐸", "Ａ");
        }
    }

    @Test
    void defaultValueHasAnEmptyName() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("yarp/hives_for_tests/StringValuesHive"))) {
            Key key = hive.key("key").orElseThrow();
            assertThat(key.value("").orElseThrow().asString()).isEqualTo("test тест");
        }
    }

    @Test
    void corruptSubkeyListLosesOneKeyWithAWarningNamingItsOffset() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("plaso/corrupt_sub_key_list.hiv"))) {
            List<Key> subkeys = hive.root().subkeys();
            assertThat(subkeys).isNotEmpty();
            assertThat(hive.warnings()).extracting(HiveWarning::offset).containsExactly(0x5480L);
            assertThat(hive.warnings().get(0).message()).contains("unreadable");
        }
    }

    @Test
    void keyNameLongerThanItsCellIsCutWithAWarning() throws IOException {
        try (Hive hive = Hive.open(TestCorpus.hive("yarp/hives_for_tests/TruncatedNameHive"))) {
            assertThat(hive.root().subkeys()).extracting(Key::name).containsExactly("longname1234\0\0\0\0");
            assertThat(hive.warnings())
                    .singleElement()
                    .extracting(HiveWarning::offset)
                    .isEqualTo(0x11fcL);
        }
    }

    @Test
    void windows9xCregFileIsRefusedWithOneLine() {
        Path creg = TestCorpus.hive("dfwinreg/SYSTEM.DAT");
        assertThatThrownBy(() -> Hive.open(creg))
                .isInstanceOf(HiveFormatException.class)
                .hasMessageContaining("SYSTEM.DAT")
                .hasMessageContaining("CREG")
                .message()
                .doesNotContain("\n");
    }

    @Test
    void baseBlockAloneIsRefusedAsTruncated() {
        Path header = TestCorpus.hive("libregf/file_header.1");
        assertThatThrownBy(() -> Hive.open(header))
                .isInstanceOf(HiveFormatException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void transactionLogOpenedAsAHiveIsRefusedNamingItsFileType() {
        Path log = TestCorpus.hive("regipy/SYSTEM_B.LOG1");
        assertThatThrownBy(() -> Hive.open(log))
                .isInstanceOf(HiveFormatException.class)
                .hasMessageContaining("file type 6");
    }

    @Test
    void randomBytesAndAnEmptyFileAreRefused(@TempDir Path dir) throws IOException {
        Path random = dir.resolve("random.bin");
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        Files.write(random, noise);
        assertThatThrownBy(() -> Hive.open(random))
                .isInstanceOf(HiveFormatException.class)
                .hasMessageContaining("random.bin");
        Path empty = Files.createFile(dir.resolve("empty"));
        assertThatThrownBy(() -> Hive.open(empty))
                .isInstanceOf(HiveFormatException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void regfSignatureWithoutARootKeyIsRefusedNamingTheRootOffset(@TempDir Path dir) throws IOException {
        byte[] image = Files.readAllBytes(TestCorpus.hive("hivex/minimal"));
        // point the root cell offset (base block offset 36) into the middle of nowhere
        image[36] = 0x08;
        image[37] = 0x0f;
        Path broken = dir.resolve("noroot");
        Files.write(broken, image);
        assertThatThrownBy(() -> Hive.open(broken))
                .isInstanceOf(HiveFormatException.class)
                .hasMessageContaining("root key unreadable");
    }

    @Test
    void subkeyPointingBackToItsAncestorIsCutWithAWarning(@TempDir Path dir) throws IOException {
        Path source = TestCorpus.hive("plaso/100_sub_keys.hiv");
        long listElement;
        long rootCell;
        try (Hive hive = Hive.open(source)) {
            RegfKey root = (RegfKey) hive.root();
            rootCell = root.fileOffset() - RegfHive.BINS_START;
            RegfKey first = (RegfKey) root.subkeys().get(0);
            // the root's subkey list element that points at the first subkey
            long list = ((RegfHive) hive).bytes().u32(root.fileOffset() + 4 + 28);
            listElement = RegfHive.fileOffset(list) + 4 + 4;
            assertThat(((RegfHive) hive).bytes().u32(listElement)).isEqualTo(first.fileOffset() - RegfHive.BINS_START);
        }
        byte[] image = Files.readAllBytes(source);
        image[(int) listElement] = (byte) rootCell;
        image[(int) listElement + 1] = (byte) (rootCell >> 8);
        image[(int) listElement + 2] = (byte) (rootCell >> 16);
        image[(int) listElement + 3] = (byte) (rootCell >> 24);
        Path looped = dir.resolve("looped.hiv");
        Files.write(looped, image);
        try (Hive hive = Hive.open(looped)) {
            assertThat(hive.root().subkeys()).hasSize(99);
            assertThat(hive.warnings())
                    .singleElement()
                    .extracting(HiveWarning::message)
                    .asString()
                    .contains("own ancestor");
        }
    }

    @Test
    void evidenceFileIsUnchangedAfterReading() throws IOException {
        Path file = TestCorpus.hive("yarp/hives_for_tests/OldDirtyHive/OldDirtyHive");
        byte[] before = Files.readAllBytes(file);
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        try (Hive hive = Hive.open(file)) {
            org.portmortem.hive.HiveTraversal.facts(hive);
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(modified);
    }
}
