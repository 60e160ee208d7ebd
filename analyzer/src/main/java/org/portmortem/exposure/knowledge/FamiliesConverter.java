package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.util.EnumSet;
import java.util.Set;
import org.portmortem.model.WindowsFamily;

/**
 * Reads a family token or a list of them ({@code "ALL"}, {@code ["PRE_VISTA", "WIN10"]}) into the set
 * of families meant. A converter from the JSON tree rather than a deserializer, so that the bundled
 * files bind without Jackson's object mapper.
 */
final class FamiliesConverter extends StdConverter<JsonNode, Set<WindowsFamily>> {
    @Override
    public Set<WindowsFamily> convert(JsonNode node) {
        EnumSet<WindowsFamily> out = EnumSet.noneOf(WindowsFamily.class);
        if (node.isTextual()) {
            out.addAll(WindowsFamily.ofKnowledgeToken(node.textValue()));
        } else if (node.isArray()) {
            for (JsonNode t : node) {
                if (!t.isTextual()) {
                    throw new IllegalArgumentException("a Windows family is a word, not " + t);
                }
                out.addAll(WindowsFamily.ofKnowledgeToken(t.textValue()));
            }
        } else {
            throw new IllegalArgumentException("families are a word or a list of words, not " + node);
        }
        return out;
    }
}
