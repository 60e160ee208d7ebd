package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.portmortem.model.WindowsFamily;

/** Reads a list of family tokens ({@code ["PRE_VISTA", "WIN10"]}) into the set of families meant. */
final class FamiliesDeserializer extends JsonDeserializer<Set<WindowsFamily>> {
    @Override
    public Set<WindowsFamily> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        EnumSet<WindowsFamily> out = EnumSet.noneOf(WindowsFamily.class);
        if (node.isTextual()) {
            out.addAll(WindowsFamily.ofKnowledgeToken(node.textValue()));
        } else {
            for (JsonNode t : node) {
                out.addAll(WindowsFamily.ofKnowledgeToken(t.textValue()));
            }
        }
        return out;
    }
}
