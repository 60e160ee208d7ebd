package org.portmortem.cli;

import java.io.IOException;

/** Failures handed over from another thread, thrown again on the caller's. */
final class Failures {
    private Failures() {}

    /**
     * Throws {@code t} as it is (an {@link IOException}, an unchecked exception or an error), any other
     * throwable wrapped in an {@link IllegalStateException}; returns for {@code null}.
     */
    static void rethrow(Throwable t) throws IOException {
        if (t == null) {
            return;
        }
        if (t instanceof IOException io) {
            throw io;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        throw new IllegalStateException(t);
    }
}
