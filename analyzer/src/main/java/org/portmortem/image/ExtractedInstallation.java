package org.portmortem.image;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The hive files of one installation, copied out of an image into a private temporary folder laid out
 * as the image is ({@code volume-N/WINDOWS/system32/config/SYSTEM}), so the case-folder rules apply.
 *
 * @param installation the installation copied
 * @param folder the folder holding the copies (removed when the image is closed)
 * @param origins each copied file (absolute, normalised) and where in the image it came from
 */
public record ExtractedInstallation(WindowsInstallation installation, Path folder, Map<Path, ImageFileOrigin> origins) {

    public ExtractedInstallation {
        origins = Map.copyOf(origins);
    }

    /** Where a copied file came from, if it is one. */
    public Optional<ImageFileOrigin> origin(Path file) {
        return Optional.ofNullable(origins.get(file.toAbsolutePath().normalize()));
    }
}
