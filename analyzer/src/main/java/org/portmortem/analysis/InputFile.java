package org.portmortem.analysis;

import org.portmortem.hive.HiveInfo;
import org.portmortem.image.ImageFileOrigin;

/**
 * One file the analysis read, identified before it was parsed so that the report can be tied to the
 * exact evidence.
 *
 * @param path the path as the examiner gave it (or as found in the case folder)
 * @param role what the file is to the analysis
 * @param size the size in bytes
 * @param sha256 the SHA-256 of the content, lower-case hex, computed before parsing
 * @param format for a hive, the format it was read as ({@code regf 1.5}, {@code REGEDIT4}, ...); for a
 *     snapshot, its recognised kind and encoding; else {@code null}
 * @param hiveInfo for a hive, its header facts and log replay status; else {@code null}
 * @param status one line: the log replay outcome for a hive, how an overlay was applied, how a
 *     snapshot was read; never {@code null}
 * @param image for a file copied out of a disk image, where in the image it came from; else {@code null}
 */
public record InputFile(
        String path,
        InputRole role,
        long size,
        String sha256,
        String format,
        HiveInfo hiveInfo,
        String status,
        ImageFileOrigin image) {

    /** A file read directly, not copied out of an image. */
    public InputFile(
            String path, InputRole role, long size, String sha256, String format, HiveInfo hiveInfo, String status) {
        this(path, role, size, sha256, format, hiveInfo, status, null);
    }
}
