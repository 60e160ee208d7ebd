package org.portmortem.hive.internal.regf;

import java.util.HashSet;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Reads a key's subkey list: an index leaf (li), fast leaf (lf), hash leaf (lh), or an index root
 * (ri) of such lists, nested to any depth up to {@link #MAX_NESTING}. Each list cell is visited at
 * most once, so a list that points back into itself ends with a warning instead of a loop, and the
 * element count is bounded by what the cell can hold.
 */
final class SubkeyLists {
    /** Windows never nests index roots; a few levels leave room for odd writers, not for loops. */
    static final int MAX_NESTING = 8;

    private final RegfHive hive;
    private final Set<Long> visited = new HashSet<>();

    private SubkeyLists(RegfHive hive) {
        this.hive = hive;
    }

    /** Passes the key node offset of every element, in list order, to {@code keyNode}. */
    static void forEachKeyNode(RegfHive hive, long listOffset, LongConsumer keyNode) {
        new SubkeyLists(hive).walk(listOffset, 0, keyNode);
    }

    private void walk(long listOffset, int nesting, LongConsumer keyNode) {
        if (!visited.add(listOffset)) {
            hive.warn(RegfHive.fileOffset(listOffset), "subkey list refers to itself; the loop was cut");
            return;
        }
        if (nesting > MAX_NESTING) {
            hive.warn(RegfHive.fileOffset(listOffset), "subkey lists nested more than " + MAX_NESTING + " deep; the rest was skipped");
            return;
        }
        HiveBytes bytes = hive.bytes();
        Cell cell = hive.cell(listOffset).require(4, "subkey list");
        int elementSize;
        boolean indexRoot = false;
        if (cell.hasSignature(bytes, 'l', 'f') || cell.hasSignature(bytes, 'l', 'h')) {
            elementSize = 8;
        } else if (cell.hasSignature(bytes, 'l', 'i')) {
            elementSize = 4;
        } else if (cell.hasSignature(bytes, 'r', 'i')) {
            elementSize = 4;
            indexRoot = true;
        } else {
            throw new RegfCorruption(cell.data(), "expected a subkey list (lf, lh, li or ri), found "
                    + RegfHive.signatureText(bytes, cell));
        }
        int count = bytes.u16(cell.data() + 2);
        int room = (cell.length() - 4) / elementSize;
        if (count > room) {
            hive.warn(cell.data(), "subkey list claims " + count + " elements but its cell holds " + room + "; read " + room);
            count = room;
        }
        for (int i = 0; i < count; i++) {
            long element = bytes.u32(cell.data() + 4 + (long) i * elementSize);
            if (!indexRoot) {
                keyNode.accept(element);
                continue;
            }
            try {
                walk(element, nesting + 1, keyNode);
            } catch (RegfCorruption e) {
                hive.warn(e.offset(), "subkey list unreadable, its subkeys are missing: " + e.getMessage());
            }
        }
    }
}
