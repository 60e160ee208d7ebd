package org.portmortem.hive.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * Writes any {@link Hive} as a binary registry file (regf 1.3 or 1.5) that Windows and the usual
 * readers (reglookup, hivex, libregf) accept: a base block with its XOR checksum and equal sequence
 * numbers, hive bins of 4 KiB multiples, key nodes with ASCII names where possible (UTF-16LE
 * otherwise), subkey lists sorted by upper-cased name, values with data of up to 4 bytes kept in the
 * value record, big-data records for data over 16,344 bytes, class names, and one security
 * descriptor shared by every key.
 *
 * <p>Keys keep their own last-write times; keys without one (a .reg export has none) get the fixed
 * time given to the builder, which is also the file's last-written time. Output is deterministic:
 * the same hive and options give the same bytes.
 *
 * <p>Layout per the regf specification by Maxim Suhanov
 * (github.com/msuhanov/regf, "Windows registry file format specification.md").
 */
public final class HiveWriter {
    /** The most data bytes a value cell holds before Windows splits it into big-data segments. */
    public static final int BIG_DATA_SEGMENT = 16344;

    /** Keys per subkey list leaf, so that each leaf fits in one 4 KiB page; more go under an index root. */
    static final int LEAF_CAPACITY = (HiveBins.PAGE - HiveBins.BIN_HEADER - 8) / 8;

    private static final int NONE = -1;
    private static final int KEY_HIVE_ENTRY = 0x0004;
    private static final int KEY_NO_DELETE = 0x0008;
    private static final int KEY_COMP_NAME = 0x0020;
    private static final int VALUE_COMP_NAME = 0x0001;
    private static final int DATA_INLINE = 0x80000000;
    private static final long FILETIME_UNIX_EPOCH_SECONDS = 11_644_473_600L;

    /** Orders subkeys as Windows does in its lists: by name upper-cased one UTF-16 unit at a time. */
    static final Comparator<String> HIVE_ORDER = (a, b) -> {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = Character.toUpperCase(a.charAt(i)) - Character.toUpperCase(b.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    };

    private final Instant lastWritten;
    private final String embeddedFileName;
    private final int minorVersion;
    private final boolean overwrite;

    private HiveWriter(Builder b) {
        this.lastWritten = b.lastWritten;
        this.embeddedFileName = b.embeddedFileName;
        this.minorVersion = b.minorVersion;
        this.overwrite = b.overwrite;
    }

    /**
     * A writer whose file and key timestamps, for keys without their own, are {@code lastWritten}.
     */
    public static Builder builder(Instant lastWritten) {
        return new Builder(lastWritten);
    }

    /**
     * Writes {@code source} to a new file {@code out} as regf 1.5, refusing to replace an existing
     * file.
     *
     * @param lastWritten the file's last-written time and that of keys without their own
     * @throws FileAlreadyExistsException if {@code out} exists
     */
    public static Written write(Hive source, Path out, Instant lastWritten) throws IOException {
        return builder(lastWritten).build().writeTo(source, out);
    }

    /**
     * Writes {@code source} to {@code out}. An existing file is replaced only if the builder was
     * told to overwrite, and never when it is the file the source hive was read from.
     *
     * @throws FileAlreadyExistsException if {@code out} exists and overwriting was not asked for
     * @throws IOException if {@code out} is the source's own file, or cannot be written
     */
    public Written writeTo(Hive source, Path out) throws IOException {
        if (source.file().isPresent()
                && Files.exists(out)
                && Files.isSameFile(source.file().get(), out)) {
            throw new IOException(out + ": is the file the hive was read from; it is never written over");
        }
        if (!overwrite && Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(out.toString());
        }
        Image image = build(source, embeddedFileName != null ? embeddedFileName : fileName(out));
        // Written beside the target and then renamed, so a failed write leaves no half file behind
        // and an existing file is only replaced by a complete one.
        Path partial = out.resolveSibling(
                "." + fileName(out) + "." + ProcessHandle.current().pid() + ".partial");
        try {
            try (OutputStream o =
                    Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                image.writeTo(o);
            }
            if (overwrite) {
                Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(partial, out);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return new Written(out, image.keys(), image.values(), image.size());
    }

    private static String fileName(Path p) {
        return p.getFileName() == null ? "" : p.getFileName().toString();
    }

    /** The regf file for {@code source}, in memory. */
    public byte[] toBytes(Hive source) {
        Image image = build(source, embeddedFileName == null ? "" : embeddedFileName);
        ByteArrayOutputStream b = new ByteArrayOutputStream((int) image.size());
        try {
            image.writeTo(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return b.toByteArray();
    }

    /**
     * What was written.
     *
     * @param file the regf file
     * @param keys number of keys, the root included
     * @param values number of values
     * @param bytes file size
     */
    public record Written(Path file, long keys, long values, long bytes) {}

    /** A built file: its base block and its hive bins, written out without a copy. */
    private record Image(byte[] baseBlock, HiveBins bins, long keys, long values) {
        long size() {
            return baseBlock.length + (long) bins.size();
        }

        void writeTo(OutputStream out) throws IOException {
            out.write(baseBlock);
            bins.writeTo(out);
        }
    }

    private Image build(Hive source, String fileName) {
        long fileTime = fileTime(lastWritten);
        Layout layout = new Layout(new HiveBins(fileTime));
        int root = layout.writeTree(source.root());
        layout.bins.finish();
        byte[] base = new byte[HiveBins.PAGE];
        baseBlock(ByteBuffer.wrap(base).order(ByteOrder.LITTLE_ENDIAN), fileTime, root, layout.bins.size(), fileName);
        return new Image(base, layout.bins, layout.keys, layout.values);
    }

    private void baseBlock(ByteBuffer b, long fileTime, int rootOffset, int binsSize, String fileName) {
        b.put(0, "regf".getBytes(StandardCharsets.US_ASCII));
        b.putInt(4, 1); // primary sequence number
        b.putInt(8, 1); // secondary sequence number, equal: the file is clean
        b.putLong(12, fileTime);
        b.putInt(20, 1); // major version
        b.putInt(24, minorVersion);
        b.putInt(28, 0); // primary file
        b.putInt(32, 1); // direct memory load
        b.putInt(36, rootOffset);
        b.putInt(40, binsSize);
        b.putInt(44, 1); // clustering factor: 512-byte sectors
        // 64 bytes of UTF-16LE: at most 31 characters (the end of a long name) and a terminator.
        String name = fileName.length() > 31 ? fileName.substring(fileName.length() - 31) : fileName;
        b.put(48, name.getBytes(StandardCharsets.UTF_16LE));
        int checksum = 0;
        for (int i = 0; i < 508; i += 4) {
            checksum ^= b.getInt(i);
        }
        b.putInt(508, checksum);
    }

    /** FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
    static long fileTime(Instant t) {
        return (t.getEpochSecond() + FILETIME_UNIX_EPOCH_SECONDS) * 10_000_000L + t.getNano() / 100;
    }

    /** Whether a name can be stored one byte per character; ASCII only, so that every reader agrees. */
    static boolean compressible(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static byte[] nameBytes(String name) {
        return name.getBytes(compressible(name) ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16LE);
    }

    /** lh hash: 37 * h + c over the upper-cased name's UTF-16 units. */
    static int nameHash(String name) {
        int h = 0;
        for (int i = 0; i < name.length(); i++) {
            h = 37 * h + Character.toUpperCase(name.charAt(i));
        }
        return h;
    }

    /** The state of one write: the bins being filled and what was counted. */
    private final class Layout {
        final HiveBins bins;
        long keys;
        long values;
        int security = NONE;

        Layout(HiveBins bins) {
            this.bins = bins;
        }

        int writeTree(Key root) {
            int offset = writeKey(root, NONE, true);
            ByteBuffer sk = bins.cell(security);
            sk.putInt(12, (int) keys); // reference count: every key uses this one descriptor
            return offset;
        }

        private int writeKey(Key key, int parent, boolean isRoot) {
            byte[] name = fieldSized(nameBytes(key.name()), key, "key name");
            int nk = bins.allocate(76 + name.length);
            keys++;
            ByteBuffer b = bins.cell(nk);
            b.put(0, (byte) 'n').put(1, (byte) 'k');
            int flags = (compressible(key.name()) ? KEY_COMP_NAME : 0) | (isRoot ? KEY_HIVE_ENTRY | KEY_NO_DELETE : 0);
            b.putShort(2, (short) flags);
            b.putLong(4, fileTime(key.lastWritten().orElse(lastWritten)));
            b.putInt(16, parent);
            b.putInt(32, NONE); // no volatile subkeys on disk
            b.putShort(72, (short) name.length);
            b.put(76, name);
            if (isRoot) {
                security = writeSecurity();
            }

            int classOffset = NONE;
            int classLength = 0;
            if (key.className().isPresent()) {
                byte[] cls = fieldSized(key.className().get().getBytes(StandardCharsets.UTF_16LE), key, "class name");
                classOffset = bins.allocate(cls);
                classLength = cls.length;
            }

            List<Value> vals = key.values();
            int[] vks = new int[vals.size()];
            int maxValueName = 0;
            int maxData = 0;
            for (int i = 0; i < vks.length; i++) {
                Value v = vals.get(i);
                vks[i] = writeValue(
                        v,
                        fieldSized(
                                nameBytes(v.name()),
                                key,
                                "value name "
                                        + (v.name().length() > 40 ? v.name().substring(0, 40) + "..." : v.name())));
                maxValueName = Math.max(maxValueName, 2 * v.name().length());
                maxData = Math.max(maxData, v.size());
            }
            int valueList = vks.length == 0 ? NONE : offsetList(vks);

            List<Key> subs = new ArrayList<>(key.subkeys());
            subs.sort(Comparator.comparing(Key::name, HIVE_ORDER));
            int[] children = new int[subs.size()];
            int maxSubName = 0;
            int maxSubClass = 0;
            for (int i = 0; i < children.length; i++) {
                Key sub = subs.get(i);
                children[i] = writeKey(sub, nk, false);
                maxSubName = Math.max(maxSubName, 2 * sub.name().length());
                maxSubClass = Math.max(
                        maxSubClass, 2 * sub.className().map(String::length).orElse(0));
            }
            int subkeyList = children.length == 0 ? NONE : subkeyList(subs, children);

            b = bins.cell(nk);
            b.putInt(20, children.length);
            b.putInt(28, subkeyList);
            b.putInt(36, vks.length);
            b.putInt(40, valueList);
            b.putInt(44, security);
            b.putInt(48, classOffset);
            b.putInt(52, maxSubName);
            b.putInt(56, maxSubClass);
            b.putInt(60, maxValueName);
            b.putInt(64, maxData);
            b.putShort(74, (short) classLength);
            return nk;
        }

        /** Names and class names have 16-bit byte lengths in regf. */
        private static byte[] fieldSized(byte[] bytes, Key key, String what) {
            if (bytes.length > 0xFFFF) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s of %d bytes is longer than regf can store (65,535)",
                        key.path().isEmpty() ? "(root)" : key.path(), what, bytes.length));
            }
            return bytes;
        }

        private int writeSecurity() {
            byte[] sd = SecurityDescriptor.minimal();
            int sk = bins.allocate(20 + sd.length);
            ByteBuffer b = bins.cell(sk);
            b.put(0, (byte) 's').put(1, (byte) 'k');
            // The only entry of the list: forward and backward links point to itself.
            b.putInt(4, sk);
            b.putInt(8, sk);
            b.putInt(16, sd.length);
            b.put(20, sd);
            return sk;
        }

        private int writeValue(Value v, byte[] name) {
            values++;
            byte[] data = v.raw();
            int sizeField = data.length;
            int dataField = 0;
            if (data.length <= 4) {
                sizeField |= DATA_INLINE;
                byte[] inline = new byte[4];
                System.arraycopy(data, 0, inline, 0, data.length);
                dataField =
                        ByteBuffer.wrap(inline).order(ByteOrder.LITTLE_ENDIAN).getInt();
            } else if (data.length > BIG_DATA_SEGMENT && minorVersion > 3) {
                dataField = bigData(data);
            } else {
                dataField = bins.allocate(data);
            }
            int vk = bins.allocate(20 + name.length);
            ByteBuffer b = bins.cell(vk);
            b.put(0, (byte) 'v').put(1, (byte) 'k');
            b.putShort(2, (short) name.length);
            b.putInt(4, sizeField);
            b.putInt(8, dataField);
            b.putInt(12, v.typeId());
            b.putShort(16, (short) (compressible(v.name()) ? VALUE_COMP_NAME : 0));
            b.put(20, name);
            return vk;
        }

        /** A db record: the data cut into segments of {@link #BIG_DATA_SEGMENT} bytes. */
        private int bigData(byte[] data) {
            int count = (data.length + BIG_DATA_SEGMENT - 1) / BIG_DATA_SEGMENT;
            int[] segments = new int[count];
            for (int i = 0; i < count; i++) {
                int from = i * BIG_DATA_SEGMENT;
                int len = Math.min(BIG_DATA_SEGMENT, data.length - from);
                // 4 bytes of cell padding beyond the data: hivex takes each segment's data to be
                // the cell size less 8 (lib/value.c, hivex_value_value), as in the cells Windows writes.
                segments[i] = bins.allocate(len + 4);
                bins.cell(segments[i]).put(0, data, from, len);
            }
            int list = offsetList(segments);
            int db = bins.allocate(8);
            ByteBuffer b = bins.cell(db);
            b.put(0, (byte) 'd').put(1, (byte) 'b');
            b.putShort(2, (short) count);
            b.putInt(4, list);
            return db;
        }

        private int offsetList(int[] offsets) {
            int list = bins.allocate(4 * offsets.length);
            ByteBuffer b = bins.cell(list);
            for (int i = 0; i < offsets.length; i++) {
                b.putInt(4 * i, offsets[i]);
            }
            return list;
        }

        /** One leaf, or an index root over leaves of {@link #LEAF_CAPACITY} keys for a longer list. */
        private int subkeyList(List<Key> subs, int[] offsets) {
            if (offsets.length <= LEAF_CAPACITY) {
                return leaf(subs, offsets, 0, offsets.length);
            }
            int count = (offsets.length + LEAF_CAPACITY - 1) / LEAF_CAPACITY;
            int[] leaves = new int[count];
            for (int i = 0; i < count; i++) {
                int from = i * LEAF_CAPACITY;
                leaves[i] = leaf(subs, offsets, from, Math.min(offsets.length, from + LEAF_CAPACITY));
            }
            int ri = bins.allocate(4 + 4 * count);
            ByteBuffer b = bins.cell(ri);
            b.put(0, (byte) 'r').put(1, (byte) 'i');
            b.putShort(2, (short) count);
            for (int i = 0; i < count; i++) {
                b.putInt(4 + 4 * i, leaves[i]);
            }
            return ri;
        }

        /** An lh leaf (hash of each name) in 1.5 hives; an li leaf (offsets only) in 1.3 hives. */
        private int leaf(List<Key> subs, int[] offsets, int from, int to) {
            boolean hashed = minorVersion > 3;
            int entry = hashed ? 8 : 4;
            int leaf = bins.allocate(4 + entry * (to - from));
            ByteBuffer b = bins.cell(leaf);
            b.put(0, (byte) 'l').put(1, (byte) (hashed ? 'h' : 'i'));
            b.putShort(2, (short) (to - from));
            for (int i = from; i < to; i++) {
                int at = 4 + entry * (i - from);
                b.putInt(at, offsets[i]);
                if (hashed) {
                    b.putInt(at + 4, nameHash(subs.get(i).name()));
                }
            }
            return leaf;
        }
    }

    /** Options of a {@link HiveWriter}. */
    public static final class Builder {
        private final Instant lastWritten;
        private String embeddedFileName;
        private int minorVersion = 5;
        private boolean overwrite;

        private Builder(Instant lastWritten) {
            this.lastWritten = Objects.requireNonNull(lastWritten, "lastWritten");
        }

        /** The file name stored in the base block; by default the output file's name. */
        public Builder embeddedFileName(String name) {
            this.embeddedFileName = name;
            return this;
        }

        /**
         * 5 (the default: Windows XP and later, lh lists and big-data records) or 3 (Windows NT 4 and
         * 2000: li lists, large data in one cell).
         */
        public Builder minorVersion(int minor) {
            if (minor != 3 && minor != 5) {
                throw new IllegalArgumentException("regf minor version must be 3 or 5, not " + minor);
            }
            this.minorVersion = minor;
            return this;
        }

        /** Whether an existing output file may be replaced (never the source hive's own file). */
        public Builder overwrite(boolean overwrite) {
            this.overwrite = overwrite;
            return this;
        }

        /** A writer with these options; it can write any number of hives. */
        public HiveWriter build() {
            return new HiveWriter(this);
        }
    }
}
