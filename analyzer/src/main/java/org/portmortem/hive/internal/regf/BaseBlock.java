package org.portmortem.hive.internal.regf;

import java.time.Instant;

/**
 * The regf base block (file header), the first 4096 bytes of a primary file and the first sector
 * of a transaction log. Layout from msuhanov's "Windows registry file format specification",
 * section "Base block".
 *
 * @param primarySequence incremented when a write starts
 * @param secondarySequence incremented when a write ends; unequal numbers mean a dirty hive
 * @param lastWrittenFiletime FILETIME of the last write
 * @param majorVersion always 1
 * @param minorVersion 3 to 6
 * @param fileType 0 primary, 1 or 2 old-format log, 6 new-format log
 * @param rootCell root key node offset relative to the hive bins data
 * @param hiveBinsSize size of the hive bins data in bytes
 * @param clusteringFactor sector size divided by 512
 * @param fileName the embedded file name (UTF-16LE, up to 64 bytes, cut at the first NUL)
 * @param checksumValid whether the XOR-32 checksum at offset 508 matches the first 508 bytes
 */
record BaseBlock(
        long primarySequence,
        long secondarySequence,
        long lastWrittenFiletime,
        long majorVersion,
        long minorVersion,
        long fileType,
        long rootCell,
        long hiveBinsSize,
        long clusteringFactor,
        String fileName,
        boolean checksumValid) {

    static final int SIZE = 4096;
    /** Only this much of a base block is covered by the checksum and copied into logs. */
    static final int SECTOR = 512;

    static final int CHECKSUM_OFFSET = 508;

    /** Reads a base block at {@code offset}; the caller has checked the "regf" signature. */
    static BaseBlock read(HiveBytes bytes, long offset) {
        return new BaseBlock(
                bytes.u32(offset + 4),
                bytes.u32(offset + 8),
                bytes.u64(offset + 12),
                bytes.u32(offset + 20),
                bytes.u32(offset + 24),
                bytes.u32(offset + 28),
                bytes.u32(offset + 36),
                bytes.u32(offset + 40),
                bytes.u32(offset + 44),
                cutAtNul(bytes.utf16(offset + 48, 64)),
                checksum(bytes, offset) == bytes.u32(offset + CHECKSUM_OFFSET));
    }

    static boolean hasSignature(HiveBytes bytes, long offset) {
        return bytes.isSignature(offset, 'r', 'e') && bytes.isSignature(offset + 2, 'g', 'f');
    }

    /**
     * XOR-32 of the 127 little-endian words before offset 508. Windows writes 0xFFFFFFFE for a sum of
     * 0xFFFFFFFF and 1 for a sum of 0 (libregf documentation, "File header").
     */
    static long checksum(HiveBytes bytes, long offset) {
        int x = 0;
        for (int i = 0; i < CHECKSUM_OFFSET; i += 4) {
            x ^= bytes.i32(offset + i);
        }
        if (x == -1) {
            x = -2;
        } else if (x == 0) {
            x = 1;
        }
        return Integer.toUnsignedLong(x);
    }

    boolean dirty() {
        return primarySequence != secondarySequence || !checksumValid;
    }

    String version() {
        return majorVersion + "." + minorVersion;
    }

    Instant lastWritten() {
        return Filetime.toInstant(lastWrittenFiletime);
    }

    private static String cutAtNul(String s) {
        int nul = s.indexOf('\0');
        return nul < 0 ? s : s.substring(0, nul);
    }
}
