package org.portmortem.fleet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.io.FileUtils;
import org.portmortem.InputException;

/**
 * The hives inside a KAPE or Velociraptor offline-collector zip, extracted to a private temporary
 * folder (owner-only, deleted by {@link #close}) so the case reader can open them as files; the zip
 * itself is only read.
 *
 * <p>Only the SYSTEM and SOFTWARE hives and their transaction logs are extracted (names as
 * {@link org.portmortem.cases.CaseFiles} accepts them; {@code RegBack} copies are left out), under
 * their path in the zip. Velociraptor writes each path component URL-encoded ({@code C%3A} for
 * {@code C:}, {@code %5C} for a backslash); components are decoded one by one, and a component that
 * would climb out of the folder ({@code ..}) is refused, so no entry can be written outside it.
 * A zip that would extract to more than {@value #MAX_BYTES} bytes is refused.
 */
final class ZipCase implements AutoCloseable {
    /** More than any pair of real SYSTEM and SOFTWARE hives with their logs. */
    static final long MAX_BYTES = 4L << 30;

    private static final Set<String> HIVE_NAMES = Set.of("system", "software");
    private static final Set<String> SUFFIXES = Set.of("", ".hiv", ".dat", ".reg", ".log", ".log1", ".log2");

    private final Path folder;

    private ZipCase(Path folder) {
        this.folder = folder;
    }

    /** The folder the hives were extracted to. */
    Path folder() {
        return folder;
    }

    /**
     * Extracts the hives of a zip.
     *
     * @throws InputException if the file is not a readable zip or holds no hive (one line)
     */
    static ZipCase extract(Path zip, Path tempParent) throws IOException {
        Path dir = tempParent == null
                ? Files.createTempDirectory("portmortem-fleet-")
                : Files.createTempDirectory(tempParent, "portmortem-fleet-");
        dir = dir.toAbsolutePath().normalize();
        ZipCase c = new ZipCase(dir);
        try {
            int found = 0;
            long total = 0;
            try (ZipFile z = new ZipFile(zip.toFile())) {
                for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                    ZipEntry e = en.nextElement();
                    if (e.isDirectory()) {
                        continue;
                    }
                    Path target = target(dir, zip, e.getName());
                    if (target == null || !isHive(target)) {
                        continue;
                    }
                    Files.createDirectories(target.getParent());
                    try (InputStream in = z.getInputStream(e);
                            OutputStream out = Files.newOutputStream(target)) {
                        byte[] buf = new byte[1 << 16];
                        for (int n; (n = in.read(buf)) > 0; ) {
                            total += n;
                            if (total > MAX_BYTES) {
                                throw new InputException(
                                        zip,
                                        "extracts to more than " + MAX_BYTES
                                                + " bytes of hives: refused (a zip bomb or not a triage collection)");
                            }
                            out.write(buf, 0, n);
                        }
                    }
                    found++;
                }
            } catch (ZipException e) {
                throw new InputException(zip, "is not a readable zip file: " + e.getMessage(), e);
            }
            if (found == 0) {
                throw new InputException(
                        zip,
                        "holds no SYSTEM or SOFTWARE hive (looked for them, with their logs,"
                                + " anywhere in the zip, URL-decoded as Velociraptor writes paths)");
            }
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** Where an entry goes: its path, each component URL-decoded; null if it would leave the folder. */
    private static Path target(Path dir, Path zip, String name) {
        Path p = dir;
        for (String raw : name.split("/")) {
            if (raw.isEmpty()) {
                continue;
            }
            String part = percentDecoded(raw).replace('/', '_').replace('\0', '_');
            if (part.equals(".") || part.equals("..") || part.isEmpty()) {
                return null;
            }
            p = p.resolve(part);
        }
        return p.normalize().startsWith(dir) && !p.equals(dir) ? p : null;
    }

    private static boolean isHive(Path p) {
        for (Path part : p) {
            if (part.toString().equalsIgnoreCase("RegBack")) {
                return false;
            }
        }
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String h : HIVE_NAMES) {
            if (n.startsWith(h) && SUFFIXES.contains(n.substring(h.length()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code %XX} sequences as UTF-8 bytes; anything else as it is (a '+' stays a '+'). */
    static String percentDecoded(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length && hex(in[i + 1]) >= 0 && hex(in[i + 2]) >= 0) {
                b.write(hex(in[i + 1]) * 16 + hex(in[i + 2]));
                i += 2;
            } else {
                b.write(in[i]);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private static int hex(byte c) {
        return Character.digit(c, 16);
    }

    @Override
    public void close() throws IOException {
        FileUtils.deleteDirectory(folder.toFile());
    }
}
