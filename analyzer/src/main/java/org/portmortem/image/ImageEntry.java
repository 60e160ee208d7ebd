package org.portmortem.image;

/**
 * A file or folder inside an image, as {@code fls} lists it.
 *
 * @param path the path from the volume's root, with {@code /} separators, names as stored
 * @param address the metadata address {@code fls} prints (NTFS: MFT entry, attribute type and id, e.g. {@code 64-128-2})
 * @param mftEntry the MFT entry number (the address's first part)
 * @param size the size in bytes {@code fls -l} reports
 * @param directory whether it is a folder
 */
public record ImageEntry(String path, String address, long mftEntry, long size, boolean directory) {

    /** The last name of the path. */
    public String name() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
