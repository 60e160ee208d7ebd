package org.portmortem.report.json;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.portmortem.analysis.MachineTime;
import org.portmortem.exposure.Certainty;

/**
 * The shapes every serializer shares: times as {@code {utc, local}}, string arrays, certainty, and the
 * one mapper that writes fields sorted by name, so every JSON output is deterministic.
 */
public final class JsonFields {
    /** Sorted fields, indented: the report's layout, used by every JSON output. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a character outside the BMP written to bytes as its four UTF-8 bytes, as the text written
            // through a string and encoded has it, not as two \\u escapes
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private JsonFields() {}

    /** A tree as text, fields sorted, without a final newline. */
    public static String text(JsonNode tree) {
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException("a JSON tree always serialises", e);
        }
    }

    /** An empty object of the shared mapper. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** An empty array of the shared mapper. */
    public static ArrayNode array() {
        return MAPPER.createArrayNode();
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
