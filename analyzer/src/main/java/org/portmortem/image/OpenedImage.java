package org.portmortem.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.io.FileUtils;

/**
 * A disk image opened for reading through The Sleuth Kit: its volumes, the Windows installations on
 * them, and the hive files of one installation copied out with their provenance.
 *
 * <p>Everything it writes goes to one private temporary folder (owner-only permissions, outside the
 * image's folder) that {@link #close} removes: the hive files copied out with {@code icat}, and for a
 * VHDX the raw image {@code qemu-img convert} makes of it. The image itself is only read.
 */
public final class OpenedImage implements AutoCloseable {
    private static final String TSK = "sleuthkit";
    /** Copying one hive out must not take longer than this (hives are at most a few hundred MB). */
    private static final long EXTRACT_TIMEOUT_SECONDS = 600;

    private static final long CONVERT_TIMEOUT_SECONDS = 3600;
    /** Sub-folder names searched below a system root (any case). */
    private static final String[] HIVES = {"SYSTEM", "SOFTWARE"};

    private static final Pattern MMLS_ROW = Pattern.compile("^\\d+:\\s+(\\S+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(.*)$");
    private static final Pattern MMLS_UNITS = Pattern.compile("Units are in (\\d+)-byte sectors");
    private static final Pattern FLS_ROW =
            Pattern.compile("^(.)/(.)\\s+(\\*\\s+)?(\\d+)((?:-\\d+)*)(?:\\(realloc\\))?:\\t(.*)$");
    private static final DateTimeFormatter TSK_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS]", Locale.ROOT);

    /**
     * Every file and folder copied out of an image in this process, by the temporary path, and how it is
     * shown instead ({@code IMAGE (volume N) : PATH}); kept after {@link #close} so that an error message
     * printed afterwards is relabelled too.
     */
    private static final Map<String, String> SHOWN = new java.util.concurrent.ConcurrentHashMap<>();

    private final DiskImage image;
    private final Path workspace;
    private final Path tskPath;
    private final String tskType;
    private final String note;
    private final Thread cleanupOnExit;
    private List<Volume> volumes;
    private List<WindowsInstallation> installations;
    private List<DiskImage.SegmentHash> hashes;
    private int filesExtracted;

    private OpenedImage(DiskImage image, Path workspace, Path tskPath, String tskType, String note, Thread cleanup) {
        this.image = image;
        this.workspace = workspace;
        this.tskPath = tskPath;
        this.tskType = tskType;
        this.note = note;
        this.cleanupOnExit = cleanup;
    }

    /**
     * Opens an image: creates the private temporary folder and, for a VHDX, converts it to raw there.
     *
     * @throws ImageException when a tool is missing or cannot read the image (one line naming it)
     */
    public static OpenedImage open(DiskImage image) throws IOException {
        Path workspace = Files.createTempDirectory(
                "portmortem-image-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        // A process stopped by Ctrl-C still removes what it copied out.
        Thread cleanup = new Thread(() -> deleteTree(workspace), "portmortem-image-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            if (image.format() != ImageFormat.VHDX) {
                return new OpenedImage(
                        image, workspace, image.tskPath(), image.format().tskType(), null, cleanup);
            }
            Path raw = workspace.resolve("converted.raw");
            ExternalTool.Result r = ExternalTool.toFile(
                    image.path(),
                    "qemu-utils",
                    List.of(
                            "qemu-img",
                            "convert",
                            "-f",
                            "vhdx",
                            "-O",
                            "raw",
                            image.path().toString(),
                            raw.toString()),
                    null,
                    CONVERT_TIMEOUT_SECONDS);
            if (!r.ok()) {
                throw new ImageException(image.path(), "qemu-img cannot convert this VHDX: " + r.reason());
            }
            return new OpenedImage(
                    image,
                    workspace,
                    raw,
                    "raw",
                    "VHDX converted to raw with qemu-img convert into a private temporary folder, then read with"
                            + " The Sleuth Kit (its Debian build reads no VHDX)",
                    cleanup);
        } catch (IOException | RuntimeException e) {
            deleteTree(workspace);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            throw e;
        }
    }

    /** The image as given. */
    public DiskImage image() {
        return image;
    }

    /** How the image was read when it took more than The Sleuth Kit, else {@code null}. */
    public String note() {
        return note;
    }

    /** Each image file's SHA-256, computed once. */
    public synchronized List<DiskImage.SegmentHash> hashes() throws IOException {
        if (hashes == null) {
            hashes = image.hashes();
        }
        return hashes;
    }

    /**
     * The volumes: each partition {@code mmls} lists (not its metadata or unallocated rows), or the whole
     * image when it has no partition table; each with the file system {@code fsstat} recognises on it.
     */
    public synchronized List<Volume> volumes() throws IOException {
        if (volumes != null) {
            return volumes;
        }
        List<Volume> out = new ArrayList<>();
        ExternalTool.Result mmls = tool(List.of("mmls", "-i", tskType, tskPath.toString()));
        if (mmls.ok()) {
            Matcher units = MMLS_UNITS.matcher(mmls.out());
            int sector = units.find() ? Integer.parseInt(units.group(1)) : 512;
            for (String line : mmls.out().split("\n")) {
                Matcher m = MMLS_ROW.matcher(line.strip());
                if (!m.matches() || m.group(1).equals("Meta") || m.group(1).startsWith("---")) {
                    continue;
                }
                String description = m.group(5).strip();
                if (description.toLowerCase(Locale.ROOT).contains("extended")) {
                    continue; // the container of logical partitions; they are listed themselves
                }
                out.add(withFileSystem(
                        out.size() + 1, Long.parseLong(m.group(2)), Long.parseLong(m.group(4)), sector, description));
            }
        }
        if (out.isEmpty()) {
            Volume whole = withFileSystem(1, 0, 0, 512, "whole image");
            if (whole.fileSystem() == null) {
                throw new ImageException(
                        image.path(),
                        "no partition table and no file system The Sleuth Kit recognises" + " (mmls: " + mmls.reason()
                                + ")");
            }
            out.add(whole);
        }
        volumes = List.copyOf(out);
        return volumes;
    }

    /**
     * Every Windows installation on the NTFS volumes, in volume order: each folder at the root holding
     * {@code System32/config/SYSTEM}, and each such folder inside a root {@code Windows.old} (what an
     * in-place upgrade leaves of the previous installation).
     */
    public synchronized List<WindowsInstallation> installations() throws IOException {
        if (installations != null) {
            return installations;
        }
        List<WindowsInstallation> out = new ArrayList<>();
        for (Volume v : volumes()) {
            if (!v.isNtfs()) {
                continue;
            }
            for (ImageEntry root : list(v, null, "")) {
                if (!root.directory() || root.name().startsWith("$")) {
                    continue;
                }
                installationAt(v, root).ifPresent(out::add);
                if (root.name().equalsIgnoreCase("Windows.old")) {
                    for (ImageEntry inner : list(v, root.address(), root.path())) {
                        if (inner.directory()) {
                            installationAt(v, inner).ifPresent(out::add);
                        }
                    }
                }
            }
        }
        installations = List.copyOf(out);
        return installations;
    }

    /**
     * An installation's number as {@code portmortem image} lists it and {@code --volume} takes it:
     * {@code N.M}, the M-th installation of volume N in {@link #installations()}' order.
     */
    public String number(WindowsInstallation installation) throws IOException {
        int m = 0;
        for (WindowsInstallation o : installations()) {
            if (o.volume().number() == installation.volume().number()) {
                m++;
            }
            if (o == installation) {
                break;
            }
        }
        return installation.volume().number() + "." + m;
    }

    /** The installation whose system root is this folder, if it holds {@code System32/config/SYSTEM}. */
    private Optional<WindowsInstallation> installationAt(Volume v, ImageEntry root) throws IOException {
        Optional<ImageEntry> sys32 = child(v, root, "System32", true);
        Optional<ImageEntry> config = sys32.isEmpty() ? Optional.empty() : child(v, sys32.get(), "config", true);
        if (config.isEmpty()) {
            return Optional.empty();
        }
        List<ImageEntry> configFiles =
                list(v, config.get().address(), config.get().path());
        if (configFiles.stream().noneMatch(e -> !e.directory() && e.name().equalsIgnoreCase("SYSTEM"))) {
            return Optional.empty();
        }
        List<ImageEntry> hives = new ArrayList<>(hiveFiles(configFiles));
        Optional<ImageEntry> regBack = configFiles.stream()
                .filter(e -> e.directory() && e.name().equalsIgnoreCase("RegBack"))
                .findFirst();
        if (regBack.isPresent()) {
            hives.addAll(
                    hiveFiles(list(v, regBack.get().address(), regBack.get().path())));
        }
        Optional<ImageEntry> repair = child(v, root, "repair", true);
        if (repair.isPresent()) {
            hives.addAll(hiveFiles(list(v, repair.get().address(), repair.get().path())));
        }
        return Optional.of(new WindowsInstallation(v, root.path(), config.get().path(), hives));
    }

    /**
     * Copies an installation's hive files out into the private temporary folder, under a folder of its
     * own ({@code volume-N.M/}, M its place among the installations of volume N) with their paths in the
     * image (so that a case folder's rules find them), each with its provenance.
     */
    public ExtractedInstallation extract(WindowsInstallation installation) throws IOException {
        Volume v = installation.volume();
        Path folder = workspace.resolve("volume-" + number(installation));
        Map<Path, ImageFileOrigin> origins = new LinkedHashMap<>();
        for (ImageEntry e : installation.hives()) {
            copyOut(v, e, folder, origins);
        }
        return new ExtractedInstallation(installation, folder, origins);
    }

    /**
     * Copies one file of a volume out, found by its path from the volume's root (names compared in any
     * case), with the {@code .LOG}, {@code .LOG1} and {@code .LOG2} lying beside it, into a folder of its
     * own in the private temporary folder, laid out as in the image.
     *
     * @param path the path from the volume's root, {@code /} or {@code \} separated
     * @return the copy and the origin of every file copied, or empty when the volume holds no such file
     */
    public synchronized Optional<ExtractedFile> extractFile(Volume v, String path) throws IOException {
        String[] parts = java.util.Arrays.stream(path.replace('\\', '/').split("/"))
                .filter(p -> !p.isEmpty())
                .toArray(String[]::new);
        if (parts.length == 0 || !v.isNtfs()) {
            return Optional.empty();
        }
        List<ImageEntry> folder = list(v, null, "");
        for (int i = 0; i < parts.length - 1; i++) {
            String name = parts[i];
            Optional<ImageEntry> dir = folder.stream()
                    .filter(e -> e.directory() && e.name().equalsIgnoreCase(name))
                    .findFirst();
            if (dir.isEmpty()) {
                return Optional.empty();
            }
            folder = list(v, dir.get().address(), dir.get().path());
        }
        String last = parts[parts.length - 1];
        Optional<ImageEntry> file = folder.stream()
                .filter(e -> !e.directory() && e.name().equalsIgnoreCase(last))
                .findFirst();
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path into = workspace.resolve("volume-" + v.number() + "-file-" + (++filesExtracted));
        Map<Path, ImageFileOrigin> origins = new LinkedHashMap<>();
        Path copy = copyOut(v, file.get(), into, origins);
        String base = file.get().name().toUpperCase(Locale.ROOT);
        for (ImageEntry e : folder) {
            String n = e.name().toUpperCase(Locale.ROOT);
            if (!e.directory() && (n.equals(base + ".LOG") || n.equals(base + ".LOG1") || n.equals(base + ".LOG2"))) {
                copyOut(v, e, into, origins);
            }
        }
        return Optional.of(new ExtractedFile(copy, origins));
    }

    /** Copies one file out with icat under {@code folder} at its path in the image, and records its origin. */
    private Path copyOut(Volume v, ImageEntry e, Path folder, Map<Path, ImageFileOrigin> origins) throws IOException {
        Path out = folder;
        for (String part : e.path().split("/")) {
            out = out.resolve(safeName(part));
        }
        Files.createDirectories(out.getParent());
        if (e.size() > 0) {
            ExternalTool.Result r = ExternalTool.toFile(
                    image.path(),
                    TSK,
                    List.of(
                            "icat",
                            "-i",
                            tskType,
                            "-o",
                            String.valueOf(v.startSector()),
                            "-b",
                            String.valueOf(v.sectorSize()),
                            tskPath.toString(),
                            String.valueOf(e.mftEntry())),
                    out,
                    EXTRACT_TIMEOUT_SECONDS);
            if (!r.ok()) {
                throw new ImageException(
                        image.path(),
                        "icat cannot copy " + e.path() + " (MFT entry " + e.mftEntry() + ") out of volume " + v.number()
                                + ": " + r.reason());
            }
        } else {
            Files.createFile(out); // an empty RegBack file stays empty: reported, never read
        }
        ImageFileOrigin origin = new ImageFileOrigin(
                image.path(),
                image.format(),
                hashes(),
                v.number(),
                v.offsetBytes(),
                v.fileSystem(),
                e.path(),
                e.mftEntry(),
                e.address(),
                times(v, e),
                note);
        origins.put(out.toAbsolutePath().normalize(), origin);
        Path base = folder.toAbsolutePath().normalize();
        SHOWN.put(out.toAbsolutePath().normalize().toString(), origin.shown());
        SHOWN.put(base + "/", ImageFileOrigin.shownIn(image.path(), v.number()) + " : ");
        SHOWN.put(base.toString(), ImageFileOrigin.shownIn(image.path(), v.number()));
        return out;
    }

    /**
     * The text with the path of every file copied out of an image in this process (and of the folders
     * they were copied into) replaced by how it is shown, {@code IMAGE (volume N) : PATH}: for messages
     * that name a file the command only knows by its temporary copy.
     */
    public static String shown(String text) {
        if (text == null || SHOWN.isEmpty()) {
            return text;
        }
        String out = text;
        // Longest first: SYSTEM.LOG1's path starts with SYSTEM's, and every file's with its folder's.
        for (String copy : SHOWN.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList()) {
            if (out.contains(copy)) {
                out = out.replace(copy, SHOWN.get(copy));
            }
        }
        return out;
    }

    /** Removes the private temporary folder and everything copied out into it. */
    @Override
    public void close() {
        deleteTree(workspace);
        try {
            Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: nothing left to do
        }
    }

    /** The private temporary folder (tests check that it is gone after {@link #close}). */
    public Path workspace() {
        return workspace;
    }

    private Volume withFileSystem(int number, long start, long length, int sector, String description)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("fsstat", "-i", tskType, "-o", String.valueOf(start)));
        if (sector != 512) {
            cmd.addAll(List.of("-b", String.valueOf(sector)));
        }
        cmd.add(tskPath.toString());
        ExternalTool.Result r = tool(cmd);
        String fs = null;
        String label = null;
        if (r.ok()) {
            for (String line : r.out().split("\n")) {
                if (line.startsWith("File System Type:")) {
                    fs = line.substring("File System Type:".length()).strip();
                } else if (line.startsWith("Volume Name:") || line.startsWith("Volume Label (Boot Sector):")) {
                    String l = line.substring(line.indexOf(':') + 1).strip();
                    if (label == null && !l.isEmpty()) {
                        label = l;
                    }
                }
            }
        }
        return new Volume(number, start, length, sector, description, fs, label);
    }

    /** The entries of a folder ({@code null}: the root), allocated ones only, without alternate data streams. */
    private List<ImageEntry> list(Volume v, String address, String parentPath) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "fls",
                "-l",
                "-z",
                "UTC",
                "-i",
                tskType,
                "-f",
                "ntfs",
                "-o",
                String.valueOf(v.startSector()),
                "-b",
                String.valueOf(v.sectorSize()),
                tskPath.toString()));
        if (address != null) {
            cmd.add(address);
        }
        ExternalTool.Result r = tool(cmd);
        if (!r.ok()) {
            throw new ImageException(
                    image.path(),
                    "fls cannot list " + (parentPath.isEmpty() ? "the root" : parentPath) + " of volume " + v.number()
                            + ": " + r.reason());
        }
        List<ImageEntry> out = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            Matcher m = FLS_ROW.matcher(line);
            if (!m.matches() || m.group(3) != null) {
                continue; // not an entry, or a deleted one
            }
            // name TAB mtime TAB atime TAB ctime TAB crtime TAB size TAB uid TAB gid: a name may hold tabs, so count
            // from the right
            String[] cols = m.group(6).split("\t", -1);
            if (cols.length < 8) {
                continue;
            }
            String name = String.join("\t", java.util.Arrays.copyOf(cols, cols.length - 7));
            if (name.contains(":") || name.equals(".") || name.equals("..")) {
                continue; // an alternate data stream, or the folder itself
            }
            long size;
            try {
                size = Long.parseLong(cols[cols.length - 3].strip());
            } catch (NumberFormatException e) {
                continue;
            }
            boolean dir = m.group(2).equals("d");
            out.add(new ImageEntry(
                    parentPath.isEmpty() ? name : parentPath + "/" + name,
                    m.group(4) + m.group(5),
                    Long.parseLong(m.group(4)),
                    size,
                    dir));
        }
        return out;
    }

    private Optional<ImageEntry> child(Volume v, ImageEntry parent, String name, boolean directory) throws IOException {
        return list(v, parent.address(), parent.path()).stream()
                .filter(e -> e.directory() == directory && e.name().equalsIgnoreCase(name))
                .findFirst();
    }

    /** SYSTEM and SOFTWARE and their .LOG, .LOG1 and .LOG2, any case. */
    private static List<ImageEntry> hiveFiles(List<ImageEntry> folder) {
        List<ImageEntry> out = new ArrayList<>();
        for (ImageEntry e : folder) {
            if (e.directory()) {
                continue;
            }
            String n = e.name().toUpperCase(Locale.ROOT);
            for (String h : HIVES) {
                if (n.equals(h) || n.equals(h + ".LOG") || n.equals(h + ".LOG1") || n.equals(h + ".LOG2")) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private FileTimes times(Volume v, ImageEntry e) throws IOException {
        ExternalTool.Result r = tool(List.of(
                "istat",
                "-z",
                "UTC",
                "-i",
                tskType,
                "-f",
                "ntfs",
                "-o",
                String.valueOf(v.startSector()),
                "-b",
                String.valueOf(v.sectorSize()),
                tskPath.toString(),
                String.valueOf(e.mftEntry())));
        if (!r.ok()) {
            throw new ImageException(
                    image.path(),
                    "istat cannot read MFT entry " + e.mftEntry() + " (" + e.path() + ") of volume " + v.number() + ": "
                            + r.reason());
        }
        Map<String, Instant> si = new LinkedHashMap<>();
        Map<String, Instant> fn = new LinkedHashMap<>();
        Map<String, Instant> current = null;
        for (String line : r.out().split("\n")) {
            if (line.startsWith("$STANDARD_INFORMATION Attribute Values")) {
                current = si;
            } else if (line.startsWith("$FILE_NAME Attribute Values")) {
                current = fn.isEmpty() ? fn : null; // the first name's times (a short 8.3 name repeats them)
            } else if (line.startsWith("Attributes:")) {
                current = null;
            } else if (current != null && line.indexOf(":\t") > 0) {
                String key = line.substring(0, line.indexOf(":\t"));
                current.putIfAbsent(key, instant(line.substring(line.indexOf(":\t") + 2)));
            }
        }
        return new FileTimes(macb(si), fn.isEmpty() ? null : macb(fn));
    }

    private static FileTimes.Macb macb(Map<String, Instant> t) {
        return new FileTimes.Macb(t.get("File Modified"), t.get("Accessed"), t.get("MFT Modified"), t.get("Created"));
    }

    /** "2026-12-07 00:36:20.372099900 (UTC)"; The Sleuth Kit prints zeros for an unset time. */
    private static Instant instant(String text) {
        String t = text.replace("(UTC)", "").strip();
        if (t.startsWith("0000-")) {
            return null;
        }
        try {
            return LocalDateTime.parse(t, TSK_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private ExternalTool.Result tool(List<String> cmd) throws IOException {
        return ExternalTool.text(image.path(), TSK, cmd);
    }

    /** A name from the image as a single safe path element in the temporary folder. */
    private static String safeName(String name) {
        String s = name.replaceAll("[/\\\\\\x00]", "_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "_" + s : s;
    }

    static void deleteTree(Path root) {
        try {
            FileUtils.deleteDirectory(root.toFile());
        } catch (IOException e) {
            // best effort: what is left is in the owner-only temporary folder
        }
    }
}
