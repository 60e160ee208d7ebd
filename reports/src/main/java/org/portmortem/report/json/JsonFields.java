package org.portmortem.report.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.portmortem.analysis.MachineTime;
import org.portmortem.exposure.Certainty;

/**
 * The shapes every serializer shares: times as {@code {utc, local}}, string arrays, certainty, and the
 * one writer of JSON trees, fields sorted by name, so every JSON output is deterministic.
 *
 * <p>Trees are written with Jackson's streaming generator, not its object mapper: making the mapper
 * (its serializer configuration, and a date format that loads the locale's calendar data) cost more
 * than writing a one-host report (bench/README.md). The bytes are the mapper's with
 * {@code WRITE_PROPERTIES_SORTED} and {@code INDENT_OUTPUT}, which a test checks.
 */
public final class JsonFields {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            // a character outside the BMP written to bytes as its four UTF-8 bytes, as the text written
            // through a string and encoded has it, not as two \\u escapes
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private JsonFields() {}

    /** A generator of the report's layout (indented) to bytes, leaving the stream open when closed. */
    public static JsonGenerator indented(OutputStream out) throws IOException {
        return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
    }

    /** A generator of the report's layout (indented) to text, leaving the writer open when closed. */
    public static JsonGenerator indented(Writer out) throws IOException {
        return FACTORY.createGenerator(out).useDefaultPrettyPrinter();
    }

    /** A generator of one-line JSON (JSON Lines), leaving the writer open when closed. */
    public static JsonGenerator compact(Writer out) throws IOException {
        return FACTORY.createGenerator(out);
    }

    /** A tree as indented text, fields sorted, without a final newline. */
    public static String text(JsonNode tree) {
        return text(tree, true);
    }

    /** A tree on one line, fields sorted, without a final newline. */
    public static String line(JsonNode tree) {
        return text(tree, false);
    }

    private static String text(JsonNode tree, boolean indented) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = indented ? indented(w) : compact(w)) {
            write(g, tree);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
        return w.toString();
    }

    /** Writes a tree, the fields of every object sorted by name (as {@code String.compareTo} orders them). */
    public static void write(JsonGenerator g, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                g.writeStartObject(node, node.size());
                List<String> names = new ArrayList<>(node.size());
                node.fieldNames().forEachRemaining(names::add);
                Collections.sort(names);
                for (String name : names) {
                    g.writeFieldName(name);
                    write(g, node.get(name));
                }
                g.writeEndObject();
            }
            case ARRAY -> {
                g.writeStartArray(node, node.size());
                for (JsonNode e : node) {
                    write(g, e);
                }
                g.writeEndArray();
            }
            case STRING -> g.writeString(node.textValue());
            case BOOLEAN -> g.writeBoolean(node.booleanValue());
            case NULL, MISSING -> g.writeNull();
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> g.writeNumber(node.intValue());
                    case LONG -> g.writeNumber(node.longValue());
                    case BIG_INTEGER -> g.writeNumber(node.bigIntegerValue());
                    case FLOAT -> g.writeNumber(node.floatValue());
                    case DOUBLE -> g.writeNumber(node.doubleValue());
                    case BIG_DECIMAL -> g.writeNumber(node.decimalValue());
                }
            }
            default -> throw new IllegalArgumentException("a report holds no " + node.getNodeType() + " node");
        }
    }

    /** An empty object. */
    public static ObjectNode object() {
        return NODES.objectNode();
    }

    /** An empty array. */
    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    /** A time as {@code {utc, local}}, or {@code null}. */
    public static void time(ObjectNode n, String field, MachineTime t) {
        if (t == null) {
            n.putNull(field);
            return;
        }
        ObjectNode o = n.putObject(field);
        o.put("utc", t.utcText());
        o.put("local", t.localText());
    }

    /** An instant in the context's clock as {@code {utc, local}}, or {@code null}. */
    public static void instant(ObjectNode n, String field, Instant i, JsonContext c) {
        time(n, field, i == null ? null : c.time(i));
    }

    /** Strings, in order. */
    public static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }

    /** How certain a prediction is: {@code {level, reason}}. */
    static void certainty(ObjectNode n, Certainty c) {
        n.put("level", c.level().name().toLowerCase(Locale.ROOT));
        n.put("reason", c.reason());
    }
}
