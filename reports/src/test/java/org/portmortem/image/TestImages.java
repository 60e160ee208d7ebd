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
        return ntfsVolume(tree, out, label, VOLUME_MB);
    }

    /** The same, {@code megabytes} large (for trees larger than the reference systems). */
    public static Path ntfsVolume(Path tree, Path out, String label, int megabytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(out.toFile(), "rw")) {
            f.setLength(megabytes * 1024L * 1024L);
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

    /**
     * A disk image with a GUID partition table (UEFI specification 2.10, section 5.3: protective MBR,
     * header at LBA 1 with its CRC32, 128 entries of 128 bytes from LBA 2) holding the volumes as
     * "Microsoft basic data" partitions on 1 MiB boundaries, named {@code VOLUME n}.
     */
    public static Path gptDisk(Path out, Path... volumes) throws IOException {
        // EBD0A0A2-B9E5-4433-87C0-68B6B72699C7, the first three fields little-endian as GPT stores them
        byte[] basicData = {
            (byte) 0xa2,
            (byte) 0xa0,
            (byte) 0xd0,
            (byte) 0xeb,
            (byte) 0xe5,
            (byte) 0xb9,
            0x33,
            0x44,
            (byte) 0x87,
            (byte) 0xc0,
            0x68,
            (byte) 0xb6,
            (byte) 0xb7,
            0x26,
            (byte) 0x99,
            (byte) 0xc7
        };
        ByteBuffer entries = ByteBuffer.allocate(128 * 128).order(ByteOrder.LITTLE_ENDIAN);
        long start = 2048;
        try (RandomAccessFile disk = new RandomAccessFile(out.toFile(), "rw")) {
            for (int i = 0; i < volumes.length; i++) {
                long sectors = Files.size(volumes[i]) / SECTOR;
                int e = 128 * i;
                entries.put(e, basicData);
                entries.put(e + 16, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, (byte) (16 + i)});
                entries.putLong(e + 32, start);
                entries.putLong(e + 40, start + sectors - 1);
                byte[] name = ("VOLUME " + (i + 1)).getBytes(StandardCharsets.UTF_16LE);
                entries.put(e + 56, name);
                disk.seek(start * SECTOR);
                disk.write(Files.readAllBytes(volumes[i]));
                start += sectors + 2048;
            }
            long last = start + 33;
            ByteBuffer mbr = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
            mbr.put(446 + 4, (byte) 0xee).putInt(446 + 8, 1).putInt(446 + 12, (int) Math.min(last, 0xffffffffL));
            mbr.put(510, (byte) 0x55).put(511, (byte) 0xaa);
            ByteBuffer header = ByteBuffer.allocate(512).order(ByteOrder.LITTLE_ENDIAN);
            header.put(0, "EFI PART".getBytes(StandardCharsets.US_ASCII))
                    .putInt(8, 0x00010000)
                    .putInt(12, 92)
                    .putLong(24, 1)
                    .putLong(32, last)
                    .putLong(40, 34)
                    .putLong(48, last - 34)
                    .put(56, new byte[] {9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9})
                    .putLong(72, 2)
                    .putInt(80, 128)
                    .putInt(84, 128)
                    .putInt(88, crc32(entries.array(), 128 * 128));
            header.putInt(16, crc32(header.array(), 92));
            disk.seek(0);
            disk.write(mbr.array());
            disk.write(header.array());
            disk.write(entries.array());
            disk.setLength((last + 1) * SECTOR);
        }
        return out;
    }

    private static int crc32(byte[] bytes, int length) {
        java.util.zip.CRC32 c = new java.util.zip.CRC32();
        c.update(bytes, 0, length);
        return (int) c.getValue();
    }

    /** The raw disk split into {@code BASE.001}, {@code BASE.002}, ... of {@code segmentBytes} each; the first is returned. */
    public static Path splitRaw(Path raw, Path base, int segmentBytes) throws IOException {
        byte[] all = Files.readAllBytes(raw);
        for (int i = 0, n = 1; i < all.length; i += segmentBytes, n++) {
            Files.write(
                    base.resolveSibling(base.getFileName() + String.format(".%03d", n)),
                    java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + segmentBytes)));
        }
        return base.resolveSibling(base.getFileName() + ".001");
    }

    /** The raw disk as an E01 made by ewfacquire (no compression), split into segments of {@code segmentBytes} when not 0. */
    public static Path e01(Path raw, Path targetBase, long segmentBytes) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "ewfacquire",
                "-u",
                "-t",
                targetBase.toString(),
                "-c",
                "none",
                "-C",
                "PM-TEST",
                "-D",
                "PortMortem test image",
                "-e",
                "test",
                "-E",
                "1",
                "-N",
                "built by TestImages",
                "-f",
                "encase6",
                "-q"));
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

    /** An overlay that makes XP's Telnet service automatic: one Start and one listener (TCP 23) differ. */
    public static Path telnetMadeAutomatic(Path out) throws IOException {
        return overlay(
                out, "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\TlntSvr]", "\"Start\"=dword:00000002");
    }

    /** A .reg overlay written by the test. */
    public static Path overlay(Path out, String... lines) throws IOException {
        Files.writeString(
                out,
                "Windows Registry Editor Version 5.00\r\n\r\n" + String.join("\r\n", lines) + "\r\n",
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
