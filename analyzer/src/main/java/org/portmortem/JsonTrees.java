package org.portmortem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * JSON read into Jackson's tree nodes with the streaming parser alone. Jackson's object mapper makes
 * the same nodes, but its first use (its configuration, and a date format that loads the locale's
 * calendar data) cost more than a one-host run's reading of its JSON (bench/README.md). The nodes are
 * the mapper's {@code readTree}'s: integers as int, long or big-integer nodes by size, other numbers
 * as doubles, JSON null as the null node, a field given twice keeping its first place and its last
 * value; a test compares both on the corpus's JSON listings. Depth is bounded by the parser's
 * constraints, so the recursion is too.
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {}

    /** The value starting at the parser's current token, which is left on the value's last token. */
    public static JsonNode read(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new JsonParseException(p, "no JSON value");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.set(name, read(p));
                }
                return o;
            }
            case START_ARRAY: {
                ArrayNode a = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == null) {
                        throw new JsonParseException(p, "the array is not closed");
                    }
                    a.add(read(p));
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
                switch (p.getNumberType()) {
                    case INT:
                        return NODES.numberNode(p.getIntValue());
                    case LONG:
                        return NODES.numberNode(p.getLongValue());
                    default:
                        return NODES.numberNode(p.getBigIntegerValue());
                }
            case VALUE_NUMBER_FLOAT:
                return NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "unexpected " + t);
        }
    }

    /**
     * The first JSON value of a text, or the missing node when it holds none; what follows it is not
     * read. As the mapper's {@code readTree(String)}.
     */
    public static JsonNode first(JsonParser p) throws IOException {
        return p.nextToken() == null ? MissingNode.getInstance() : read(p);
    }
}
