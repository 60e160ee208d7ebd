package org.portmortem.image;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.evidence.FileDigest;

/**
 * A disk image file as given by the examiner: its format, recognised by content (and, for a split raw
 * image, by the {@code .001} name), and every segment file that belongs to it.
 *
 * @param path the file the examiner named (the first segment)
 * @param format the container format
 * @param segments every file of the image in order: the split segments of E01 and raw, the extents a
 *     VMDK descriptor names, else just {@code path}
 */
public record DiskImage(Path path, ImageFormat format, List<Path> segments) {

    public DiskImage {
        segments = List.copyOf(segments);
    }

    /** EWF version 1 signature, "EVF" 09 0D 0A FF 00 (libewf's documentation of the format). */
    private static final byte[] EVF = {'E', 'V', 'F', 0x09, 0x0d, 0x0a, (byte) 0xff, 0x00};

    private static final byte[] VHDX = "vhdxfile".getBytes(StandardCharsets.US_ASCII);
    /** VHD footer cookie, at the start of a dynamic disk and in its last 512 bytes (Microsoft's VHD specification). */
    private static final byte[] CONECTIX = "conectix".getBytes(StandardCharsets.US_ASCII);
    /** Sparse VMDK extent magic "KDMV" (VMware's Virtual Disk Format 1.1). */
    private static final byte[] KDMV = {'K', 'D', 'M', 'V'};

    private static final byte[] VMDK_DESCRIPTOR = "# Disk DescriptorFile".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REGF = "regf".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern EXTENT =
            Pattern.compile("^(?:RW|RDONLY|NOACCESS)\\s+\\d+\\s+\\S+\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    /**
     * The image this file is, or empty when it is a hive or a text file (a .reg export, a listing): those
     * are not disk images. Any other regular file is tried as a raw image.
     */
    public static Optional<DiskImage> recognise(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] head = new byte[512];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        if (startsWith(head, n, EVF)) {
            return Optional.of(new DiskImage(file, ImageFormat.EWF, siblings(file, ImageFormat.EWF)));
        }
        if (startsWith(head, n, VHDX)) {
            return Optional.of(new DiskImage(file, ImageFormat.VHDX, List.of(file)));
        }
        if (startsWith(head, n, KDMV)) {
            return Optional.of(new DiskImage(file, ImageFormat.VMDK, List.of(file)));
        }
        if (startsWith(head, n, VMDK_DESCRIPTOR)) {
            return Optional.of(new DiskImage(file, ImageFormat.VMDK, vmdkExtents(file)));
        }
        if (startsWith(head, n, CONECTIX) || vhdFooter(file)) {
            return Optional.of(new DiskImage(file, ImageFormat.VHD, List.of(file)));
        }
        if (startsWith(head, n, REGF) || looksLikeText(head, n) || Files.size(file) < 4096) {
            return Optional.empty();
        }
        return Optional.of(new DiskImage(file, ImageFormat.RAW, siblings(file, ImageFormat.RAW)));
    }

    /**
     * The path The Sleuth Kit is given: the first segment (it finds the others itself, as libewf and its
     * raw reader glob them).
     */
    public Path tskPath() {
        return path;
    }

    /** Each segment's size and SHA-256, in order, read once; the segments are hashed side by side. */
    public List<SegmentHash> hashes() throws IOException {
        List<FileDigest> digests = FileDigest.ofEach(segments);
        List<SegmentHash> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            out.add(new SegmentHash(
                    segments.get(i), digests.get(i).size(), digests.get(i).sha256()));
        }
        return out;
    }

    /**
     * One file of the image and its hash.
     *
     * @param file the segment file
     * @param size its size in bytes
     * @param sha256 lower-case hex
     */
    public record SegmentHash(Path file, long size, String sha256) {}

    private static boolean startsWith(byte[] head, int n, byte[] magic) {
        return n >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }

    private static boolean vhdFooter(Path file) throws IOException {
        long size = Files.size(file);
        if (size < 512) {
            return false;
        }
        try (var ch = Files.newByteChannel(file)) {
            ch.position(size - 512);
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(CONECTIX.length);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read the cookie
            }
            return Arrays.equals(b.array(), CONECTIX);
        }
    }

    /** Text files (.reg exports, listings) are never images: printable bytes only, or a UTF-16 byte-order mark. */
    private static boolean looksLikeText(byte[] head, int n) {
        if (n >= 2
                && ((head[0] == (byte) 0xff && head[1] == (byte) 0xfe)
                        || (head[0] == (byte) 0xfe && head[1] == (byte) 0xff))) {
            return true;
        }
        if (n == 0) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xff;
            if (b < 0x09 || (b > 0x0d && b < 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** The next segments of a split image: NAME.E02, .E03, ... or NAME.002, .003, ... as long as they exist. */
    private static List<Path> siblings(Path first, ImageFormat format) {
        List<Path> out = new ArrayList<>();
        out.add(first);
        String name = first.getFileName().toString();
        Matcher m = (format == ImageFormat.EWF
                        ? Pattern.compile("(?i)^(.*\\.)(e)(\\d\\d)$")
                        : Pattern.compile("^(.*\\.)()(\\d{3})$"))
                .matcher(name);
        if (!m.matches()) {
            return out;
        }
        int width = m.group(3).length();
        for (int i = Integer.parseInt(m.group(3)) + 1; i < Math.pow(10, width); i++) {
            Path next =
                    first.resolveSibling(m.group(1) + m.group(2) + String.format(Locale.ROOT, "%0" + width + "d", i));
            if (!Files.isRegularFile(next)) {
                break;
            }
            out.add(next);
        }
        return out;
    }

    /** A VMDK descriptor and the extent files it names (those present beside it). */
    private static List<Path> vmdkExtents(Path descriptor) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(descriptor);
        byte[] text = new byte[64 << 10];
        int n;
        try (InputStream in = Files.newInputStream(descriptor)) {
            n = in.readNBytes(text, 0, text.length);
        }
        Matcher m = EXTENT.matcher(new String(text, 0, n, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            Path extent =
                    descriptor.resolveSibling(Path.of(m.group(1)).getFileName().toString());
            if (Files.isRegularFile(extent) && !out.contains(extent)) {
                out.add(extent);
            }
        }
        return out;
    }
}
