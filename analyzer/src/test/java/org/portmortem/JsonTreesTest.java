package org.portmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portmortem.model.SharedCorpus;

/**
 * Trees read with the streaming parser alone are the object mapper's {@code readTree}'s, node for
 * node and field order for field order: on every JSON and JSON-lines file of the corpus, and on the
 * cases where the two could part (number sizes, a field given twice, nulls, text after the value).
 */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonFactory FACTORY = new JsonFactory();

    private static JsonNode ours(String text) throws Exception {
        try (JsonParser p = FACTORY.createParser(text)) {
            return JsonTrees.first(p);
        }
    }

    /** Same nodes, same kinds of node, same field order (equals alone ignores the last two). */
    private static void assertSame(JsonNode ours, JsonNode mapper, String what) {
        assertThat(ours).as(what).isEqualTo(mapper);
        assertThat(ours.getNodeType()).as(what).isEqualTo(mapper.getNodeType());
        if (ours.isNumber()) {
            assertThat(ours.numberType()).as(what).isEqualTo(mapper.numberType());
        }
        List<String> oursNames = new ArrayList<>();
        List<String> mapperNames = new ArrayList<>();
        ours.fieldNames().forEachRemaining(oursNames::add);
        mapper.fieldNames().forEachRemaining(mapperNames::add);
        assertThat(oursNames).as(what).isEqualTo(mapperNames);
        for (int i = 0; i < ours.size(); i++) {
            JsonNode o = ours.isObject() ? ours.get(oursNames.get(i)) : ours.get(i);
            JsonNode m = mapper.isObject() ? mapper.get(mapperNames.get(i)) : mapper.get(i);
            assertSame(o, m, what + "/" + (ours.isObject() ? oursNames.get(i) : i));
        }
    }

    @Test
    void whereTheTwoCouldPartTheyAgree() throws Exception {
        for (String text : List.of(
                "{\"a\": 1, \"b\": 3000000000, \"c\": 123456789012345678901234567890, \"d\": 1.5, \"e\": -0.0}",
                "{\"k\": 1, \"j\": 2, \"k\": 3}",
                "{\"n\": null, \"t\": true, \"f\": false, \"s\": \"\\u00e9\\ud83d\\ude00\", \"e\": {}, \"a\": []}",
                "[1, [2, [3, {\"x\": [null]}]]]",
                "{\"a\": 1} trailing text",
                "\"just text\"",
                "42",
                "1e400")) {
            assertSame(ours(text), MAPPER.readTree(text), text);
        }
        assertThat(ours("   ")).isEqualTo(MAPPER.readTree("   "));
    }

    @Test
    void malformedJsonFailsAsTheParserFails() {
        assertThatThrownBy(() -> ours("{\"a\": [1, 2}")).isInstanceOf(JsonProcessingException.class);
        assertThatThrownBy(() -> ours("{\"a\": 1")).isInstanceOf(JsonProcessingException.class);
    }

    @Test
    void everyCorpusJsonListingReadsAsTheMapperReadsIt() throws Exception {
        Path corpus = SharedCorpus.root().orElse(null);
        if (corpus == null) {
            return; // a fresh clone without ../shared: the crafted cases above still run
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(corpus)) {
            files = s.filter(Files::isRegularFile)
                    .filter(f -> f.toString().endsWith(".json") || f.toString().endsWith(".jsonl"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        int values = 0;
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (f.toString().endsWith(".jsonl") || !text.stripLeading().startsWith("[")) {
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        assertSame(ours(line), MAPPER.readTree(line), f + ": " + line);
                        values++;
                    }
                }
            } else {
                assertSame(ours(text), MAPPER.readTree(text), f.toString());
                values++;
            }
        }
        assertThat(values).isGreaterThan(10);
    }
}
