package org.portmortem.hive;

/**
 * Something in a hive could not be read, or reads as suspect, while the rest was still read.
 *
 * @param offset file offset of the damaged structure, or -1 where there is none (a .reg file uses
 *     {@code line} instead)
 * @param line line number in a text export, or 0
 * @param message one line saying what was skipped and why
 */
public record HiveWarning(long offset, int line, String message) {
    public static HiveWarning atOffset(long offset, String message) {
        return new HiveWarning(offset, 0, message);
    }

    public static HiveWarning atLine(int line, String message) {
        return new HiveWarning(-1, line, message);
    }

    public static HiveWarning general(String message) {
        return new HiveWarning(-1, 0, message);
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped through method
    // handles on first use, a start-up cost every hive with a warning paid (see bench/README.md).
    @Override
    public boolean equals(Object o) {
        return o instanceof HiveWarning w
                && w.offset == offset
                && w.line == line
                && java.util.Objects.equals(w.message, message);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(offset) * 31 + line) * 31 + java.util.Objects.hashCode(message);
    }

    @Override
    public String toString() {
        if (offset >= 0) {
            return "offset 0x" + Long.toHexString(offset) + ": " + message;
        }
        if (line > 0) {
            return "line " + line + ": " + message;
        }
        return message;
    }
}
