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

    static Value read(RegfHive hive, long cellOffset, String keyPath) {
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
        byte[] data = data(hive, d, sizeField, dataOffset, keyPath, name);
        return new Value(keyPath, name, type, data);
    }

    private static byte[] data(RegfHive hive, long vk, long sizeField, long dataOffset, String keyPath, String name) {
        HiveBytes bytes = hive.bytes();
        long size = sizeField & ~DATA_IN_OFFSET;
        if ((sizeField & DATA_IN_OFFSET) != 0) {
            if (size > 4) {
                hive.warn(
                        vk + 4,
                        "value " + describe(keyPath, name) + " says " + size
                                + " bytes are stored in the record; read 4");
                size = 4;
            }
            return bytes.bytes(vk + 8, (int) size);
        }
        if (size == 0) {
            return new byte[0];
        }
        Cell cell = hive.cell(dataOffset);
        if (size > SEGMENT_SIZE && hive.minorVersion() >= 4 && cell.hasSignature(bytes, 'd', 'b')) {
            return bigData(hive, cell, size, keyPath, name);
        }
        if (size > cell.length()) {
            hive.warn(
                    cell.data(),
                    "data of value " + describe(keyPath, name) + " claims " + size + " bytes but its cell holds "
                            + cell.length() + "; cut to the cell");
            size = cell.length();
        }
        return bytes.bytes(cell.data(), (int) size);
    }

    private static byte[] bigData(RegfHive hive, Cell db, long size, String keyPath, String name) {
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
                    "data of value " + describe(keyPath, name) + " claims " + size + " bytes but its segments hold "
                            + available + "; cut");
            size = available;
        }
        byte[] out = new byte[(int) size];
        int filled = 0;
        for (int i = 0; i < segments && filled < size; i++) {
            int n = (int) Math.min(Math.min(SEGMENT_SIZE, cells[i].length()), size - filled);
            bytes.copy(cells[i].data(), out, filled, n);
            filled += n;
        }
        return out;
    }

    private static String describe(String keyPath, String name) {
        return RegfHive.printable((keyPath.isEmpty() ? "" : keyPath + "\\") + (name.isEmpty() ? "(default)" : name));
    }
}
