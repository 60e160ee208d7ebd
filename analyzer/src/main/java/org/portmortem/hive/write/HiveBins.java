package org.portmortem.hive.write;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The hive bins data of a regf file being built: cells are allocated one after the other in hive
 * bins of 4 KiB multiples (a cell never crosses a bin), and the unused end of each bin is left as
 * one free cell. Offsets are relative to the start of the hive bins data, as regf stores them.
 */
final class HiveBins {
    static final int PAGE = 4096;
    static final int BIN_HEADER = 32;

    private final long firstBinTimestamp;
    private byte[] buf = new byte[PAGE * 16];
    private int binEnd;
    private int free;
    private boolean first = true;

    /** @param firstBinTimestamp FILETIME for the first bin's header, a copy of the base block's */
    HiveBins(long firstBinTimestamp) {
        this.firstBinTimestamp = firstBinTimestamp;
    }

    /**
     * Allocates a cell for {@code dataLength} bytes of cell data and returns its offset. Call
     * {@link #cell(int)} after the last allocation that precedes the writes, since the buffer moves.
     */
    int allocate(int dataLength) {
        int size = align(4 + dataLength, 8);
        if (size > binEnd - free) {
            closeBin();
            openBin(Math.max(PAGE, align(BIN_HEADER + size, PAGE)));
        }
        int offset = free;
        ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, -size);
        free += size;
        return offset;
    }

    /** Allocates a cell holding exactly these bytes and returns its offset. */
    int allocate(byte[] data) {
        int offset = allocate(data.length);
        System.arraycopy(data, 0, buf, offset + 4, data.length);
        return offset;
    }

    /** The cell data at an offset, little-endian, position 0 at the first byte after the size field. */
    ByteBuffer cell(int offset) {
        return ByteBuffer.wrap(buf, offset + 4, binEnd - offset - 4).slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** Size of the hive bins data so far. */
    int size() {
        return binEnd;
    }

    /** Closes the last bin; nothing may be allocated afterwards. */
    void finish() {
        closeBin();
    }

    /** Writes the hive bins data, without copying it. */
    void writeTo(OutputStream out) throws IOException {
        out.write(buf, 0, binEnd);
    }

    private void openBin(int size) {
        int start = binEnd;
        if ((long) start + size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the hive would be larger than 2 GiB, beyond 32-bit regf offsets");
        }
        if (start + size > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(2L * buf.length, start + size)));
        }
        ByteBuffer b = ByteBuffer.wrap(buf, start, BIN_HEADER).slice().order(ByteOrder.LITTLE_ENDIAN);
        b.put("hbin".getBytes(StandardCharsets.US_ASCII));
        b.putInt(start);
        b.putInt(size);
        b.putLong(0);
        // The spec defines the timestamp for the first bin only: a backup of the base block's.
        b.putLong(first ? firstBinTimestamp : 0);
        b.putInt(0);
        first = false;
        free = start + BIN_HEADER;
        binEnd = start + size;
    }

    private void closeBin() {
        if (binEnd > free) {
            ByteBuffer.wrap(buf).order(ByteOrder.LITTLE_ENDIAN).putInt(free, binEnd - free);
            free = binEnd;
        }
    }

    static int align(int n, int to) {
        return (n + to - 1) / to * to;
    }
}
