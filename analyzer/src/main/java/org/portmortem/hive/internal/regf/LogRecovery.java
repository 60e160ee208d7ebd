package org.portmortem.hive.internal.regf;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.HiveWarning;

/**
 * Replays the transaction logs of a dirty hive into an in-memory image, following msuhanov's regf
 * specification ("Format of transaction log files", "Dirty state of a hive", "Multiple transaction
 * log files"). The primary file and the logs are only read.
 *
 * <ul>
 *   <li>Old format (file type 1 or 2, Windows XP to 8.0): the log whose base block is valid and has
 *       the primary file's last-written timestamp is applied: each bit set in its dirty vector
 *       copies one 512-byte page.
 *   <li>New format (file type 6, Windows 8.1 and later): the HvLE entries of {@code .LOG1} and
 *       {@code .LOG2} are checked (both Marvin32 hashes, the hive bins size), each log up to its
 *       first invalid entry, then applied in sequence-number order from the primary file's secondary
 *       sequence number, stopping at a gap.
 * </ul>
 *
 * <p>A log is applied only if the hive size its entries claim can be justified: the primary file's
 * hive bins plus the dirty pages the logs hold (a hive grows only by bins written as dirty pages).
 * Otherwise a 64 KB log with valid hashes could claim a hive of gigabytes and make the reader
 * allocate it; such a log is skipped with a warning naming it.
 */
final class LogRecovery {
    private static final String[] SUFFIXES = {".LOG", ".LOG1", ".LOG2"};
    private static final int SECTOR = BaseBlock.SECTOR;
    private static final int ENTRY_HEADER = 40;
    /** The largest image a Java array holds. */
    private static final long MAX_IMAGE = Integer.MAX_VALUE - 16;

    /**
     * What replay produced.
     *
     * @param image the recovered hive, or null when nothing was applied
     * @param base the base block facts to read the image with (sequence numbers after replay)
     * @param replay the status for {@link HiveInfo}
     * @param warnings problems met in the logs
     */
    record Result(HiveBytes image, BaseBlock base, HiveInfo.LogReplay replay, List<HiveWarning> warnings) {}

    private record LogFile(Path path, HiveBytes bytes, BaseBlock base) {}

    /** One new-format log entry; {@code pageBytes} is the size of the dirty pages it holds. */
    private record Entry(LogFile log, long offset, long sequence, long hiveBinsSize, int pages, long pageBytes) {}

    private final Path hivePath;
    private final HiveBytes primary;
    private final BaseBlock primaryBase;
    private final List<HiveWarning> warnings = new ArrayList<>();
    /** Logs skipped because they claim a hive larger than they and the primary file can justify. */
    private final List<String> implausible = new ArrayList<>();

    private LogRecovery(Path hivePath, HiveBytes primary, BaseBlock primaryBase) {
        this.hivePath = hivePath;
        this.primary = primary;
        this.primaryBase = primaryBase;
    }

    static Result recover(Path hivePath, HiveBytes primary, BaseBlock base) {
        return new LogRecovery(hivePath, primary, base).run();
    }

    /** The .LOG, .LOG1 and .LOG2 files beside the hive, matched in any case, in that order. */
    static List<Path> logsBeside(Path hive) {
        Path dir = hive.toAbsolutePath().getParent();
        String base = String.valueOf(hive.getFileName());
        List<Path> found = new ArrayList<>();
        if (dir == null) {
            return found;
        }
        for (String suffix : SUFFIXES) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
                for (Path p : ds) {
                    if (String.valueOf(p.getFileName()).equalsIgnoreCase(base + suffix) && Files.isRegularFile(p)) {
                        found.add(p);
                        break;
                    }
                }
            } catch (IOException e) {
                return found;
            }
        }
        return found;
    }

    private Result run() {
        Result r = replay();
        if (implausible.isEmpty()) {
            return r;
        }
        List<HiveWarning> all = new ArrayList<>(r.warnings());
        String outcome = r.image() == null
                ? "; not applied: the primary file is read as with --no-logs"
                : "; not applied: the hive was recovered from the other logs without it";
        implausible.forEach(m -> all.add(HiveWarning.general(m + outcome)));
        return new Result(r.image(), r.base(), r.replay(), List.copyOf(all));
    }

    private Result replay() {
        List<Path> found = logsBeside(hivePath);
        if (found.isEmpty()) {
            return nothing(found, "no transaction logs (.LOG, .LOG1, .LOG2) were found beside it");
        }
        List<LogFile> oldLogs = new ArrayList<>();
        List<LogFile> newLogs = new ArrayList<>();
        for (Path p : found) {
            LogFile log = readLog(p);
            if (log == null) {
                continue;
            }
            long type = log.base.fileType();
            if (type == 6) {
                newLogs.add(log);
            } else if (type == 1 || type == 2) {
                oldLogs.add(log);
            } else {
                warnings.add(HiveWarning.general(
                        p.getFileName() + ": file type " + type + " is not a transaction log; ignored"));
            }
        }
        if (!newLogs.isEmpty()) {
            Result r = replayNewFormat(found, newLogs);
            if (r.image() != null || oldLogs.isEmpty()) {
                return r;
            }
        }
        if (!oldLogs.isEmpty()) {
            return replayOldFormat(found, oldLogs);
        }
        return nothing(found, "none of the logs beside it is a usable transaction log");
    }

    private Result nothing(List<Path> found, String note) {
        return new Result(
                null, primaryBase, new HiveInfo.LogReplay(List.copyOf(found), false, 0, note), List.copyOf(warnings));
    }

    private LogFile readLog(Path p) {
        byte[] data;
        try {
            data = Files.readAllBytes(p);
        } catch (IOException | OutOfMemoryError e) {
            warnings.add(HiveWarning.general(p.getFileName() + ": cannot be read (" + e.getMessage() + "); ignored"));
            return null;
        }
        HiveBytes bytes = HiveBytes.of(data);
        if (data.length < SECTOR || !BaseBlock.hasSignature(bytes, 0)) {
            if (data.length > 0) {
                warnings.add(HiveWarning.general(p.getFileName() + ": no regf base block; ignored"));
            }
            return null;
        }
        return new LogFile(p, bytes, BaseBlock.read(bytes, 0));
    }

    // ---- new format -------------------------------------------------------------------------

    private Result replayNewFormat(List<Path> found, List<LogFile> logs) {
        BaseBlock start = primaryBase;
        if (!primaryBase.checksumValid()) {
            // The base block is recovered from the valid log copy with the highest sequence number.
            start = logs.stream()
                    .map(LogFile::base)
                    .filter(BaseBlock::checksumValid)
                    .max(Comparator.comparingLong(BaseBlock::primarySequence))
                    .orElse(null);
            if (start == null) {
                return nothing(found, "the primary base block is damaged and no log holds a valid copy");
            }
        }
        long from = start.secondarySequence();
        List<List<Entry>> perLog = new ArrayList<>();
        long logged = 0;
        for (LogFile log : logs) {
            List<Entry> valid = validEntries(log);
            perLog.add(valid);
            logged += valid.stream().mapToLong(Entry::pageBytes).sum();
        }
        List<Entry> entries = new ArrayList<>();
        for (List<Entry> valid : perLog) {
            // only entries that replay could apply count: older ones are in the primary file already
            long claim = valid.stream()
                    .filter(e -> e.sequence >= from)
                    .mapToLong(Entry::hiveBinsSize)
                    .max()
                    .orElse(0);
            if (justifies(valid.isEmpty() ? null : valid.get(0).log.path, claim, logged)) {
                entries.addAll(valid);
            }
        }
        if (entries.isEmpty() && !implausible.isEmpty()) {
            return nothing(
                    found, "its logs claim a larger hive than they and the primary file hold; they were not applied");
        }
        entries.sort(Comparator.comparingLong(Entry::sequence));
        // Entries before the primary file's secondary sequence number (its last completed write) are
        // in the file already. The specification says "from the primary sequence number", but the
        // entry numbered like the last completed write still holds data the primary file lacks:
        // regipy's transactions_NTUSER.DAT (567/566) has a value whose data cell is only consistent
        // after entry 566 is applied. The first entry starts the chain (a gap before it means
        // Windows reused the logs); a gap after it ends the chain.
        List<Entry> chain = new ArrayList<>();
        String stop = null;
        for (Entry e : entries) {
            if (e.sequence < start.secondarySequence()) {
                continue;
            }
            if (!chain.isEmpty()) {
                long expected = chain.get(chain.size() - 1).sequence + 1;
                if (e.sequence == expected - 1) {
                    continue;
                }
                if (e.sequence != expected) {
                    stop = "replay stopped at a gap: the next entry has sequence number " + e.sequence + ", expected "
                            + expected;
                    break;
                }
            }
            chain.add(e);
        }
        if (chain.isEmpty()) {
            return nothing(found, "the logs hold no entry from sequence number " + start.secondarySequence() + " on");
        }
        long binsSize = chain.get(chain.size() - 1).hiveBinsSize;
        long maxBins = chain.stream().mapToLong(Entry::hiveBinsSize).max().orElse(binsSize);
        // The primary base block's own size claim is not trusted for the image size: the primary
        // file's bytes are copied whatever it says, and the log entries say how far the hive grew.
        byte[] image = imageOf(BaseBlock.SIZE + maxBins);
        if (image == null) {
            return nothing(found, "there was not enough memory to replay its logs");
        }
        HiveBytes target = HiveBytes.of(image);
        for (Entry e : chain) {
            applyEntry(e, image, target);
        }
        long last = chain.get(chain.size() - 1).sequence;
        BaseBlock after = new BaseBlock(
                last,
                last,
                start.lastWrittenFiletime(),
                start.majorVersion(),
                start.minorVersion(),
                0,
                start.rootCell(),
                binsSize,
                start.clusteringFactor(),
                start.fileName(),
                true);
        String note = "applied " + chain.size() + " log entries (sequence numbers " + chain.get(0).sequence + " to "
                + last + ")" + (stop == null ? "" : "; " + stop);
        return new Result(
                target,
                after,
                new HiveInfo.LogReplay(List.copyOf(found), true, chain.size(), note),
                List.copyOf(warnings));
    }

    /** The entries of one log up to its first invalid one. */
    private List<Entry> validEntries(LogFile log) {
        HiveBytes b = log.bytes;
        List<Entry> out = new ArrayList<>();
        long at = SECTOR;
        while (b.contains(at, ENTRY_HEADER) && b.isSignature(at, 'H', 'v') && b.isSignature(at + 2, 'L', 'E')) {
            long size = b.u32(at + 4);
            long sequence = b.u32(at + 12);
            long binsSize = b.u32(at + 16);
            long pages = b.u32(at + 20);
            String problem = null;
            if (size < ENTRY_HEADER || size % SECTOR != 0 || !b.contains(at, size)) {
                problem = "size " + size + " is invalid";
            } else if (binsSize == 0 || binsSize % 4096 != 0) {
                problem = "hive bins data size " + binsSize + " is invalid";
            } else if (pages > (size - ENTRY_HEADER) / 8) {
                problem = "dirty page count " + pages + " does not fit";
            } else if (Marvin32.hash(b, at + ENTRY_HEADER, (int) size - ENTRY_HEADER, Marvin32.REGISTRY_SEED)
                    != b.u64(at + 24)) {
                problem = "Hash-1 does not match";
            } else if (Marvin32.hash(b, at, 32, Marvin32.REGISTRY_SEED) != b.u64(at + 32)) {
                problem = "Hash-2 does not match";
            }
            long pageBytes = problem == null ? pageBytes(b, at, size, pages, binsSize) : -1;
            if (problem == null && pageBytes < 0) {
                problem = "its dirty pages do not fit the entry or the hive bins";
            }
            if (problem != null) {
                warnings.add(HiveWarning.atOffset(
                        at,
                        log.path.getFileName() + ": log entry " + sequence + " " + problem
                                + "; this log was read up to it"));
                break;
            }
            out.add(new Entry(log, at, sequence, binsSize, (int) pages, pageBytes));
            at += size;
        }
        return out;
    }

    /** The bytes of dirty pages an entry holds, or -1 if they do not fit the entry or the hive bins. */
    private static long pageBytes(HiveBytes b, long at, long size, long pages, long binsSize) {
        long data = at + ENTRY_HEADER + pages * 8;
        for (long i = 0; i < pages; i++) {
            long offset = b.u32(at + ENTRY_HEADER + i * 8);
            long length = b.u32(at + ENTRY_HEADER + i * 8 + 4);
            if (offset + length > binsSize || data + length > at + size) {
                return -1;
            }
            data += length;
        }
        return data - (at + ENTRY_HEADER + pages * 8);
    }

    /**
     * Whether a log's claim of {@code claimedBins} bytes of hive bins is justified by the primary
     * file's hive bins plus the {@code logged} bytes of dirty pages the logs hold; if not, the log is
     * recorded as skipped.
     */
    private boolean justifies(Path log, long claimedBins, long logged) {
        long primaryBins = Math.max(0, primary.size() - BaseBlock.SIZE);
        if (claimedBins <= primaryBins + logged && BaseBlock.SIZE + claimedBins <= MAX_IMAGE) {
            return true;
        }
        implausible.add(String.format(
                Locale.ROOT,
                "%s: its entries claim a hive of %d bytes of hive bins, more than the"
                        + " %d bytes of the primary file %s and the %d bytes of dirty pages the logs hold can make",
                log.getFileName(),
                claimedBins,
                primaryBins,
                hivePath.getFileName(),
                logged));
        return false;
    }

    private static void applyEntry(Entry e, byte[] image, HiveBytes target) {
        HiveBytes b = e.log.bytes;
        long data = e.offset + ENTRY_HEADER + e.pages * 8L;
        for (int i = 0; i < e.pages; i++) {
            long offset = b.u32(e.offset + ENTRY_HEADER + i * 8L);
            int length = (int) b.u32(e.offset + ENTRY_HEADER + i * 8L + 4);
            if (!target.contains(BaseBlock.SIZE + offset, length)) {
                throw new RegfCorruption(e.offset, "log page outside the recovered image");
            }
            b.copy(data, image, (int) (BaseBlock.SIZE + offset), length);
            data += length;
        }
    }

    /**
     * A heap copy of the primary file, grown with zeros to {@code size} bytes if needed (the callers
     * have checked the size against {@link #justifies}); null, with a warning, when the heap cannot
     * hold it.
     */
    private byte[] imageOf(long size) {
        long n = Math.max(size, primary.size());
        try {
            byte[] image = new byte[(int) n];
            primary.copy(0, image, 0, primary.size());
            return image;
        } catch (OutOfMemoryError e) {
            warnings.add(HiveWarning.general(String.format(
                    Locale.ROOT,
                    "%s: replaying its logs needs %d bytes of heap,"
                            + " more than is free; the primary file is read as with --no-logs (raise the heap with"
                            + " PORTMORTEM_JAVA_OPTS=-Xmx4g)",
                    hivePath.getFileName(),
                    n)));
            return null;
        }
    }

    // ---- old format -------------------------------------------------------------------------

    private Result replayOldFormat(List<Path> found, List<LogFile> logs) {
        // A log applies to the write that left the primary file's timestamp; with a damaged base block
        // the first hive bin's copy of the timestamp is used as well (msuhanov, "Old format", note 3).
        long baseStamp = primaryBase.lastWrittenFiletime();
        long binStamp = primary.contains(BaseBlock.SIZE + 20, 8) ? primary.u64(BaseBlock.SIZE + 20) : baseStamp;
        for (LogFile log : logs) {
            BaseBlock lb = log.base;
            String name = String.valueOf(log.path.getFileName());
            if (!lb.checksumValid() || lb.primarySequence() != lb.secondarySequence()) {
                warnings.add(HiveWarning.general(
                        name + ": its base block is invalid or it was not completely written; not applied"));
                continue;
            }
            if (lb.lastWrittenFiletime() != baseStamp
                    && (primaryBase.checksumValid() || lb.lastWrittenFiletime() != binStamp)) {
                warnings.add(HiveWarning.general(
                        name + ": its timestamp differs from the hive's, it belongs to another write; not applied"));
                continue;
            }
            Result r = applyDirtyVector(found, log);
            if (r != null) {
                return r;
            }
        }
        return nothing(found, "no old-format log beside it matches the hive");
    }

    private Result applyDirtyVector(List<Path> found, LogFile log) {
        HiveBytes b = log.bytes;
        BaseBlock lb = log.base;
        String name = String.valueOf(log.path.getFileName());
        long sector = SECTOR * Math.max(1, Math.min(lb.clusteringFactor(), 64));
        long vector = sector;
        if (!b.contains(vector, 4) || !b.isSignature(vector, 'D', 'I') || !b.isSignature(vector + 2, 'R', 'T')) {
            warnings.add(HiveWarning.atOffset(vector, name + ": no dirty vector (DIRT); not applied"));
            return null;
        }
        long binsSize = lb.hiveBinsSize();
        if (binsSize == 0 || binsSize % 4096 != 0 || binsSize > Integer.MAX_VALUE) {
            warnings.add(
                    HiveWarning.atOffset(40, name + ": hive bins data size " + binsSize + " is invalid; not applied"));
            return null;
        }
        long bits = binsSize / SECTOR;
        long bitmapBytes = (bits + 7) / 8;
        if (!b.contains(vector + 4, bitmapBytes)) {
            warnings.add(HiveWarning.atOffset(vector, name + ": dirty vector is truncated; not applied"));
            return null;
        }
        long pages = vector + 4 + bitmapBytes;
        pages = (pages + sector - 1) / sector * sector;
        long dirty = 0;
        for (long i = 0; i < bitmapBytes; i++) {
            dirty += Integer.bitCount(b.u8(vector + 4 + i));
        }
        if (!justifies(log.path, binsSize, Math.min(dirty * SECTOR, Math.max(0, b.size() - pages)))) {
            return null;
        }
        byte[] image = imageOf(BaseBlock.SIZE + binsSize);
        if (image == null) {
            return null;
        }
        int applied = 0;
        for (long bit = 0; bit < bits; bit++) {
            if ((b.u8(vector + 4 + bit / 8) & (1 << (bit % 8))) == 0) {
                continue;
            }
            long from = pages + (long) applied * SECTOR;
            if (!b.contains(from, SECTOR)) {
                warnings.add(HiveWarning.atOffset(
                        from, name + ": dirty page " + applied + " is missing from the log; replay stopped"));
                break;
            }
            b.copy(from, image, (int) (BaseBlock.SIZE + bit * SECTOR), SECTOR);
            applied++;
        }
        BaseBlock after = new BaseBlock(
                lb.primarySequence(),
                lb.secondarySequence(),
                lb.lastWrittenFiletime(),
                lb.majorVersion(),
                lb.minorVersion(),
                0,
                lb.rootCell(),
                binsSize,
                lb.clusteringFactor(),
                lb.fileName(),
                true);
        String note = String.format(Locale.ROOT, "applied %d dirty pages of %s (old format)", applied, name);
        return new Result(
                HiveBytes.of(image),
                after,
                new HiveInfo.LogReplay(List.copyOf(found), applied > 0, applied, note),
                List.copyOf(warnings));
    }
}
