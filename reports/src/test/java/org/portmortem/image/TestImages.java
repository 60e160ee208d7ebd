package org.portmortem.image;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.RegOverlay;
import org.portmortem.hive.write.HiveWriter;

/**
 * Disk images built at test time from the reference systems: the hives written as regf with
 * {@link HiveWriter}, an NTFS volume made with {@code mkntfs} and filled through one {@code ntfs-3g}
 * FUSE mount, a DOS partition table written here, and the containers made by {@code ewfacquire} and
 * {@code qemu-img}. A test aborts with the reason when a tool or FUSE is not available.
 */
public final class TestImages {
    /** Volume size: the XP reference hives take about 3 MB; mkntfs needs a few MB of its own. */
    static final int VOLUME_MB = 16;
    private static final long SECTOR = 512;
    private static final Instant WRITTEN = Instant.parse("2002-06-01T12:00:00Z");

    private TestImages() {}

    /** The repository's {@code fixtures/NAME} folder. */
    public static Path fixture(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("fixtures").resolve(name))) {
                return p.resolve("fixtures").resolve(name);
            }
        }
        Assumptions.abort("fixtures/" + name + " not found beside the module");
        return null;
    }

    /** A reference system's SYSTEM or SOFTWARE written as regf, with .reg overlays applied first (may be none). */
    public static void writeHive(String system, String hive, Path out, Path... overlays) throws IOException {
        Files.createDirectories(out.getParent());
        try (Hive h = Hive.open(fixture(system).resolve(hive + ".reg"))) {
            if (overlays.length == 0) {
                HiveWriter.write(h, out, WRITTEN);
                return;
            }
            MemoryHive copy = MemoryHive.copyOf(h);
            for (Path o : overlays) {
                RegOverlay.read(o).applyTo(copy, hive);
            }
            HiveWriter.write(copy, out, WRITTEN);
        }
    }

    /**
     * A Windows tree as it lies on a volume: {@code ROOT/system32/config/SYSTEM} and {@code SOFTWARE}
     * of the reference system, a zero-byte {@code config/RegBack/SYSTEM} (as Windows 10 1803+ leaves
     * it) and XP's {@code ROOT/repair/system} (the same SYSTEM, as setup saved it).
     */
    public static Path windowsTree(Path dir, String system, String root) throws IOException {
        Path config = dir.resolve(root).resolve("system32").resolve("config");
        writeHive(system, "SYSTEM", config.resolve("SYSTEM"));
        writeHive(system, "SOFTWARE", config.resolve("SOFTWARE"));
        Files.createDirectories(config.resolve("RegBack"));
        Files.createFile(config.resolve("RegBack").resolve("SYSTEM"));
        Path repair = dir.resolve(root).resolve("repair");
        Files.createDirectories(repair);
        Files.copy(config.resolve("SYSTEM"), repair.resolve("system"));
        return dir;
    }

    /** An NTFS volume image holding a copy of {@code tree}, made with mkntfs and filled through ntfs-3g. */
    public static Path ntfsVolume(Path tree, Path out, String label) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            f.setLength(VOLUME_MB * 1024L * 1024L);
        }
        run(List.of("mkntfs", "-F", "-q", "-Q", "-L", label, out.toString()));
        Path mnt = Files.createTempDirectory("portmortem-test-mnt");
        ProcessResult mount = exec(List.of("ntfs-3g", out.toString(), mnt.toString()));
        Assumptions.assumeTrue(mount.code == 0, "ntfs-3g cannot mount here (FUSE unavailable?): " + mount.text);
        try {
            copyTree(tree, mnt);
        } finally {
            ProcessResult u = exec(List.of("fusermount", "-u", mnt.toString()));
            if (u.code != 0) {
                run(List.of("umount", mnt.toString()));
            }
            Files.deleteIfExists(mnt);
        }
        return out;
    }

    /**
     * A disk image with a DOS partition table (written here) holding the volumes one after the other,
     * each type 0x07 and starting on a 1 MiB boundary.
     */
    public static Path mbrDisk(Path out, Path... volumes) throws IOException {
        long start = 2048;
        ByteBuffer mbr = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
        try (RandomAccessFile disk = new RandomAccessFile(out.toFile(), "rw")) {
            for (int i = 0; i < volumes.length; i++) {
                long sectors = Files.size(volumes[i]) / SECTOR;
                int e = 446 + 16 * i;
                mbr.put(e + 4, (byte) 0x07);
                mbr.putInt(e + 8, (int) start);
                mbr.putInt(e + 12, (int) sectors);
                disk.seek(start * SECTOR);
                disk.write(Files.readAllBytes(volumes[i]));
                start += sectors + 2048;
            }
            mbr.put(510, (byte) 0x55).put(511, (byte) 0xaa);
            disk.seek(0);
            disk.write(mbr.array());
            disk.setLength(start * SECTOR);
        }
        return out;
    }

    /** The raw disk as an E01 made by ewfacquire (no compression), split into segments of {@code segmentBytes} when not 0. */
    public static Path e01(Path raw, Path targetBase, long segmentBytes) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ewfacquire", "-u", "-t", targetBase.toString(), "-c", "none",
                "-C", "PM-TEST", "-D", "PortMortem test image", "-e", "test", "-E", "1", "-N", "built by TestImages",
                "-f", "encase6", "-q"));
        if (segmentBytes > 0) {
            cmd.addAll(List.of("-S", String.valueOf(segmentBytes)));
        }
        cmd.add(raw.toString());
        run(cmd);
        return targetBase.resolveSibling(targetBase.getFileName() + ".E01");
    }

    /** The raw disk converted by qemu-img to {@code format} (vpc = VHD, vhdx, vmdk). */
    public static Path qemu(Path raw, Path out, String format) throws IOException {
        run(List.of("qemu-img", "convert", "-f", "raw", "-O", format, raw.toString(), out.toString()));
        return out;
    }

    /** A .reg overlay written by the test. */
    public static Path overlay(Path out, String... lines) throws IOException {
        Files.writeString(out, "Windows Registry Editor Version 5.00\r\n\r\n" + String.join("\r\n", lines) + "\r\n",
                StandardCharsets.UTF_8);
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private record ProcessResult(int code, String text) {}

    private static void run(List<String> cmd) throws IOException {
        ProcessResult r = exec(cmd);
        if (r.code != 0) {
            throw new IOException(String.join(" ", cmd) + " failed (" + r.code + "): " + r.text);
        }
    }

    private static ProcessResult exec(List<String> cmd) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort(cmd.get(0) + " is not installed: " + e.getMessage());
            return null;
        }
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd.get(0) + " timed out");
            }
            return new ProcessResult(p.exitValue(), new String(out, StandardCharsets.UTF_8).strip());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
