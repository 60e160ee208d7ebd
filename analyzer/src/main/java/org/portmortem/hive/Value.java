package org.portmortem.hive;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * One registry value: its name ({@code ""} for the default value), its type as stored, and its raw
 * data bytes, with typed accessors that decode the data the way Windows does and fail with a
 * {@link ValueTypeException} naming the key, the value and its type when the type does not fit.
 *
 * <p>Both hive readers produce the same {@code Value}, so decoding rules (missing terminators, odd
 * byte counts, big-endian DWORDs) are the same whatever the source.
 */
public final class Value {
    /** The holding key's path as given, when {@link #key} is null. */
    private final String keyPath;
    /** The holding key, asked for its path only when {@link #keyPath()} is, or null. */
    private final Key key;

    private final String name;
    private final int typeId;
    private final byte[] raw;

    /**
     * @param keyPath path of the key holding the value, for messages
     * @param name value name, {@code ""} for the default value
     * @param typeId type id as stored (any 32-bit number)
     * @param raw data bytes (copied)
     */
    public Value(String keyPath, String name, int typeId, byte[] raw) {
        this(keyPath, null, name, typeId, raw.clone());
    }

    /** Keeps {@code raw} as it is. */
    private Value(String keyPath, Key key, String name, int typeId, byte[] raw) {
        this.keyPath = keyPath;
        this.key = key;
        this.name = name;
        this.typeId = typeId;
        this.raw = raw;
    }

    /**
     * A value that keeps {@code raw} itself instead of a copy: for a hive reader that has just made the
     * array and hands it over (copying every value's data twice was a tenth of a {@code dump}'s reading).
     * The caller must not write to the array afterwards. The key's path is asked of the key only
     * when {@link #keyPath} is called: a {@code dump} of every value never needs it, and making each
     * key's path was a tenth of its reading.
     *
     * @param key the key holding the value
     * @param name value name, {@code ""} for the default value
     * @param typeId type id as stored (any 32-bit number)
     * @param raw data bytes, from now on owned by the value
     */
    public static Value handedOver(Key key, String name, int typeId, byte[] raw) {
        return new Value(null, key, name, typeId, raw);
    }

    /** The value name; {@code ""} for the key's default value. */
    public String name() {
        return name;
    }

    /** The path of the key that holds this value. */
    public String keyPath() {
        return key == null ? keyPath : key.path();
    }

    /** The type id exactly as stored. */
    public int typeId() {
        return typeId;
    }

    /** The type, or {@link ValueType#UNKNOWN} for an id Windows does not define. */
    public ValueType type() {
        return ValueType.of(typeId);
    }

    /** A copy of the data bytes. */
    public byte[] raw() {
        return raw.clone();
    }

    /** Number of data bytes. */
    public int size() {
        return raw.length;
    }

    /**
     * One data byte, without copying the data as {@link #raw} does (a writer of every value of a hive
     * would otherwise copy all of its data once more).
     *
     * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
     */
    public byte byteAt(int index) {
        return raw[index];
    }

    /** Lower-case hexadecimal of the data bytes. */
    public String rawHex() {
        return HexFormat.of().formatHex(raw);
    }

    /** True for REG_SZ, REG_EXPAND_SZ and REG_LINK. */
    public boolean isString() {
        ValueType t = type();
        return t == ValueType.REG_SZ || t == ValueType.REG_EXPAND_SZ || t == ValueType.REG_LINK;
    }

    /** True for REG_DWORD, REG_DWORD_BIG_ENDIAN and REG_QWORD with enough data bytes. */
    public boolean isNumber() {
        ValueType t = type();
        return ((t == ValueType.REG_DWORD || t == ValueType.REG_DWORD_BIG_ENDIAN) && raw.length >= 4)
                || (t == ValueType.REG_QWORD && raw.length >= 8);
    }

    /**
     * The data of a REG_SZ, REG_EXPAND_SZ or REG_LINK as UTF-16LE, cut at the first NUL (Windows
     * stores a terminator, but not always); an odd last byte is ignored. Not expanded.
     */
    public String asString() {
        if (!isString()) {
            throw mismatch("a string");
        }
        return utf16UpToNul(raw, 0, raw.length);
    }

    /**
     * The whole text a REG_SZ, REG_EXPAND_SZ or REG_LINK stores, as UTF-16LE: an embedded NUL and the
     * text after it kept, only the terminating NULs at the end dropped; an odd last byte is ignored.
     * {@link #asString} is what Windows reads (up to the first NUL); this is what an examiner must see,
     * since text after a NUL is hidden from Windows and from most tools.
     */
    public String storedString() {
        if (!isString()) {
            throw mismatch("a string");
        }
        int end = raw.length & ~1;
        while (end >= 2 && raw[end - 2] == 0 && raw[end - 1] == 0) {
            end -= 2;
        }
        return new String(raw, 0, end, StandardCharsets.UTF_16LE);
    }

    /** Whether a string value stores text after its first NUL, text Windows does not read. */
    public boolean hasTextAfterNul() {
        return isString() && storedString().length() > asString().length();
    }

    /**
     * The strings of a REG_MULTI_SZ, ending at the first empty string as Windows does (so a missing
     * final terminator or extra terminators change nothing). A REG_SZ or REG_EXPAND_SZ gives a list
     * of its one string, since programs that read multi-strings accept those too.
     */
    public List<String> asStrings() {
        if (isString()) {
            String s = asString();
            return s.isEmpty() ? List.of() : List.of(s);
        }
        if (type() != ValueType.REG_MULTI_SZ) {
            throw mismatch("a list of strings");
        }
        List<String> out = new ArrayList<>();
        int end = raw.length & ~1;
        int start = 0;
        for (int i = 0; i < end; i += 2) {
            if (raw[i] == 0 && raw[i + 1] == 0) {
                if (i == start) {
                    return out;
                }
                out.add(new String(raw, start, i - start, StandardCharsets.UTF_16LE));
                start = i + 2;
            }
        }
        if (start < end) {
            out.add(new String(raw, start, end - start, StandardCharsets.UTF_16LE));
        }
        return out;
    }

    /**
     * The number in a REG_DWORD (little-endian) or REG_DWORD_BIG_ENDIAN, from its first four bytes.
     */
    public int asInt() {
        ValueType t = type();
        if ((t == ValueType.REG_DWORD || t == ValueType.REG_DWORD_BIG_ENDIAN) && raw.length >= 4) {
            ByteOrder order = t == ValueType.REG_DWORD ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
            return ByteBuffer.wrap(raw, 0, 4).order(order).getInt();
        }
        throw mismatch("a 32-bit number");
    }

    /** The number in a REG_QWORD, or a REG_DWORD widened without sign. */
    public long asLong() {
        if (type() == ValueType.REG_QWORD && raw.length >= 8) {
            return ByteBuffer.wrap(raw, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        }
        if (type() == ValueType.REG_DWORD || type() == ValueType.REG_DWORD_BIG_ENDIAN) {
            return Integer.toUnsignedLong(asInt());
        }
        throw mismatch("a 64-bit number");
    }

    /** Seconds from 1601-01-01, the FILETIME epoch, to 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;

    /**
     * The first eight bytes as a Windows FILETIME: an unsigned little-endian count of 100-nanosecond
     * intervals since 1601-01-01 UTC (Microsoft, "FILETIME structure (minwinbase.h)"). Empty when the
     * data is shorter than eight bytes, whatever the type (ShutdownTime is REG_BINARY, others QWORD).
     */
    public Optional<Instant> asFiletime() {
        if (raw.length < 8) {
            return Optional.empty();
        }
        return Optional.of(filetime(
                ByteBuffer.wrap(raw, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong()));
    }

    /** A FILETIME tick count (unsigned) as an instant; 0 is 1601-01-01T00:00:00Z. */
    public static Instant filetime(long ticks) {
        return Instant.ofEpochSecond(
                Long.divideUnsigned(ticks, 10_000_000L) - FILETIME_EPOCH_OFFSET_SECONDS,
                Long.remainderUnsigned(ticks, 10_000_000L) * 100);
    }

    /** The first sixteen bytes as a {@link SystemTime}; empty when the data is shorter. */
    public Optional<SystemTime> asSystemTime() {
        return raw.length < 16 ? Optional.empty() : Optional.of(SystemTime.of(raw));
    }

    /**
     * The first sixteen bytes as a GUID in registry notation, lower case: {@code {xxxxxxxx-xxxx-xxxx-xxxx-
     * xxxxxxxxxxxx}}, the first three fields little-endian (Microsoft, "GUID structure (guiddef.h)").
     * Empty when the data is shorter.
     */
    public Optional<String> asGuid() {
        if (raw.length < 16) {
            return Optional.empty();
        }
        // by hand, as String.format("{%08x-%04x-%04x-%02x%02x-%02x...}") wrote it: a trigger's GUIDs,
        // thousands in a Windows 10 hive, went through the formatter's parser each time (20 ms)
        char[] out = new char[38];
        out[0] = '{';
        int o = 1;
        for (int i : GUID_BYTES) {
            if (i < 0) {
                out[o++] = '-';
            } else {
                out[o++] = HEX_DIGITS[(raw[i] >> 4) & 0xF];
                out[o++] = HEX_DIGITS[raw[i] & 0xF];
            }
        }
        out[o] = '}';
        return Optional.of(new String(out));
    }

    /** The data bytes in the order a GUID's text shows them, -1 for a hyphen (three little-endian fields first). */
    private static final int[] GUID_BYTES = {3, 2, 1, 0, -1, 5, 4, -1, 7, 6, -1, 8, 9, -1, 10, 11, 12, 13, 14, 15};

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    /**
     * The data as a person reads it: strings as stored (an embedded NUL and the text after it kept,
     * see {@link #storedString}), multi-strings joined by " | ", numbers as decimal with hexadecimal,
     * anything else as hexadecimal bytes.
     */
    public String display() {
        if (isString()) {
            return storedString();
        }
        if (type() == ValueType.REG_MULTI_SZ) {
            return String.join(" | ", asStrings());
        }
        if (isNumber()) {
            if (type() == ValueType.REG_QWORD) {
                return Long.toUnsignedString(asLong()) + " (0x" + Long.toHexString(asLong()) + ")";
            }
            int v = asInt();
            String hex = Integer.toHexString(v); // eight digits, zero-padded, as %08x
            return Integer.toUnsignedString(v) + " (0x" + "00000000".substring(hex.length()) + hex + ")";
        }
        return rawHex();
    }

    private ValueTypeException mismatch(String wanted) {
        String typeName = type() == ValueType.UNKNOWN ? "type 0x" + Integer.toHexString(typeId) : type().name();
        return new ValueTypeException(String.format(
                "%s\\%s is %s with %d bytes, not %s",
                keyPath(), name.isEmpty() ? "(default)" : name, typeName, raw.length, wanted));
    }

    static String utf16UpToNul(byte[] b, int from, int to) {
        int end = to - ((to - from) & 1);
        for (int i = from; i + 1 < end; i += 2) {
            if (b[i] == 0 && b[i + 1] == 0) {
                end = i;
                break;
            }
        }
        return new String(b, from, end - from, StandardCharsets.UTF_16LE);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Value v && v.typeId == typeId && v.name.equals(name) && Arrays.equals(v.raw, raw);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(raw) + typeId;
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "(default)" : name) + " [" + type() + "] " + display();
    }
}
