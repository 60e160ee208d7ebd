package org.portmortem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;

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
     * The JSON reader, made on first use: reading a properties or text resource (the version line at
     * start-up) must not load Jackson.
     */
    private static final class Json {
        /** Fields a data file may carry for its readers (what it is, where its facts come from). */
        private static final Set<String> DOCUMENTATION =
                Set.of("about", "source", "sources", "note", "notes", "comment");

        static final ObjectMapper MAPPER = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .addHandler(new DeserializationProblemHandler() {
                    @Override
                    public boolean handleUnknownProperty(
                            DeserializationContext context,
                            JsonParser p,
                            JsonDeserializer<?> deserializer,
                            Object bean,
                            String name)
                            throws IOException {
                        if (DOCUMENTATION.contains(name)) {
                            p.skipChildren();
                            return true;
                        }
                        return false;
                    }
                })
                .build();
    }

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

    /** A JSON file bound to {@code type}. */
    public static <T> T json(Class<?> anchor, String name, Class<T> type) {
        try {
            return Json.MAPPER.readValue(bytes(anchor, name), type);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "bundled resource " + where(anchor, name) + " is not valid: " + e.getMessage(), e);
        }
    }

    /** A JSON file bound to a generic type. */
    public static <T> T json(Class<?> anchor, String name, TypeReference<T> type) {
        try {
            return Json.MAPPER.readValue(bytes(anchor, name), type);
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
