package org.portmortem.image;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One file copied out of an image (a hive named by its path in the image) with the transaction logs
 * that lay beside it, in a private temporary folder laid out as the image is.
 *
 * @param file the copy of the file asked for
 * @param origins each copied file (absolute, normalised), the file and its logs, and where in the image it came from
 */
public record ExtractedFile(Path file, Map<Path, ImageFileOrigin> origins) {

    public ExtractedFile {
        origins = Map.copyOf(origins);
    }

    /** Where the file asked for came from. */
    public ImageFileOrigin origin() {
        return origins.get(file.toAbsolutePath().normalize());
    }

    /** Where a copied file came from, if it is one. */
    public Optional<ImageFileOrigin> origin(Path copy) {
        return Optional.ofNullable(origins.get(copy.toAbsolutePath().normalize()));
    }
}
