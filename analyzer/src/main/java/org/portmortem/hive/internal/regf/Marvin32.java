package org.portmortem.hive.internal.regf;

/**
 * The Marvin32 hash (Microsoft's randomized string hash, published in .NET's Marvin.cs and named in
 * msuhanov's regf specification, "Log entries") as the 64-bit value that new-format transaction log
 * entries store in their Hash-1 and Hash-2 fields.
 */
final class Marvin32 {
    /** Seed of registry log entry hashes: 14219357686671994754 (msuhanov, "Log entries", note 3). */
    static final long REGISTRY_SEED = 0x82EF_4D88_7A4E_55C5L;

    private Marvin32() {}

    /** Hash of {@code length} bytes at {@code offset}, read through the bounds-checked reader. */
    static long hash(HiveBytes data, long offset, int length, long seed) {
        long state = seed;
        int i = 0;
        for (; i + 4 <= length; i += 4) {
            state = mix(state, data.i32(offset + i));
        }
        // The tail is padded with a 0x80 byte above the remaining 0 to 3 bytes.
        int last = 0x80;
        for (int k = length - i - 1; k >= 0; k--) {
            last = (last << 8) | data.u8(offset + i + k);
        }
        return mix(mix(state, last), 0);
    }

    /** Adds a word to the low half and runs one mixing round; the state is high half : low half. */
    private static long mix(long state, int word) {
        int lo = (int) state + word;
        int hi = (int) (state >>> 32);
        hi ^= lo;
        lo = Integer.rotateLeft(lo, 20) + hi;
        hi = Integer.rotateLeft(hi, 9) ^ lo;
        lo = Integer.rotateLeft(lo, 27) + hi;
        hi = Integer.rotateLeft(hi, 19);
        return (Integer.toUnsignedLong(hi) << 32) | Integer.toUnsignedLong(lo);
    }
}
