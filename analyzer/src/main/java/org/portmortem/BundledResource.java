package org.portmortem;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

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

    /** The file's bytes. */
    public static byte[] bytes(Class<?> anchor, String name) {
        try (InputStream in = anchor.getResourceAsStream(name)) {
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
