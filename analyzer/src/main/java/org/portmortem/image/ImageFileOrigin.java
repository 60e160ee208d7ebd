package org.portmortem.image;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a file copied out of an image came from: enough to find the same bytes again with any other
 * tool ({@code icat -o OFFSET IMAGE MFTENTRY}).
 *
 * @param image the image file the examiner named
 * @param format the container format
 * @param segments every file of the image with its SHA-256
 * @param volume the volume number, as {@code portmortem image} lists them
 * @param offset the volume's byte offset in the image
 * @param fileSystem the volume's file system
 * @param pathInImage the file's path from the volume's root
 * @param mftEntry the file's MFT entry number
 * @param address the full metadata address {@code fls} printed
 * @param times the file system's MACB times of the file
 * @param note how the image was read when it needed more than The Sleuth Kit (VHDX converted with
 *     qemu-img), else {@code null}
 */
public record ImageFileOrigin(
        Path image,
        ImageFormat format,
        List<DiskImage.SegmentHash> segments,
        int volume,
        long offset,
        String fileSystem,
        String pathInImage,
        long mftEntry,
        String address,
        FileTimes times,
        String note) {

    public ImageFileOrigin {
        segments = List.copyOf(segments);
    }

    /**
     * How reports, warnings and errors name the file: {@code IMAGE (volume N) : PATH/IN/IMAGE}, never the
     * path of the temporary copy (which is gone when the command ends).
     */
    public String shown() {
        return shownIn(image, volume) + " : " + pathInImage;
    }

    /** {@code IMAGE (volume N)}. */
    static String shownIn(Path image, int volume) {
        return image + " (volume " + volume + ")";
    }
}
