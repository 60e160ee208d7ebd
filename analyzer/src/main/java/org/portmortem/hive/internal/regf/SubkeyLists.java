package org.portmortem.hive.internal.regf;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads a key's subkey list: an index leaf (li), fast leaf (lf), hash leaf (lh), or an index root
 * (ri) of such lists, nested to any depth up to {@link #MAX_NESTING}. Below an index root each list
 * cell is visited at most once, so a list that points back into itself ends with a warning instead
 * of a loop; the element count is bounded by what the cell can hold.
 */
final class SubkeyLists {
    /** Windows never nests index roots; a few levels leave room for odd writers, not for loops. */
    static final int MAX_NESTING = 8;

    private final RegfHive hive;
    /** List cells seen below an index root; null until one is met, since plain leaves cannot loop. */
    private Set<Long> visited;

    private long[] nodes = new long[16];
    private int count;

    private SubkeyLists(RegfHive hive) {
        this.hive = hive;
    }

    /**
     * The key node offsets of every element, in list order. If the lists only reach the end of a
     * damaged part, what was read before it is kept and the damage is a warning.
     */
    static long[] keyNodes(RegfHive hive, long listOffset) {
        SubkeyLists lists = new SubkeyLists(hive);
        try {
            lists.walk(listOffset, 0);
        } catch (RegfCorruption e) {
            hive.warn(e.offset(), "subkey list unreadable, its subkeys are missing: " + e.getMessage());
        }
        return Arrays.copyOf(lists.nodes, lists.count);
    }

    private void add(long node) {
        if (count == nodes.length) {
            nodes = Arrays.copyOf(nodes, count * 2);
        }
        nodes[count++] = node;
    }

    private void walk(long listOffset, int nesting) {
        if (nesting > 0 && visited == null) {
            visited = new HashSet<>();
        }
        if (visited != null && !visited.add(listOffset)) {
            hive.warn(RegfHive.fileOffset(listOffset), "subkey list refers to itself; the loop was cut");
            return;
        }
        if (nesting > MAX_NESTING) {
            hive.warn(
                    RegfHive.fileOffset(listOffset),
                    "subkey lists nested more than " + MAX_NESTING + " deep; the rest was skipped");
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
            throw new RegfCorruption(
                    cell.data(),
                    "expected a subkey list (lf, lh, li or ri), found " + RegfHive.signatureText(bytes, cell));
        }
        int count = bytes.u16(cell.data() + 2);
        int room = (cell.length() - 4) / elementSize;
        if (count > room) {
            hive.warn(
                    cell.data(),
                    "subkey list claims " + count + " elements but its cell holds " + room + "; read " + room);
            count = room;
        }
        for (int i = 0; i < count; i++) {
            long element = bytes.u32(cell.data() + 4 + (long) i * elementSize);
            if (!indexRoot) {
                add(element);
                continue;
            }
            if (visited == null) {
                visited = new HashSet<>();
                visited.add(listOffset);
            }
            try {
                walk(element, nesting + 1);
            } catch (RegfCorruption e) {
                hive.warn(e.offset(), "subkey list unreadable, its subkeys are missing: " + e.getMessage());
            }
        }
    }
}
