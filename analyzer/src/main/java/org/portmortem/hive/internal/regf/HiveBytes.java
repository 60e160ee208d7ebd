package org.portmortem.hive.internal.regf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of a hive file, read by absolute file offset in little-endian order. This class owns
 * every bounds check of the regf reader: a read outside the data raises {@link RegfCorruption}
 * naming the offset, so no parser ever indexes a raw array or trips over an
 * {@link IndexOutOfBoundsException}.
 *
 * <p>The data is a read-only memory mapping of the primary file, or a heap image after transaction
 * logs were replayed in memory. It never writes.
 */
final class HiveBytes {
    private final ByteBuffer buffer;
    private final int size;

    HiveBytes(ByteBuffer buffer) {
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.size = buffer.limit();
    }

    static HiveBytes of(byte[] image) {
        return new HiveBytes(ByteBuffer.wrap(image));
    }

    /** Number of bytes available. */
    int size() {
        return size;
    }

    /** Whether {@code length} bytes from {@code offset} lie inside the data. */
    boolean contains(long offset, long length) {
        return offset >= 0 && length >= 0 && offset + length <= size;
    }

    private int check(long offset, long length) {
        if (!contains(offset, length)) {
            throw new RegfCorruption(
                    offset,
                    length + " bytes at offset 0x" + Long.toHexString(offset) + " lie outside the file (" + size
                            + " bytes)");
        }
        return (int) offset;
    }

    int u8(long offset) {
        return buffer.get(check(offset, 1)) & 0xff;
    }

    int u16(long offset) {
        return buffer.getShort(check(offset, 2)) & 0xffff;
    }

    /** A signed 32-bit number (cell sizes are signed). */
    int i32(long offset) {
        return buffer.getInt(check(offset, 4));
    }

    long u32(long offset) {
        return Integer.toUnsignedLong(i32(offset));
    }

    long u64(long offset) {
        return buffer.getLong(check(offset, 8));
    }

    /** A copy of {@code length} bytes. */
    byte[] bytes(long offset, int length) {
        int at = check(offset, length);
        byte[] out = new byte[length];
        buffer.get(at, out, 0, length);
        return out;
    }

    /** Copies {@code length} bytes into {@code target} at {@code targetOffset}. */
    void copy(long offset, byte[] target, int targetOffset, int length) {
        int at = check(offset, length);
        buffer.get(at, target, targetOffset, length);
    }

    /** Whether the two bytes at {@code offset} are the ASCII characters {@code a} and {@code b}. */
    boolean isSignature(long offset, char a, char b) {
        return contains(offset, 2) && buffer.get((int) offset) == a && buffer.get((int) offset + 1) == b;
    }

    /** Text of {@code length} bytes, one byte per character (a "compressed" regf name). */
    String latin1(long offset, int length) {
        return new String(bytes(offset, length), StandardCharsets.ISO_8859_1);
    }

    /** Text of {@code length} bytes of UTF-16LE; an odd last byte is dropped. */
    String utf16(long offset, int length) {
        return new String(bytes(offset, length & ~1), StandardCharsets.UTF_16LE);
    }
}
