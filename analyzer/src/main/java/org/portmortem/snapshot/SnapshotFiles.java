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
     * (NUL bytes that are not UTF-16 text) are skipped after reading at most 4 KiB of them.
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
        List<RecognizedSnapshot> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(caseFolder, depth)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted(Comparator.naturalOrder())::iterator) {
                kindOf(f).ifPresent(k -> found.add(new RecognizedSnapshot(f, k)));
            }
        }
        return found;
    }

    private static Optional<SnapshotKind> kindOf(Path f) {
        try {
            long size = Files.size(f);
            if (size == 0 || size > SnapshotReader.MAX_SIZE || !looksLikeText(f)) {
                return Optional.empty();
            }
            return SnapshotReader.recognize(f);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Cheap test on the first 4 KiB: not a hive, and no NULs unless they form UTF-16 text. */
    static boolean looksLikeText(Path f) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(f)) {
            head = in.readNBytes(4096);
        }
        if (head.length >= 4 && head[0] == 'r' && head[1] == 'e' && head[2] == 'g' && head[3] == 'f') {
            return false;
        }
        boolean bom16 = head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        if (bom16) {
            return true;
        }
        int nul = 0;
        for (byte b : head) {
            nul += b == 0 ? 1 : 0;
        }
        return nul == 0 || org.portmortem.snapshot.internal.TextDecoder.isUtf16WithoutBom(head);
    }
}
