package org.portmortem.hive.internal.regf;

/**
 * The one exception the regf reader raises internally: a structure at {@link #offset()} (a file
 * offset) is outside the file or not what it should be. Callers turn it into a
 * {@link org.portmortem.hive.HiveWarning} (the rest of the hive is still read) or, for the base
 * block and root key, into a {@link org.portmortem.hive.HiveFormatException}.
 */
final class RegfCorruption extends RuntimeException {
    private final long offset;

    RegfCorruption(long offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** File offset of the damaged structure. */
    long offset() {
        return offset;
    }
}
