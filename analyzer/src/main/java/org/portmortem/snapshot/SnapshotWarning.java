package org.portmortem.snapshot;

import java.nio.file.Path;

/**
 * A line of a snapshot file that could not be read, or was read with a caveat. Everything else
 * in the file is still read.
 *
 * @param file    the snapshot file
 * @param line    1-based line number, or 0 for a remark about the whole file
 * @param message what is wrong, in one line
 */
public record SnapshotWarning(Path file, int line, String message) {
    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
