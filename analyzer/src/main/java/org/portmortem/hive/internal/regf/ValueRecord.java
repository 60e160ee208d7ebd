package org.portmortem.hive.internal.regf;

import org.portmortem.hive.Value;

/**
 * Reads a key value (vk) and its data: stored in the record itself when the size's top bit is set,
 * in one data cell, or (format 1.4 and later, over {@link #SEGMENT_SIZE} bytes) in the segments of
 * a big-data (db) record. Data is never longer than the cells that hold it, so no size field can
 * make the reader allocate more than the file has.
 */
final class ValueRecord {
    /** Fixed part of a key value before its name (msuhanov, "Key value"). */
    private static final int FIXED_SIZE = 20;

    private static final int VALUE_COMP_NAME = 0x0001;
    private static final long DATA_IN_OFFSET = 0x8000_0000L;
    /** Largest data a single big-data segment holds (msuhanov, "Big data"; libregf). */
    static final int SEGMENT_SIZE = 16344;

    private ValueRecord() {}

    static Value read(RegfHive hive, long cellOffset, RegfKey key) {
        Scanned v = scan(hive, cellOffset, key);
        return Value.handedOver(key, v.name(), v.type(), v.data().copy(hive.bytes()));
    }

    /**
     * The name of the value, read with every check and warning of {@link #read} but without copying
     * its data: to find one value among a key's by name, where reading them all was copying every
     * value's data for each name looked up.
     */
    static String name(RegfHive hive, long cellOffset, RegfKey key) {
        return scan(hive, cellOffset, key).name();
    }

    /** A value record read up to its data, which is located and checked but not copied. */
    private record Scanned(String name, int type, Data data) {}

    /**
     * Where a value's data lies: {@code length} bytes at {@code offset} in the file, or, for the
     * segments of a big-data record, {@code lengths[i]} bytes at {@code offsets[i]} (null for one run:
     * a value is read once per lookup, and its data almost always lies in one run).
     */
    private record Data(long offset, int length, long[] offsets, int[] lengths) {
        static final Data EMPTY = at(0, 0);

        static Data at(long offset, int length) {
            return new Data(offset, length, null, null);
        }

        byte[] copy(HiveBytes bytes) {
            if (offsets == null) {
                return bytes.bytes(offset, length);
            }
            byte[] out = new byte[length];
            int filled = 0;
            for (int i = 0; i < offsets.length; i++) {
                bytes.copy(offsets[i], out, filled, lengths[i]);
                filled += lengths[i];
            }
            return out;
        }
    }

    private static Scanned scan(RegfHive hive, long cellOffset, RegfKey key) {
        HiveBytes bytes = hive.bytes();
        Cell cell = hive.cell(cellOffset);
        if (!cell.hasSignature(bytes, 'v', 'k')) {
            throw new RegfCorruption(
                    cell.data(), "expected a key value (vk), found " + RegfHive.signatureText(bytes, cell));
        }
        cell.require(FIXED_SIZE, "key value");
        long d = cell.data();
        int nameLength = bytes.u16(d + 2);
        long sizeField = bytes.u32(d + 4);
        long dataOffset = bytes.u32(d + 8);
        int type = bytes.i32(d + 12);
        int flags = bytes.u16(d + 16);
        int room = cell.length() - FIXED_SIZE;
        if (nameLength > room) {
            hive.warn(d + 2, "value name of " + nameLength + " bytes is longer than its cell; cut to " + room);
            nameLength = room;
        }
        String name = (flags & VALUE_COMP_NAME) != 0
                ? bytes.latin1(d + FIXED_SIZE, nameLength)
                : bytes.utf16(d + FIXED_SIZE, nameLength);
        return new Scanned(name, type, data(hive, d, sizeField, dataOffset, key, name));
    }

    private static Data data(RegfHive hive, long vk, long sizeField, long dataOffset, RegfKey key, String name) {
        HiveBytes bytes = hive.bytes();
        long size = sizeField & ~DATA_IN_OFFSET;
        if ((sizeField & DATA_IN_OFFSET) != 0) {
            if (size > 4) {
                hive.warn(
                        vk + 4,
                        "value " + describe(key, name) + " says " + size + " bytes are stored in the record; read 4");
                size = 4;
            }
            return checked(bytes, vk + 8, (int) size);
        }
        if (size == 0) {
            return Data.EMPTY;
        }
        Cell cell = hive.cell(dataOffset);
        if (size > SEGMENT_SIZE && hive.minorVersion() >= 4 && cell.hasSignature(bytes, 'd', 'b')) {
            return bigData(hive, cell, size, key, name);
        }
        if (size > cell.length()) {
            hive.warn(
                    cell.data(),
                    "data of value " + describe(key, name) + " claims " + size + " bytes but its cell holds "
                            + cell.length() + "; cut to the cell");
            size = cell.length();
        }
        return checked(bytes, cell.data(), (int) size);
    }

    /** One run, its bounds checked now (as the copy would), so a record that would fail fails here. */
    private static Data checked(HiveBytes bytes, long offset, int length) {
        if (!bytes.contains(offset, length)) {
            bytes.bytes(offset, length); // raises the reader's one corruption for reads outside the file
        }
        return Data.at(offset, length);
    }

    private static Data bigData(RegfHive hive, Cell db, long size, RegfKey key, String name) {
        HiveBytes bytes = hive.bytes();
        db.require(8, "big data record");
        int segments = bytes.u16(db.data() + 2);
        Cell list = hive.cell(bytes.u32(db.data() + 4));
        if (segments > list.length() / 4) {
            hive.warn(
                    list.data(),
                    "big data record claims " + segments + " segments but its list holds " + list.length() / 4);
            segments = list.length() / 4;
        }
        Cell[] cells = new Cell[segments];
        long available = 0;
        for (int i = 0; i < segments; i++) {
            cells[i] = hive.cell(bytes.u32(list.data() + 4L * i));
            available += Math.min(SEGMENT_SIZE, cells[i].length());
        }
        if (size > available) {
            hive.warn(
                    db.data(),
                    "data of value " + describe(key, name) + " claims " + size + " bytes but its segments hold "
                            + available + "; cut");
            size = available;
        }
        int used = 0;
        long[] offsets = new long[segments];
        int[] lengths = new int[segments];
        long filled = 0;
        for (int i = 0; i < segments && filled < size; i++) {
            int n = (int) Math.min(Math.min(SEGMENT_SIZE, cells[i].length()), size - filled);
            offsets[used] = cells[i].data();
            lengths[used] = n;
            used++;
            filled += n;
        }
        if (used == 1) {
            return Data.at(offsets[0], lengths[0]);
        }
        return new Data(0, (int) size, java.util.Arrays.copyOf(offsets, used), java.util.Arrays.copyOf(lengths, used));
    }

    private static String describe(RegfKey key, String name) {
        String keyPath = key.path();
        return RegfHive.printable((keyPath.isEmpty() ? "" : keyPath + "\\") + (name.isEmpty() ? "(default)" : name));
    }
}
