package org.portmortem.evidence;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.FutureTask;

/**
 * The {@link FileDigest}s of a case's files, taken on a second thread while the hives are parsed.
 *
 * <p>Why: the launcher runs the JVM without its optimising compiler (it starts sooner), and without it
 * SHA-256 runs at about 110 MB/s on the machines measured (bench/README.md) against about 580 MB/s with
 * it: hashing an 11 MB SYSTEM hive took a tenth of a one-host {@code analyze}, and a real SOFTWARE
 * hive is several times larger (such files go to coreutils' {@code sha256sum}, see {@link FileDigest}). The files are only read, by the hash and by the readers alike, so
 * hashing them beside the parse identifies the same bytes as hashing them first.
 *
 * <p>That every file exists and is a regular file is checked before {@link #start} returns, so a
 * missing input is reported as it was when hashing came first. With one processor the digests are taken
 * on the calling thread, before {@code start} returns.
 */
public final class PendingDigests {
    private final FutureTask<List<FileDigest>> task;

    private PendingDigests(FutureTask<List<FileDigest>> task) {
        this.task = task;
    }

    /**
     * Starts hashing the files, in order.
     *
     * @throws org.portmortem.InputException if a file is missing or not a regular file (one line naming it)
     */
    public static PendingDigests start(List<Path> files) throws IOException {
        for (Path f : files) {
            FileDigest.requireRegularFile(f);
        }
        List<Path> copy = List.copyOf(files);
        FutureTask<List<FileDigest>> task = new FutureTask<>(() -> {
            List<FileDigest> out = new ArrayList<>(copy.size());
            for (Path f : copy) {
                out.add(FileDigest.of(f));
            }
            return out;
        });
        if (Runtime.getRuntime().availableProcessors() > 1 && !copy.isEmpty()) {
            Thread t = new Thread(task, "evidence-digests");
            // a failed analysis must not keep the JVM alive to finish hashing
            t.setDaemon(true);
            t.start();
        } else {
            task.run();
        }
        return new PendingDigests(task);
    }

    /**
     * Stops hashing when the digests will not be used (the analysis failed): the reading thread is
     * interrupted, which closes its file. Does nothing once they are taken.
     */
    public void cancel() {
        task.cancel(true);
    }

    /**
     * Every digest, in the order the files were given, once all are taken.
     *
     * @throws org.portmortem.InputException if a file could not be read (one line naming it)
     * @throws java.util.concurrent.CancellationException after {@link #cancel}
     */
    public List<FileDigest> await() throws IOException {
        return Waiting.forResult(task);
    }
}
