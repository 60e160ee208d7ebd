package org.portmortem.hive.internal.regf;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * A key node (nk) of a regf hive. The fixed fields are read when the key is created; subkeys,
 * values and the class name are read each time they are asked for, so a traversal holds only the
 * keys it is visiting.
 */
final class RegfKey implements Key {
    /** Fixed part of a key node before its name (msuhanov, "Key node"). */
    private static final int FIXED_SIZE = 76;

    private static final int KEY_COMP_NAME = 0x0020;

    private final RegfHive hive;
    private final RegfKey parent;
    private final long cellOffset;
    private final int depth;
    private final String name;
    /**
     * The path, made from the parent's when first asked for (a racy lazy field, as for the Instant
     * below): {@code dump} never asks, and making every key's path was a tenth of its reading.
     */
    private String path;

    private final int flags;
    private final long lastWritten;
    /**
     * The last-write time as an Instant, made on first use and then shared by every fact read from
     * this key (a service's dozen pieces of evidence would otherwise hold a dozen equal Instants).
     * A racy lazy field is safe: Instant is immutable and any thread computes the same value.
     */
    private Instant lastWrittenInstant;

    private final long subkeyCount;
    private final long subkeyList;
    private final long valueCount;
    private final long valueList;
    private final long classNameCell;
    private final int classNameLength;

    RegfKey(RegfHive hive, RegfKey parent, long cellOffset) {
        this.hive = hive;
        this.parent = parent;
        this.cellOffset = cellOffset;
        this.depth = parent == null ? 0 : parent.depth + 1;
        HiveBytes bytes = hive.bytes();
        Cell cell = hive.cell(cellOffset);
        if (!cell.hasSignature(bytes, 'n', 'k')) {
            throw new RegfCorruption(
                    cell.data(), "expected a key node (nk), found " + RegfHive.signatureText(bytes, cell));
        }
        cell.require(FIXED_SIZE, "key node");
        long d = cell.data();
        this.flags = bytes.u16(d + 2);
        this.lastWritten = bytes.u64(d + 4);
        this.subkeyCount = bytes.u32(d + 20);
        this.subkeyList = bytes.u32(d + 28);
        this.valueCount = bytes.u32(d + 36);
        this.valueList = bytes.u32(d + 40);
        this.classNameCell = bytes.u32(d + 48);
        int nameLength = bytes.u16(d + 72);
        this.classNameLength = bytes.u16(d + 74);
        int room = cell.length() - FIXED_SIZE;
        if (nameLength > room) {
            hive.warn(d + 72, "key name of " + nameLength + " bytes is longer than its cell; cut to " + room);
            nameLength = room;
        }
        this.name = (flags & KEY_COMP_NAME) != 0
                ? bytes.latin1(d + FIXED_SIZE, nameLength)
                : bytes.utf16(d + FIXED_SIZE, nameLength);
        this.path = parent == null ? "" : null;
    }

    @Override
    public Hive hive() {
        return hive;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String path() {
        String p = path;
        if (p == null) {
            String above = parent.path(); // at most MAX_DEPTH calls deep
            // String.join sizes the path exactly; a concatenation grows a builder several times per key
            p = above.isEmpty() ? name : String.join("\\", above, name);
            path = p;
        }
        return p;
    }

    /** The key node's flags (KEY_VOLATILE, KEY_HIVE_ENTRY, KEY_SYM_LINK, KEY_COMP_NAME, ...). */
    int flags() {
        return flags;
    }

    /** The key node's cell, as cells are addressed (from the first hive bin). */
    long cellOffset() {
        return cellOffset;
    }

    /** File offset of the key node's cell. */
    long fileOffset() {
        return RegfHive.fileOffset(cellOffset);
    }

    @Override
    public Optional<Instant> lastWritten() {
        Instant t = lastWrittenInstant;
        if (t == null && lastWritten != 0) {
            t = Filetime.toInstant(lastWritten);
            lastWrittenInstant = t;
        }
        return Optional.ofNullable(t);
    }

    @Override
    public Optional<String> className() {
        if (classNameCell == Cell.NONE || classNameLength == 0) {
            return Optional.empty();
        }
        try {
            Cell cell = hive.cell(classNameCell);
            int length = Math.min(classNameLength, cell.length());
            if (length < classNameLength) {
                hive.warn(cell.data(), "class name of " + display() + " is longer than its cell; cut");
            }
            return Optional.of(hive.bytes().utf16(cell.data(), length));
        } catch (RegfCorruption e) {
            hive.warn(e.offset(), "class name of key " + display() + " unreadable: " + e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public List<Key> subkeys() {
        List<Key> out = new ArrayList<>();
        forEachSubkey(out::add);
        return out;
    }

    /**
     * The subkey of that name, case-insensitively. A stored name that ends in NUL characters (LSA
     * writes {@code SAC\0} and {@code SAI\0}) is also found by the name without them, as other
     * tools show it. The first lookup under a key makes every subkey, as {@link #subkeys} does; the
     * names are then kept in the hive's {@link SubkeyIndex}, and a later lookup under the same key
     * makes only the subkey it returns.
     */
    @Override
    public Optional<Key> subkey(String wanted) {
        SubkeyIndex.Names known =
                depth + 1 > RegfHive.MAX_DEPTH ? null : hive.subkeyIndex().of(cellOffset);
        if (known != null) {
            for (long node : known.candidates(wanted)) {
                RegfKey k = child(node);
                if (k != null) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }
        Key[] found = new Key[2];
        List<String> names = new ArrayList<>();
        long[][] nodes = {new long[16]};
        forEachSubkey(k -> {
            if (names.size() == nodes[0].length) {
                nodes[0] = Arrays.copyOf(nodes[0], 2 * names.size());
            }
            nodes[0][names.size()] = k.cellOffset;
            names.add(k.name);
            if (found[0] == null && k.name().equalsIgnoreCase(wanted)) {
                found[0] = k;
            } else if (found[1] == null && stripTrailingNuls(k.name()).equalsIgnoreCase(wanted)) {
                found[1] = k;
            }
        });
        if (depth + 1 <= RegfHive.MAX_DEPTH) {
            hive.subkeyIndex().record(cellOffset, names.toArray(new String[0]), Arrays.copyOf(nodes[0], names.size()));
        }
        return Optional.ofNullable(found[0] != null ? found[0] : found[1]);
    }

    static String stripTrailingNuls(String name) {
        int end = name.length();
        while (end > 0 && name.charAt(end - 1) == '\0') {
            end--;
        }
        return name.substring(0, end);
    }

    private void forEachSubkey(Consumer<RegfKey> action) {
        if (subkeyCount == 0 || subkeyList == Cell.NONE) {
            return;
        }
        if (depth + 1 > RegfHive.MAX_DEPTH) {
            hive.warn(
                    fileOffset(),
                    "key " + display() + " is nested deeper than " + RegfHive.MAX_DEPTH
                            + " levels; its subkeys were skipped");
            return;
        }
        long[] nodes = SubkeyLists.keyNodes(hive, subkeyList);
        // A key node listed twice would double its whole subtree (and, repeated, blow it up): keep the first.
        Set<Long> seen = hasRepeats(nodes) ? new HashSet<>() : null;
        for (long node : nodes) {
            if (seen != null && !seen.add(node)) {
                hive.warn(
                        RegfHive.fileOffset(node),
                        "key node listed twice under " + display() + "; the copy was skipped");
                continue;
            }
            RegfKey child = child(node);
            if (child != null) {
                action.accept(child);
            }
        }
    }

    private static boolean hasRepeats(long[] nodes) {
        if (nodes.length < 2) {
            return false;
        }
        long[] sorted = nodes.clone();
        Arrays.sort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** The subkey at a key node offset, or null (with a warning) when it cannot be one. */
    private RegfKey child(long node) {
        for (RegfKey k = this; k != null; k = k.parent) {
            if (k.cellOffset == node) {
                hive.warn(
                        RegfHive.fileOffset(node), "subkey of " + display() + " is its own ancestor; the loop was cut");
                return null;
            }
        }
        try {
            RegfKey child = new RegfKey(hive, this, node);
            long declaredParent = hive.bytes().u32(RegfHive.fileOffset(node) + 4 + 16);
            if (declaredParent != cellOffset && !hive.adopt(node, cellOffset)) {
                hive.warn(
                        child.fileOffset(),
                        "key node " + child.display() + " is listed under two parents; kept under the first only");
                return null;
            }
            return child;
        } catch (RegfCorruption e) {
            hive.warn(e.offset(), "a subkey of " + display() + " is unreadable: " + e.getMessage());
            return null;
        }
    }

    @Override
    public List<Value> values() {
        long[] records = valueRecords();
        List<Value> out = new ArrayList<>(records.length);
        for (long vk : records) {
            try {
                out.add(ValueRecord.read(hive, vk, this));
            } catch (RegfCorruption e) {
                hive.warn(e.offset(), "a value of " + display() + " is unreadable: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * The first value of that name, case-insensitive. On the first lookup in a key every value record
     * is checked as {@link #values} checks it, raising the same warnings in the same order (a hive keeps
     * each warning once, so checking again would add nothing); the names found are kept in the hive's
     * {@link ValueNames} of the last few keys looked in, and only the value returned has its data
     * copied: a model looks up a dozen names in each service key, the firewall hundreds of rules in
     * one, and each lookup decoded every name of the key again. Kept in the hive, not in this key:
     * a service holds its key, and a hive of 100,000 services would hold all their names.
     */
    @Override
    public Optional<Value> value(String wanted) {
        ValueNames names = hive.valueNames().of(cellOffset);
        if (names == null) {
            names = readValueNames();
            hive.valueNames().remember(cellOffset, names);
        }
        long found = names.find(wanted);
        return found < 0 ? Optional.empty() : Optional.of(ValueRecord.read(hive, found, this));
    }

    private ValueNames readValueNames() {
        long[] all = valueRecords();
        String[] names = new String[all.length];
        long[] readable = new long[all.length];
        int n = 0;
        for (long vk : all) {
            try {
                names[n] = ValueRecord.name(hive, vk, this);
                readable[n] = vk;
                n++;
            } catch (RegfCorruption e) {
                hive.warn(e.offset(), "a value of " + display() + " is unreadable: " + e.getMessage());
            }
        }
        return new ValueNames(Arrays.copyOf(names, n), Arrays.copyOf(readable, n));
    }

    /** The cell offsets of the value records, as many as the key claims and its list holds. */
    private long[] valueRecords() {
        if (valueCount == 0 || valueList == Cell.NONE) {
            return new long[0];
        }
        HiveBytes bytes = hive.bytes();
        Cell list;
        try {
            list = hive.cell(valueList);
        } catch (RegfCorruption e) {
            hive.warn(e.offset(), "value list of " + display() + " unreadable: " + e.getMessage());
            return new long[0];
        }
        long count = valueCount;
        long room = list.length() / 4;
        if (count > room) {
            hive.warn(
                    list.data(),
                    "key " + display() + " claims " + count + " values but its value list holds " + room + "; read "
                            + room);
            count = room;
        }
        long[] out = new long[(int) count];
        for (int i = 0; i < count; i++) {
            out[i] = bytes.u32(list.data() + 4L * i);
        }
        return out;
    }

    private String display() {
        String p = path();
        return p.isEmpty() ? "(root)" : RegfHive.printable(p);
    }

    @Override
    public String toString() {
        return display();
    }
}
