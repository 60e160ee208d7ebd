package org.portmortem.hive.internal.regf;

/**
 * One cell of the hive bins data: where its data starts in the file and how long it is.
 *
 * @param offset the cell's offset relative to the hive bins data, as other records name it
 * @param data file offset of the cell data (after the 4-byte size field)
 * @param length number of data bytes (the absolute cell size minus the size field)
 */
record Cell(long offset, long data, int length) {
    /** Offset value that means "no cell" in key nodes and lists. */
    static final long NONE = 0xFFFF_FFFFL;

    /** Raises a corruption unless the cell data holds at least {@code needed} bytes. */
    Cell require(int needed, String what) {
        if (length < needed) {
            throw new RegfCorruption(data - 4, what + " needs " + needed + " bytes but its cell holds " + length);
        }
        return this;
    }

    boolean hasSignature(HiveBytes bytes, char a, char b) {
        return length >= 2 && bytes.isSignature(data, a, b);
    }
}
