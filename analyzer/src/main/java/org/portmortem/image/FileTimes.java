package org.portmortem.image;

import java.time.Instant;

/**
 * The MACB times of a file as {@code istat -z UTC} prints them, from NTFS's $STANDARD_INFORMATION
 * attribute and from its $FILE_NAME attribute (which ordinary tools cannot set, so a difference between
 * the two is itself evidence). A time the file system does not hold is {@code null}.
 *
 * @param standardInformation the $STANDARD_INFORMATION times
 * @param fileName the $FILE_NAME times, or {@code null} when istat printed none
 */
public record FileTimes(Macb standardInformation, Macb fileName) {

    /**
     * One attribute's four times.
     *
     * @param modified content last modified ("File Modified")
     * @param accessed last accessed
     * @param changed the MFT record last changed ("MFT Modified")
     * @param born created
     */
    public record Macb(Instant modified, Instant accessed, Instant changed, Instant born) {}
}
