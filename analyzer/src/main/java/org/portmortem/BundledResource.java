package org.portmortem;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The one way to read a file shipped inside PortMortem's jar (knowledge, vocabularies, style sheets).
 * Names resolve as {@link Class#getResourceAsStream} does: relative to the anchor class's package,
 * or absolute with a leading {@code /}.
 *
 * <p>A missing or unreadable bundled file is a defect of the build, never bad input, so it is an
 * unchecked exception (exit code 4). JSON is read strictly: an unknown field or enum word in a data
 * file fails the first test that loads it instead of being silently ignored (only the documentation
 * fields {@code about}, {@code source(s)}, {@code note(s)} and {@code comment} may appear anywhere);
 * enum words are matched without regard to case.
 */
public final class BundledResource {

    private BundledResource() {}

    /**
     * The jar this class was loaded from, open for reading, or null when it was loaded from a folder
     * (tests, an IDE). Opened on first use and never closed: it is the program itself, not evidence.
     */
    private static final class OwnJar {
        static final ProtectionDomain DOMAIN = BundledResource.class.getProtectionDomain();
        static final ZipFile JAR = jarOf(BundledResource.class);
    }

    /**
     * The jar a class was loaded from, opened, or null when it came from a folder or from somewhere
     * that is not a local file.
     */
    static ZipFile jarOf(Class<?> c) {
        CodeSource source = c.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        if (location == null || !"file".equals(location.getProtocol())) {
            return null;
        }
        try {
            Path file = Path.of(location.toURI());
            return Files.isRegularFile(file) ? new ZipFile(file.toFile()) : null;
        } catch (URISyntaxException | IllegalArgumentException | IOException | SecurityException e) {
            return null; // read through the class loader instead
        }
    }

    /**
     * An entry of the jar as a stream, or null when the jar has no such entry. A class loader's
     * {@code getResourceAsStream} reaches the same bytes through its parents and a {@code jar:} URL
     * connection, most of the cost of reading the knowledge base's hundred files (bench/README.md).
     */
    static InputStream entry(ZipFile jar, String name) throws IOException {
        ZipEntry e = jar.getEntry(name);
        return e == null || e.isDirectory() ? null : jar.getInputStream(e);
    }

    /**
     * The file as a stream: straight from the jar when the anchor was loaded from the same jar as this
     * class (every class of the runnable jar), else (or when the jar lacks it) through the anchor's
     * class loader.
     */
    private static InputStream open(Class<?> anchor, String name) throws IOException {
        if (anchor.getProtectionDomain() == OwnJar.DOMAIN && OwnJar.JAR != null) {
            InputStream in = entry(OwnJar.JAR, where(anchor, name));
            if (in != null) {
                return in;
            }
        }
        return anchor.getResourceAsStream(name);
    }

    /** The file's bytes. */
    public static byte[] bytes(Class<?> anchor, String name) {
        try (InputStream in = open(anchor, name)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + where(anchor, name));
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + where(anchor, name), e);
        }
    }

    /** The file as UTF-8 text. */
    public static String text(Class<?> anchor, String name) {
        return new String(bytes(anchor, name), StandardCharsets.UTF_8);
    }

    /** A UTF-8 properties file (Java 9+ reads properties resources as UTF-8 through a reader). */
    public static Properties properties(Class<?> anchor, String name) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text(anchor, name)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource " + where(anchor, name), e);
        }
        return p;
    }

    /** A JSON file bound to {@code type} (records, enums, lists, maps: {@link BundledJson}). */
    public static <T> T json(Class<?> anchor, String name, Class<T> type) {
        return type.cast(json(anchor, name, (Type) type));
    }

    /** A JSON file bound to a generic type. */
    @SuppressWarnings("unchecked")
    public static <T> T json(Class<?> anchor, String name, TypeReference<T> type) {
        return (T) json(anchor, name, type.getType());
    }

    private static Object json(Class<?> anchor, String name, Type type) {
        try {
            return BundledJson.read(bytes(anchor, name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "bundled resource " + where(anchor, name) + " is not valid: " + e.getMessage(), e);
        }
    }

    private static String where(Class<?> anchor, String name) {
        return name.startsWith("/")
                ? name.substring(1)
                : anchor.getPackageName().replace('.', '/') + "/" + name;
    }
}
