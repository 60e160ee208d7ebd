package org.portmortem.hive.write;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.portmortem.hive.MemoryHive;

/** Hives built in memory to exercise every part of the regf writer. */
final class SampleHives {
    static final Instant FIXED = Instant.parse("2020-01-02T03:04:05Z");
    static final Instant DATED = Instant.parse("2002-09-02T10:00:00Z");
    static final int MANY = 2500;

    private SampleHives() {}

    static byte[] utf16z(String s) {
        return (s + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    static byte[] pattern(int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (i * 31 + i / 251);
        }
        return b;
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    /**
     * Every value type and size class, a key with {@value #MANY} subkeys whose names differ in case,
     * non-ASCII key and value names, an empty key, a default value, a class name and a key with its
     * own last-write time.
     */
    static MemoryHive everything() {
        MemoryHive h = MemoryHive.empty("sample", "ROOT");
        h.root().putValue("OnTheRoot", 1, utf16z("root value"));

        MemoryHive.MemoryKey types = h.createKey("Types");
        types.putValue("", 1, utf16z("the default value"));
        types.putValue("None", 0, new byte[0]);
        types.putValue("Sz", 1, utf16z("text, with 100% and commas"));
        types.putValue("Expand", 2, utf16z("%SystemRoot%\\system32\\svchost.exe -k netsvcs"));
        types.putValue("Binary", 3, new byte[] {0, 1, 2, (byte) 0xfe, (byte) 0xff, 'A', ','});
        types.putValue("Dword", 4, le(0x80000001));
        types.putValue("DwordBigEndian", 5, new byte[] {0, 0, 1, 2});
        types.putValue("Link", 6, "\\Registry\\Machine\\System\\ControlSet001".getBytes(StandardCharsets.UTF_16LE));
        types.putValue("Multi", 7, "first\0second one\0\0".getBytes(StandardCharsets.UTF_16LE));
        types.putValue("ResourceList", 8, pattern(40));
        types.putValue("FullResource", 9, pattern(36));
        types.putValue("Requirements", 10, pattern(48));
        types.putValue("Qword", 11, new byte[] {1, 2, 3, 4, 5, 6, 7, (byte) 0x88});
        types.putValue("Vendor type", 0x00012345, new byte[] {9, 8, 7});
        types.putValue("Empty binary", 3, new byte[0]);
        types.putValue("Five bytes", 3, pattern(5));

        MemoryHive.MemoryKey big = h.createKey("Big");
        big.putValue("AtTheLimit", 3, pattern(HiveWriter.BIG_DATA_SEGMENT));
        big.putValue("OneOver", 3, pattern(HiveWriter.BIG_DATA_SEGMENT + 1));
        big.putValue("Large", 3, pattern(100_000));
        big.putValue("LongString", 1, utf16z("x".repeat(20_000)));

        MemoryHive.MemoryKey many = h.createKey("Many");
        for (int i = 0; i < MANY; i++) {
            many.createSubkey(String.format(i % 2 == 0 ? "sub%04d" : "SUB%04d", i));
        }
        many.createSubkey("_underscore");
        many.createSubkey("a");
        many.createSubkey("Z");

        h.createKey("Ünïcødé\\日本語\\키").putValue("Ünïcødé 値", 1, utf16z("naïve 東京"));
        h.createKey("Empty");
        h.createKey("WithClass").setClassName("{4D36E972-E325-11CE-BFC1-08002BE10318}");
        MemoryHive.MemoryKey dated = h.createKey("Dated");
        dated.setLastWritten(DATED);
        dated.putValue("Start", 4, le(2));
        return h;
    }
}
