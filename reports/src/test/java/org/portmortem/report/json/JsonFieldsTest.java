package org.portmortem.report.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/**
 * The JSON tree writer gives, byte for byte, what Jackson's object mapper gives with sorted fields and
 * indentation (how every JSON output was written before the writer left the mapper behind).
 */
class JsonFieldsTest {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .build();

    private static ObjectNode everyKindOfNode() {
        ObjectNode n = JsonFields.object();
        n.put("zeta", "last by name");
        n.put("alpha", 1);
        n.put("Beta", "capital letters sort first");
        n.put("long", 5_000_000_000L);
        n.put("double", 0.25);
        n.put("float", 1.5f);
        n.put("big", new BigInteger("123456789012345678901234567890"));
        n.put("decimal", new BigDecimal("1.10"));
        n.put("yes", true);
        n.putNull("nothing");
        n.putObject("empty");
        n.putArray("none");
        n.put("text", "quote \" backslash \\ tab \t control \u0001 astral \uD83D\uDE00 é <script>");
        n.putArray("mixed").add(3).add("x").addNull().addObject().put("b", 2).put("a", 1);
        return n;
    }

    @Test
    void textIsTheMappersSortedIndentedText() throws IOException {
        ObjectNode n = everyKindOfNode();
        assertThat(JsonFields.text(n)).isEqualTo(MAPPER.writeValueAsString(n));
    }

    @Test
    void bytesAreTheMappersBytesWithAstralCharactersAsUtf8() throws IOException {
        ObjectNode n = everyKindOfNode();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (JsonGenerator g = JsonFields.indented(ours)) {
            JsonFields.write(g, n);
        }
        assertThat(ours.toByteArray()).isEqualTo(MAPPER.writeValueAsBytes(n));
        assertThat(ours.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\uD83D\uDE00");
    }

    @Test
    void aLineIsTheCompactSortedText() throws IOException {
        ObjectNode n = everyKindOfNode();
        JsonMapper compact = JsonMapper.builder()
                .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
                .build();
        assertThat(JsonFields.line(n)).isEqualTo(compact.writeValueAsString(n)).doesNotContain("\n");
    }

    @Test
    void theHostileCasesReportIsWhatTheMapperWritesOfItsTree(@TempDir Path out) throws IOException {
        Path report = out.resolve("r.json");
        CommandRun run = CommandRun.of(
                "analyze",
                Fixtures.folder("hostile").toString(),
                "-o",
                out.resolve("r.html").toString(),
                "--json",
                report.toString(),
                "--timestamp",
                "2026-01-01T00:00:00Z");
        assertThat(run.exit()).as(run.err()).isZero();
        byte[] written = Files.readAllBytes(report);
        JsonNode tree = MAPPER.readTree(written);
        byte[] mapper = (MAPPER.writeValueAsString(tree) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(written).hasSizeGreaterThan(10_000).isEqualTo(mapper);
    }
}
