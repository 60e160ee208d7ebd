package org.portmortem.hive.internal.regf;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.portmortem.InputException;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveFormat;
import org.portmortem.hive.HiveFormatException;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.HiveWarning;

/**
 * A binary regf hive (Windows NT registry file, format versions 1.2 to 1.6), read from a read-only
 * memory mapping of the file, or from an in-memory image when transaction logs were replayed.
 * Keys are read lazily as they are visited, so a hive of any size opens at once with a small heap.
 *
 * <p>Written from msuhanov's "Windows registry file format specification" and libyal's libregf
 * documentation. A damaged key, value or list is left out with a {@link HiveWarning} naming its
 * file offset while the rest is read; only a file that cannot be a hive at all (empty, truncated
 * base block, not regf, a transaction log, no readable root key) is refused with a
 * {@link HiveFormatException}.
 *
 * <p>Differences from other readers, on purpose: names stored as "compressed" (one byte per
 * character) are decoded as Latin-1, as Windows does; a value whose inline size is over 4 bytes
 * keeps its 4 inline bytes; data longer than its cell is cut to the cell (with a warning).
 */
public final class RegfHive implements Hive {
    /** File offset of the hive bins data, to which every cell offset is relative. */
    static final long BINS_START = BaseBlock.SIZE;
    /** A registry tree can be 512 levels deep (Microsoft, "Registry element size limits"). */
    static final int MAX_DEPTH = 512;
    /** Warnings beyond this many are counted, not kept, so a shredded hive cannot fill the heap. */
    private static final int MAX_WARNINGS = 10_000;
    /** Key node flag of a hive's root key (KEY_HIVE_ENTRY). */
    private static final int KEY_HIVE_ENTRY = 0x0004;

    private final Path file;
    /** The file's name, made once: every piece of evidence a model reads names its hive. */
    private final String name;

    private final HiveBytes bytes;
    private final long binsEnd;
    private final HiveInfo info;
    private final long minorVersion;
    private final Set<HiveWarning> warnings = new LinkedHashSet<>();
    private int droppedWarnings;
    private final ConcurrentHashMap<Long, Long> adoptedKeyNodes = new ConcurrentHashMap<>();
    private final SubkeyIndex subkeyIndex = new SubkeyIndex();
    private final ValueNames.Recent valueNames = new ValueNames.Recent();
    private final RegfKey root;

    private RegfHive(
            Path file,
            HiveBytes bytes,
            long hiveBinsSize,
            boolean staleBaseBlock,
            HiveInfo info,
            long minorVersion,
            List<HiveWarning> early,
            long rootCell)
            throws HiveFormatException {
        this.file = file;
        Path n = file.getFileName();
        this.name = n == null ? file.toString() : n.toString();
        this.bytes = bytes;
        this.info = info;
        this.minorVersion = minorVersion;
        early.forEach(this::addWarning);
        long declaredEnd = BINS_START + hiveBinsSize;
        if (hiveBinsSize == 0 || hiveBinsSize % 4096 != 0 || declaredEnd > bytes.size()) {
            warn(
                    40,
                    String.format(
                            "base block gives hive bins data size 0x%x but the file holds 0x%x bytes of hive bins;"
                                    + " reading up to the end of the file",
                            hiveBinsSize, bytes.size() - BINS_START));
            declaredEnd = bytes.size();
        }
        long chainEnd = hiveBinsEnd(declaredEnd);
        if (chainEnd > declaredEnd && staleBaseBlock) {
            // A base block left behind by an interrupted write can give the size before the hive grew;
            // a clean hive's file may hold old bins past its size, which are not part of it.
            warn(
                    40,
                    String.format(
                            "hive bins continue past the 0x%x bytes the base block gives, to 0x%x; read as part of the hive",
                            declaredEnd - BINS_START, chainEnd - BINS_START));
            declaredEnd = chainEnd;
        }
        this.binsEnd = declaredEnd;
        try {
            this.root = new RegfKey(this, null, rootCell);
        } catch (RegfCorruption e) {
            throw new HiveFormatException(file, e.offset(), "root key unreadable: " + e.getMessage());
        }
        if (isOrdinaryKey(rootCell)) {
            warn(
                    36,
                    String.format(
                            "the base block's root cell 0x%x is an ordinary key (\"%s\", with a parent key),"
                                    + " not one flagged as the hive's root; the hive is read from it",
                            rootCell, printable(root.name())));
        }
    }

    /**
     * Whether the key node at the root offset is an ordinary key: not flagged KEY_HIVE_ENTRY (msuhanov,
     * "Key node", flags) and with a parent key node of its own. The flag alone does not tell:
     * offreg.dll writes roots without it, but with no parent (0xFFFFFFFF); a root offset that lands
     * on a key with a parent means a damaged or crafted base block, and the tree shown starts there.
     */
    private boolean isOrdinaryKey(long rootCell) {
        if ((root.flags() & KEY_HIVE_ENTRY) != 0) {
            return false;
        }
        try {
            long parent = bytes.u32(cell(rootCell).data() + 16);
            Cell p = cell(parent);
            return p.length() >= 2 && bytes.isSignature(p.data(), 'n', 'k');
        } catch (RegfCorruption e) {
            return false;
        }
    }

    /**
     * Opens a regf file read-only. When the base block says the hive is dirty and
     * {@code options.replayLogs()} is set, the {@code .LOG}, {@code .LOG1} and {@code .LOG2} files
     * beside it (any case) are replayed into an in-memory image; the files are never written.
     *
     * @throws HiveFormatException if the file cannot be a regf hive, with one line naming the file
     *     and the offset
     */
    public static Hive open(Path file, HiveOpenOptions options) throws IOException {
        long size;
        MappedByteBuffer mapped;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            size = channel.size();
            if (size > Integer.MAX_VALUE) {
                throw new HiveFormatException(
                        file, "file of " + size + " bytes is larger than the 2 GiB a regf hive can address");
            }
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (InputException e) {
            throw e;
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
        HiveBytes primary = new HiveBytes(mapped);
        if (!BaseBlock.hasSignature(primary, 0)) {
            throw new HiveFormatException(file, 0, "no regf signature, not a registry hive");
        }
        if (size < BaseBlock.SIZE) {
            throw new HiveFormatException(
                    file, size, "truncated: " + size + " bytes, less than the 4096-byte base block");
        }
        BaseBlock base = BaseBlock.read(primary, 0);
        if (base.fileType() != 0) {
            throw new HiveFormatException(
                    file,
                    28,
                    "a transaction log or unknown kind of file (file type " + base.fileType()
                            + "), not a primary hive; open the hive file beside it");
        }
        if (base.majorVersion() != 1) {
            throw new HiveFormatException(file, 20, "regf major version " + base.majorVersion() + " is not 1");
        }
        if (size <= BINS_START) {
            throw new HiveFormatException(file, size, "truncated: the base block is not followed by any hive bin");
        }
        List<HiveWarning> early = new ArrayList<>();
        HiveBytes content = primary;
        BaseBlock effective = base;
        HiveInfo.LogReplay replay;
        if (!base.dirty()) {
            replay = HiveInfo.LogReplay.none("hive is clean; no log replay needed");
        } else if (!options.replayLogs()) {
            replay = HiveInfo.LogReplay.none("log replay turned off; the primary file was read as it is");
            early.add(
                    HiveWarning.general(staleNote(base) + " and log replay was turned off: its content may be stale"));
        } else {
            LogRecovery.Result r = LogRecovery.recover(file, primary, base);
            early.addAll(r.warnings());
            replay = r.replay();
            if (r.image() != null) {
                content = r.image();
                effective = r.base();
            } else {
                early.add(
                        HiveWarning.general(staleNote(base) + " and " + replay.note() + ": its content may be stale"));
            }
        }
        if (effective.minorVersion() < 2 || effective.minorVersion() > 6) {
            early.add(HiveWarning.atOffset(
                    24, "unexpected regf minor version " + effective.minorVersion() + "; read as 1.5"));
        }
        HiveInfo info = new HiveInfo(
                effective.version(),
                effective.fileName(),
                effective.primarySequence(),
                effective.secondarySequence(),
                base.dirty(),
                base.checksumValid(),
                effective.lastWritten(),
                replay);
        return new RegfHive(
                file,
                content,
                effective.hiveBinsSize(),
                base.dirty() && content == primary,
                info,
                effective.minorVersion(),
                early,
                effective.rootCell());
    }

    private static String staleNote(BaseBlock base) {
        if (!base.checksumValid()) {
            return "the hive's base block checksum is wrong (it was being written)";
        }
        return "the hive is dirty (sequence numbers " + base.primarySequence() + " and " + base.secondarySequence()
                + " differ)";
    }

    /**
     * Walks the hive bin headers once, warning about damaged ones inside {@code declaredEnd} (cells
     * are found by offset anyway), and returns where the unbroken chain of bins ends, which may be
     * past {@code declaredEnd}.
     */
    private long hiveBinsEnd(long declaredEnd) {
        long at = BINS_START;
        while (at + 32 <= bytes.size()) {
            boolean inside = at < declaredEnd;
            if (!bytes.isSignature(at, 'h', 'b') || !bytes.isSignature(at + 2, 'i', 'n')) {
                if (inside) {
                    warn(at, "hive bin header missing; later cells are still read where keys point to them");
                }
                return at;
            }
            long declaredOffset = bytes.u32(at + 4);
            long size = bytes.u32(at + 8);
            if (declaredOffset != at - BINS_START) {
                if (inside) {
                    warn(at, String.format("hive bin says it is at 0x%x", declaredOffset));
                } else {
                    return at;
                }
            }
            if (size < 4096 || size % 4096 != 0 || at + size > bytes.size()) {
                if (inside) {
                    warn(
                            at,
                            "hive bin has an invalid size " + size
                                    + "; later cells are still read where keys point to them");
                }
                return at;
            }
            at += size;
        }
        return at;
    }

    static long fileOffset(long cellOffset) {
        return BINS_START + cellOffset;
    }

    /**
     * The cell at an offset relative to the hive bins data, checked to lie inside the hive bins with
     * a plausible size. Free cells are read as well: some writers leave live data in them.
     */
    Cell cell(long cellOffset) {
        long at = fileOffset(cellOffset);
        if (cellOffset == Cell.NONE || at + 4 > binsEnd || (cellOffset & 7) != 0) {
            throw new RegfCorruption(
                    at, String.format("cell offset 0x%x is outside the hive bins or misaligned", cellOffset));
        }
        int size = bytes.i32(at);
        long length = Math.abs((long) size);
        if (length < 8 || at + length > binsEnd) {
            throw new RegfCorruption(at, "cell size " + size + " is implausible");
        }
        return new Cell(cellOffset, at + 4, (int) length - 4);
    }

    static String signatureText(HiveBytes bytes, Cell cell) {
        if (cell.length() < 2) {
            return "a cell too small for a signature";
        }
        int a = bytes.u8(cell.data());
        int b = bytes.u8(cell.data() + 1);
        if (a >= 0x20 && a < 0x7f && b >= 0x20 && b < 0x7f) {
            return "\"" + (char) a + (char) b + "\"";
        }
        return String.format("bytes %02x %02x", a, b);
    }

    /** A key path or name for a one-line message: control characters become {@code \xNN}. */
    static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029 || c == 0x85) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(String.format("\\x%02x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    HiveBytes bytes() {
        return bytes;
    }

    /** Minor format version (3 to 6), which decides whether big-data records may occur. */
    long minorVersion() {
        return minorVersion;
    }

    /** The value names of the last keys a value was looked up in. */
    ValueNames.Recent valueNames() {
        return valueNames;
    }

    /** The names of the subkeys of the keys looked up by name so far. */
    SubkeyIndex subkeyIndex() {
        return subkeyIndex;
    }

    /**
     * Records that key node {@code keyNode} was reached under {@code parentNode} although its own
     * parent field names another key. Returns false if it was already reached under a different
     * parent: a key node shared by two parents would make the tree a graph (and a crafted one
     * exponentially large), so only the first parent keeps it.
     */
    boolean adopt(long keyNode, long parentNode) {
        Long first = adoptedKeyNodes.putIfAbsent(keyNode, parentNode);
        return first == null || first == parentNode;
    }

    void warn(long offset, String message) {
        addWarning(HiveWarning.atOffset(offset, message));
    }

    private synchronized void addWarning(HiveWarning w) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(w);
        } else if (!warnings.contains(w)) {
            droppedWarnings++;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(file);
    }

    @Override
    public HiveFormat format() {
        return HiveFormat.REGF;
    }

    @Override
    public RegfKey root() {
        return root;
    }

    @Override
    public HiveInfo info() {
        return info;
    }

    @Override
    public synchronized List<HiveWarning> warnings() {
        List<HiveWarning> out = new ArrayList<>(warnings);
        if (droppedWarnings > 0) {
            out.add(HiveWarning.general(droppedWarnings + " further warnings were not kept"));
        }
        return out;
    }

    /** The mapping is released by the garbage collector; nothing holds the file open. */
    @Override
    public void close() {
        // FileChannel is closed right after mapping; a MappedByteBuffer has no explicit unmap in Java 17.
    }

    @Override
    public String toString() {
        return "regf hive " + file;
    }
}
