package org.portmortem.hive.internal.regf;

import java.time.Instant;

/** Windows FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
final class Filetime {
    /** Seconds from 1601-01-01 to 1970-01-01. */
    private static final long EPOCH_DIFFERENCE_SECONDS = 11_644_473_600L;

    private Filetime() {}

    /** The instant, or {@code null} for 0 (never written). Values beyond Instant's range clamp. */
    static Instant toInstant(long filetime) {
        if (filetime == 0) {
            return null;
        }
        long seconds = Long.divideUnsigned(filetime, 10_000_000L) - EPOCH_DIFFERENCE_SECONDS;
        long nanos = Long.remainderUnsigned(filetime, 10_000_000L) * 100;
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
