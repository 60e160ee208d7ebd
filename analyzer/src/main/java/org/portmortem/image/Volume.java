package org.portmortem.image;

/**
 * One volume of an image: a partition that {@code mmls} lists (MBR or GPT), or the whole image when it
 * holds a bare file system.
 *
 * @param number 1, 2, ... in the order the partition table lists them (what {@code --volume N} names)
 * @param startSector the first sector, in {@code sectorSize} units
 * @param lengthSectors the length in sectors
 * @param sectorSize the sector size {@code mmls} reports (512 unless the image says otherwise)
 * @param description the partition type as {@code mmls} describes it, or {@code "whole image"}
 * @param fileSystem the file system {@code fsstat} recognised ({@code NTFS}, {@code FAT32}, ...), or {@code null}
 * @param label the volume label, or {@code null}
 */
public record Volume(
        int number,
        long startSector,
        long lengthSectors,
        int sectorSize,
        String description,
        String fileSystem,
        String label) {

    /** The byte offset of the volume in the image. */
    public long offsetBytes() {
        return startSector * sectorSize;
    }

    /** Whether The Sleuth Kit read an NTFS file system on it. */
    public boolean isNtfs() {
        return "NTFS".equalsIgnoreCase(fileSystem);
    }
}
