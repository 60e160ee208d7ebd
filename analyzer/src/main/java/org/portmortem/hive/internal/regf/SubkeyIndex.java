package org.portmortem.hive.internal.regf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The names of the subkeys of the keys looked up by name, by the parent's cell, for the hive's
 * lifetime: a path is resolved from the root at each lookup, and a lookup under a key of 700 services
 * made a key object (its name decoded, its path joined, its cell checked) of every service each time.
 * A parent's children are made, checked and warned about once, by the first lookup under it, exactly as
 * before; later lookups find the child's cell here and make only that key.
 *
 * <p>Only parents of at least {@link #MIN_SUBKEYS} subkeys are kept (a scan of fewer costs little),
 * and at most {@link #MAX_NAMES} names in all (about 4 MB): the model of a hive of 100,000 services
 * fills a 256 MB heap on its own, and names kept for every service key with a few subkeys ran it out
 * of memory (bench/README.md); there the Services key is too large to keep and is scanned as before.
 */
final class SubkeyIndex {
    static final int MIN_SUBKEYS = 32;
    static final int MAX_NAMES = 1 << 16;

    private final Map<Long, Names> byParent = new HashMap<>();
    private int names;

    /** The subkeys of one parent in list order: their names and key node cells. */
    static final class Names {
        private final String[] names;
        private final long[] nodes;

        Names(String[] names, long[] nodes) {
            this.names = names;
            this.nodes = nodes;
        }

        /**
         * The cells of the subkeys a lookup of {@code wanted} may return, in the order it tries them:
         * the names equal to it ignoring case, then those equal once their trailing NULs are dropped.
         */
        long[] candidates(String wanted) {
            long[] out = new long[4];
            int n = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < names.length; i++) {
                    boolean match = pass == 0
                            ? names[i].equalsIgnoreCase(wanted)
                            : !names[i].equalsIgnoreCase(wanted)
                                    && RegfKey.stripTrailingNuls(names[i]).equalsIgnoreCase(wanted);
                    if (match) {
                        if (n == out.length) {
                            out = Arrays.copyOf(out, 2 * n);
                        }
                        out[n++] = nodes[i];
                    }
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** The subkeys recorded for the key node at {@code parent}, or null. */
    synchronized Names of(long parent) {
        return byParent.get(parent);
    }

    /** Records a parent's subkeys, when it has enough of them and the index has room. */
    synchronized void record(long parent, String[] childNames, long[] childNodes) {
        if (childNames.length < MIN_SUBKEYS || names + childNames.length > MAX_NAMES || byParent.containsKey(parent)) {
            return;
        }
        byParent.put(parent, new Names(childNames, childNodes));
        names += childNames.length;
    }
}
