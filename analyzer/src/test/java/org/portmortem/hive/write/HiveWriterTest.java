package org.portmortem.hive.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;

/** The writer's file structure, checked byte by byte against the regf specification. */
class HiveWriterTest {
    @TempDir
    Path dir;

    private static ByteBuffer le(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] sample(int minor) {
        return HiveWriter.builder(SampleHives.FIXED)
                .minorVersion(minor)
                .embeddedFileName("SYSTEM")
                .build()
                .toBytes(SampleHives.everything());
    }

    @Test
    void baseBlockHasTheSignatureEqualSequenceNumbersAValidChecksumAndTheRootKey() {
        byte[] file = sample(5);
        ByteBuffer b = le(file);
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("regf");
        assertThat(b.getInt(4)).isEqualTo(b.getInt(8));
        assertThat(b.getLong(12)).isEqualTo(HiveWriter.fileTime(SampleHives.FIXED));
        assertThat(b.getInt(20)).isEqualTo(1);
        assertThat(b.getInt(24)).isEqualTo(5);
        assertThat(b.getInt(40)).isEqualTo(file.length - 4096);
        assertThat(new String(file, 48, 12, StandardCharsets.UTF_16LE)).isEqualTo("SYSTEM");
        int xor = 0;
        for (int i = 0; i < 508; i += 4) {
            xor ^= b.getInt(i);
        }
        assertThat(b.getInt(508)).isEqualTo(xor);
        int root = 4096 + b.getInt(36);
        assertThat(new String(file, root + 4, 2, StandardCharsets.US_ASCII)).isEqualTo("nk");
        assertThat(b.getShort(root + 6) & 0x0004)
                .as("KEY_HIVE_ENTRY on the root")
                .isNotZero();
    }

    @Test
    void hiveBinsAre4KiBMultiplesAndTheirCellsFillThemExactly() {
        byte[] file = sample(5);
        ByteBuffer b = le(file);
        int at = 4096;
        while (at < file.length) {
            assertThat(new String(file, at, 4, StandardCharsets.US_ASCII)).isEqualTo("hbin");
            assertThat(b.getInt(at + 4)).as("bin offset field").isEqualTo(at - 4096);
            int size = b.getInt(at + 8);
            assertThat(size % 4096).isZero();
            int cell = at + 32;
            while (cell < at + size) {
                int cellSize = Math.abs(b.getInt(cell));
                assertThat(cellSize % 8).as("cell at 0x%x", cell).isZero();
                assertThat(cellSize).isPositive();
                cell += cellSize;
            }
            assertThat(cell).as("cells end at the bin end").isEqualTo(at + size);
            at += size;
        }
        assertThat(at).isEqualTo(file.length);
    }

    @Test
    void dataOver16344BytesGoesToBigDataRecordsIn15HivesAndToOneCellIn13Hives() {
        // OneOver, Large and LongString exceed 16,344 bytes; AtTheLimit does not.
        assertThat(cellKinds(sample(5)).getOrDefault("db", 0)).isEqualTo(3);
        assertThat(cellKinds(sample(3)).getOrDefault("db", 0)).isZero();
    }

    @Test
    void moreSubkeysThanALeafHoldsGoUnderAnIndexRootOfHashLeaves() {
        Map<String, Integer> v15 = cellKinds(sample(5));
        assertThat(v15.getOrDefault("ri", 0))
                .as("only Many has more than %d subkeys", HiveWriter.LEAF_CAPACITY)
                .isEqualTo(1);
        assertThat(v15.getOrDefault("li", 0)).isZero();
        Map<String, Integer> v13 = cellKinds(sample(3));
        assertThat(v13.getOrDefault("lh", 0)).isZero();
        assertThat(v13.getOrDefault("li", 0)).isEqualTo(v15.get("lh"));
        assertThat(v15.get("sk")).as("one security cell shared by all keys").isEqualTo(1);
    }

    /** Counts allocated cells by their two-letter signature. */
    private static Map<String, Integer> cellKinds(byte[] file) {
        ByteBuffer b = le(file);
        Map<String, Integer> kinds = new HashMap<>();
        int at = 4096;
        while (at < file.length) {
            int size = b.getInt(at + 8);
            for (int cell = at + 32; cell < at + size; cell += Math.abs(b.getInt(cell))) {
                if (b.getInt(cell) < 0) {
                    kinds.merge(new String(file, cell + 4, 2, StandardCharsets.ISO_8859_1), 1, Integer::sum);
                }
            }
            at += size;
        }
        return kinds;
    }

    @Test
    void hashOfANameFollowsTheSpecificationOnTheUpperCasedName() {
        assertThat(HiveWriter.nameHash("ab")).isEqualTo(37 * 'A' + 'B');
        assertThat(HiveWriter.nameHash("é")).isEqualTo('É');
        assertThat(HiveWriter.nameHash("Services")).isEqualTo(HiveWriter.nameHash("SERVICES"));
    }

    @Test
    void theSameHiveAndOptionsGiveTheSameBytes() {
        assertThat(sample(5)).isEqualTo(sample(5));
    }

    @Test
    void anExistingFileIsNotReplacedUnlessAskedAndTheSourceFileNever() throws Exception {
        Path out = dir.resolve("out.hiv");
        Files.writeString(out, "keep me");
        MemoryHive small = MemoryHive.empty("small", "ROOT");
        small.createKey("A");
        assertThatThrownBy(() -> HiveWriter.write(small, out, SampleHives.FIXED))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(out)).isEqualTo("keep me");

        HiveWriter.Written w =
                HiveWriter.builder(SampleHives.FIXED).overwrite(true).build().writeTo(small, out);
        assertThat(w.keys()).isEqualTo(2);
        assertThat(w.bytes()).isEqualTo(Files.size(out)).isEqualTo(8192);

        Path reg = dir.resolve("source.reg");
        Files.writeString(reg, "Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\SYSTEM\\A]\r\n");
        String before = Files.readString(reg);
        try (Hive fromReg = Hive.open(reg)) {
            HiveWriter forced =
                    HiveWriter.builder(SampleHives.FIXED).overwrite(true).build();
            assertThatThrownBy(() -> forced.writeTo(fromReg, reg))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("never written over");
        }
        assertThat(Files.readString(reg)).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no partial file left behind")
                    .containsExactlyInAnyOrder("out.hiv", "source.reg");
        }
    }

    @Test
    void keysWithoutATimeGetTheFixedOneAndKeysWithOneKeepIt() {
        byte[] a = HiveWriter.builder(Instant.parse("2001-01-01T00:00:00Z"))
                .build()
                .toBytes(SampleHives.everything());
        byte[] b = HiveWriter.builder(Instant.parse("2002-01-01T00:00:00Z"))
                .build()
                .toBytes(SampleHives.everything());
        long dated = HiveWriter.fileTime(SampleHives.DATED);
        assertThat(countLong(a, dated)).isEqualTo(1);
        assertThat(countLong(b, dated)).isEqualTo(1);
        assertThat(countLong(a, HiveWriter.fileTime(Instant.parse("2001-01-01T00:00:00Z"))))
                .as("every other key, the base block and the first bin")
                .isEqualTo(SampleHives.MANY + 3 + 9 + 2);
    }

    private static int countLong(byte[] file, long v) {
        ByteBuffer b = le(file);
        int n = 0;
        for (int i = 0; i + 8 <= file.length; i += 4) {
            if (b.getLong(i) == v) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aNameLongerThanRegfCanStoreIsRefusedNamingTheKey() {
        MemoryHive h = MemoryHive.empty("long", "ROOT");
        h.createKey("Parent").putValue("é".repeat(40_000), 4, new byte[4]);
        HiveWriter writer = HiveWriter.builder(SampleHives.FIXED).build();
        assertThatThrownBy(() -> writer.toBytes(h))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Parent: value name")
                .hasMessageContaining("80000 bytes");
    }

    @Test
    void onlyMinorVersions3And5AreAccepted() {
        assertThatThrownBy(() -> HiveWriter.builder(SampleHives.FIXED).minorVersion(6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 or 5");
    }
}
