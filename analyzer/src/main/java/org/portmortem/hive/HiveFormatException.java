package org.portmortem.hive;

import java.nio.file.Path;
import org.portmortem.InputException;

/**
 * A file was refused as a hive: it is empty, truncated, of another format (a Windows 9x CREG file,
 * random bytes) or too damaged to read any key. The message is one line naming the file and, where
 * it applies, the offset of the damage.
 */
public class HiveFormatException extends InputException {
    public HiveFormatException(Path file, String reason) {
        super(file, reason);
    }

    public HiveFormatException(Path file, long offset, String reason) {
        super(file, String.format("at offset 0x%x: %s", offset, reason));
    }
}
