package org.portmortem.evidence;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for a hashing task and rethrows what ended it as the caller would have seen it. */
final class Waiting {
    private Waiting() {}

    /**
     * The task's result.
     *
     * @throws IOException the task's own, e.g. an {@link org.portmortem.InputException} naming the file
     * @throws java.util.concurrent.CancellationException if the task was cancelled
     */
    static <T> T forResult(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the input files were hashed");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
