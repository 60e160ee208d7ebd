package org.portmortem.hive.internal.regf;

import java.time.Instant;
import org.portmortem.hive.Value;

/** Windows FILETIME in the reader's own structures (key and base-block timestamps), where 0 means never written. */
final class Filetime {
    private Filetime() {}

    /** The instant ({@link Value#filetime}), or {@code null} for 0 (never written). */
    static Instant toInstant(long filetime) {
        if (filetime == 0) {
            return null;
        }
        return Value.filetime(filetime);
    }
}
