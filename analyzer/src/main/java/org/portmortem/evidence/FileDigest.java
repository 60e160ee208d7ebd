package org.portmortem.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.portmortem.InputException;

/**
 * Size and SHA-256 of an evidence file (a hive, a log, a listing, a disk image segment): the one way
 * PortMortem hashes what it is given. A case's files are hashed beside the parse ({@link PendingDigests});
 * a file of 8 MiB or more by coreutils' {@code sha256sum} when there is one ({@link ExternalSha256}),
 * several times faster than the JVM without its optimising compiler.
 *
 * @param size bytes read
 * @param sha256 lower-case hex
 */
public record FileDigest(long size, String sha256) {

    /**
     * Reads the whole file once; a missing or unreadable file is an {@link InputException} naming it.
     * An interrupt stops the reading between blocks with an {@link InterruptedIOException} (a stream
     * from {@link Files#newInputStream} is not interrupted by the JDK itself).
     */
    public static FileDigest of(Path file) throws IOException {
        requireRegularFile(file);
        long expected = sizeOf(file);
        Optional<String> external = ExternalSha256.of(file, expected);
        // a file whose size changed while it was hashed is read again here, where size is what was read
        if (external.isPresent() && sizeOf(file) == expected) {
            return new FileDigest(expected, external.get());
        }
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException(file + ": hashing interrupted");
                }
            }
        } catch (InterruptedIOException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new InputException(file, "no such file");
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
        return new FileDigest(size, HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * The digests of several files, in their order, taken on up to one thread per processor: the
     * segments of a split disk image are separate files, and one thread hashes at one core's speed.
     * The first failure, in file order, is thrown and the other files' hashing stopped.
     */
    public static List<FileDigest> ofEach(List<Path> files) throws IOException {
        int threads = Math.min(files.size(), Runtime.getRuntime().availableProcessors());
        List<FileDigest> out = new ArrayList<>(files.size());
        if (threads <= 1) {
            for (Path f : files) {
                out.add(of(f));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "segment-digests");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<FileDigest>> digests = new ArrayList<>(files.size());
            for (Path f : files) {
                digests.add(pool.submit(() -> of(f)));
            }
            for (Future<FileDigest> d : digests) {
                out.add(Waiting.forResult(d));
            }
            return out;
        } finally {
            // after a failure, the files still being hashed stop between blocks (see of)
            pool.shutdownNow();
        }
    }

    private static long sizeOf(Path file) throws InputException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new InputException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The check {@link #of} starts with: a missing file or a folder is an {@link InputException} naming it. */
    public static void requireRegularFile(Path file) throws InputException {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
    }
}
