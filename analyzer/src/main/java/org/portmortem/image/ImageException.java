package org.portmortem.image;

import java.nio.file.Path;
import org.portmortem.InputException;

/** An image cannot be read as a disk image, or a tool needed to read it failed: one line naming the image. */
public final class ImageException extends InputException {
    public ImageException(Path image, String reason) {
        super(image, reason);
    }

    public ImageException(Path image, String reason, Throwable cause) {
        super(image, reason, cause);
    }
}
