package org.portmortem.hive.internal.regf;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.write.HiveWriter;

/**
 * Dirty hives and transaction logs made in the test, so that log replay is tested without the
 * shared corpus: two hives written by {@link HiveWriter} with the same layout and different value
 * data (the primary file holds the older, the log the newer), the primary marked dirty, and logs in
 * the new format (HvLE entries with their Marvin32 hashes) and the old one (a dirty vector), laid
 * out as msuhanov's regf specification describes ("Format of transaction log files").
 */
final class CraftedLogs {
    static final int BASE = BaseBlock.SIZE;
    static final int SECTOR = BaseBlock.SECTOR;
    /** The value data in the primary file and in the log. */
    static final String OLD = "before", NEW = "after!";

    private CraftedLogs() {}

    /** A hive holding {@code Select\Current} and {@code Test\State = text}, as regf bytes. */
    static byte[] hive(String text) {
        MemoryHive h = MemoryHive.empty("SYSTEM", "ROOT");
        h.createKey("Select").putValue("Current", 4, new byte[] {1, 0, 0, 0});
        h.createKey("ControlSet001\\Services");
        h.createKey("Test").putValue("State", 1, (text + "\0").getBytes(StandardCharsets.UTF_16LE));
        return HiveWriter.builder(Instant.parse("2020-01-01T00:00:00Z")).build().toBytes(h);
    }

    /** The primary file: the old hive with its sequence numbers 2 and 1 (a write started, not ended). */
    static byte[] dirtyPrimary() {
        byte[] b = hive(OLD);
        putInt(b, 4, 2);
        putInt(b, 8, 1);
        sealBaseBlock(b, 0);
        return b;
    }

    /** The hive bins of the new hive: the pages a log carries. */
    static byte[] newBins() {
        byte[] b = hive(NEW);
        return Arrays.copyOfRange(b, BASE, b.length);
    }

    /**
     * A new-format log (.LOG1) with one entry, sequence number 1, carrying all of {@code bins} as one
     * page at offset 0 and claiming {@code claimedBins} bytes of hive bins; padded to {@code padTo}.
     */
    static byte[] newFormatLog(byte[] primary, byte[] bins, long claimedBins, int padTo) {
        byte[] base = Arrays.copyOf(primary, SECTOR);
        putInt(base, 28, 6);
        sealBaseBlock(base, 0);
        int header = 40 + 8;
        int size = (header + bins.length + SECTOR - 1) / SECTOR * SECTOR;
        ByteBuffer e = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        e.put("HvLE".getBytes(StandardCharsets.US_ASCII));
        e.putInt(4, size);
        e.putInt(12, 1);
        e.putInt(16, (int) claimedBins);
        e.putInt(20, 1);
        e.putInt(40, 0);
        e.putInt(44, bins.length);
        e.position(48);
        e.put(bins);
        byte[] entry = e.array();
        HiveBytes hb = HiveBytes.of(entry);
        ByteBuffer.wrap(entry)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(24, Marvin32.hash(hb, 40, size - 40, Marvin32.REGISTRY_SEED));
        ByteBuffer.wrap(entry)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(32, Marvin32.hash(hb, 0, 32, Marvin32.REGISTRY_SEED));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        out.writeBytes(entry);
        return Arrays.copyOf(out.toByteArray(), Math.max(padTo, out.size()));
    }

    /**
     * An old-format log (.LOG): a base block of file type 1 with the primary's timestamp and equal
     * sequence numbers claiming {@code claimedBins} bytes, a dirty vector with one bit per 512-byte
     * page of {@code bins}, then those pages.
     */
    static byte[] oldFormatLog(byte[] primary, byte[] bins, long claimedBins) {
        byte[] base = Arrays.copyOf(primary, SECTOR);
        putInt(base, 4, 2);
        putInt(base, 8, 2);
        putInt(base, 28, 1);
        putInt(base, 40, (int) claimedBins);
        sealBaseBlock(base, 0);
        int bits = (int) (claimedBins / SECTOR);
        byte[] vector = new byte[4 + (bits + 7) / 8];
        System.arraycopy("DIRT".getBytes(StandardCharsets.US_ASCII), 0, vector, 0, 4);
        for (int page = 0; page < bins.length / SECTOR; page++) {
            vector[4 + page / 8] |= (byte) (1 << (page % 8));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(base);
        out.writeBytes(vector);
        out.writeBytes(new byte[(SECTOR - out.size() % SECTOR) % SECTOR]);
        out.writeBytes(bins);
        return out.toByteArray();
    }

    /** Rewrites the XOR checksum of the base block at {@code at}. */
    static void sealBaseBlock(byte[] b, int at) {
        putInt(b, at + BaseBlock.CHECKSUM_OFFSET, (int) BaseBlock.checksum(HiveBytes.of(b), at));
    }

    static void putInt(byte[] b, int at, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, v);
    }
}
