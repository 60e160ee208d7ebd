package org.portmortem.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the snapshot files in a case folder by their content, whatever their names: examiners
 * receive {@code netstat.txt}, {@code ns_after_reboot.log}, {@code procs.csv} alike.
 */
public final class SnapshotFiles {
    private SnapshotFiles() {}

    /**
     * The recognised snapshot files under a folder (recursively), sorted by path. Registry hives
     * ({@code regf}), empty files, files above {@link SnapshotReader#MAX_SIZE} and binary files
     * (more than one NUL byte in a hundred, not UTF-16 text) are skipped after reading at most 4 KiB
     * of them; {@link #survey} also names the files skipped.
     * Unreadable files are skipped too: this is a search, not a read of evidence.
     */
    public static List<RecognizedSnapshot> find(Path caseFolder) throws IOException {
        return find(caseFolder, Integer.MAX_VALUE);
    }

    /** As {@link #find(Path)}, but only the files directly in the folder (no subfolders). */
    public static List<RecognizedSnapshot> findInFolder(Path folder) throws IOException {
        return find(folder, 1);
    }

    private static List<RecognizedSnapshot> find(Path caseFolder, int depth) throws IOException {
        return survey(caseFolder, depth).snapshots();
    }

    /**
     * What a search of a folder found.
     *
     * @param snapshots the recognised listings, sorted by path
     * @param unrecognized the files that are neither a registry hive or log ({@code regf}) nor a
     *     recognised listing: empty, too large, binary, or text of another kind; sorted by path
     */
    public record Survey(List<RecognizedSnapshot> snapshots, List<Path> unrecognized) {}

    /**
     * Every regular file under a folder, down to {@code depth} levels, sorted into recognised listings,
     * hives and logs (left out), and the rest. Reads at most 4 KiB of a binary file and 256 KiB of a
     * text file.
     */
    public static Survey survey(Path folder, int depth) throws IOException {
        List<RecognizedSnapshot> found = new ArrayList<>();
        List<Path> other = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder, depth)) {
            for (Path f :
                    (Iterable<Path>) files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder())::iterator) {
                Optional<Optional<SnapshotKind>> kind = kindOf(f);
                if (kind.isPresent()) {
                    kind.get().ifPresentOrElse(k -> found.add(new RecognizedSnapshot(f, k)), () -> other.add(f));
                }
            }
        }
        return new Survey(List.copyOf(found), List.copyOf(other));
    }

    /** Empty for a hive or log; else the listing's kind, or empty when it is not a listing. */
    private static Optional<Optional<SnapshotKind>> kindOf(Path f) {
        try {
            if (isRegf(f)) {
                return Optional.empty();
            }
            long size = Files.size(f);
            if (size == 0 || size > SnapshotReader.MAX_SIZE || !looksLikeText(f)) {
                return Optional.of(Optional.empty());
            }
            return Optional.of(SnapshotReader.recognize(f));
        } catch (IOException e) {
            return Optional.of(Optional.empty());
        }
    }

    private static boolean isRegf(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 'r' && magic[1] == 'e' && magic[2] == 'g' && magic[3] == 'f';
        }
    }

    /**
     * Cheap test on the first 4 KiB: not a hive, and at most one NUL in a hundred bytes unless they
     * form UTF-16 text. A listing with a few NULs (a process name holding one) is still text, and
     * {@code netstat FILE} reads it; binary files (images, event logs) hold far more.
     */
    static boolean looksLikeText(Path f) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 4 && head[0] == 'r' && head[1] == 'e' && head[2] == 'g' && head[3] == 'f') {
            return false;
        }
        boolean bom16 = head.length >= 2
                && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                        || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        if (bom16) {
            return true;
        }
        int nul = 0;
        for (byte b : head) {
            nul += b == 0 ? 1 : 0;
        }
        return nul * 100 <= head.length || org.portmortem.snapshot.internal.TextDecoder.isUtf16WithoutBom(head);
    }
}
