package org.portmortem;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An input file is missing, unreadable or not what it claims to be.
 *
 * <p>The message is always one line that names the file and, for binary data, the offset, so the
 * command line can print it as it is (exit code 3) without a stack trace.
 */
public class InputException extends IOException {
    private final transient Path file;

    public InputException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
    }

    public InputException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
    }

    /** The file the problem is in. */
    public Path file() {
        return file;
    }
}
