package org.portmortem.hive.internal.regf;

/**
 * The names and cells of a key's readable value records, in the order of its value list, so that a
 * lookup by name compares strings instead of decoding every record again; and {@link Recent}, the
 * hive's cache of the last few keys' names (a reader looks up its dozen values in one key, then moves
 * on: a few entries catch nearly every repeat, and memory stays the same whatever the hive's size).
 */
final class ValueNames {
    private final String[] names;
    private final long[] records;

    ValueNames(String[] names, long[] records) {
        this.names = names;
        this.records = records;
    }

    /** The record of the first value of that name (case-insensitive), or -1. */
    long find(String wanted) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(wanted)) {
                return records[i];
            }
        }
        return -1;
    }

    /** The value names of the last {@link #SIZE} keys looked in, by key node cell, replaced in turn. */
    static final class Recent {
        static final int SIZE = 8;

        private final long[] keys = new long[SIZE];
        private final ValueNames[] names = new ValueNames[SIZE];
        private int next;

        /** The names kept for the key node at {@code keyCell}, or null. */
        synchronized ValueNames of(long keyCell) {
            for (int i = 0; i < SIZE; i++) {
                if (names[i] != null && keys[i] == keyCell) {
                    return names[i];
                }
            }
            return null;
        }

        /** Keeps a key's names in place of the oldest kept. */
        synchronized void remember(long keyCell, ValueNames n) {
            keys[next] = keyCell;
            names[next] = n;
            next = (next + 1) % SIZE;
        }
    }
}
