package org.portmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.util.StdConverter;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.portmortem.exposure.knowledge.ServiceKnowledge;
import org.portmortem.ripper.ValuePlugin;

/**
 * The bundled-file reader binds what Jackson's object mapper, configured as strictly, binds: every JSON
 * file the analyzer ships is read both ways and compared; and it is as strict or stricter on bad data.
 */
class BundledJsonTest {

    /** The mapper the bundled files were read with before: unknown fields fail, documentation skipped. */
    private static final ObjectMapper JACKSON = JsonMapper.builder()
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
                    if (BundledJson.DOCUMENTATION.contains(name)) {
                        p.skipChildren();
                        return true;
                    }
                    return false;
                }
            })
            .build();

    /** Every bundled JSON file and the type its reader binds it to (by name: most are not public). */
    private static Map<String, Type> bundledFiles() throws Exception {
        Map<String, Type> m = new LinkedHashMap<>();
        m.put("model/triggers.json", Class.forName("org.portmortem.model.TriggerDecoder$Table"));
        m.put("model/windows-families.json", Class.forName("org.portmortem.model.VersionReader$Table"));
        m.put("ripper/value-plugins.json", new TypeReference<List<ValuePlugin>>() {}.getType());
        m.put("verdict/exposure-rules.json", Class.forName("org.portmortem.verdict.ExposureRules"));
        m.put("verdict/remote-management.json", Class.forName("org.portmortem.verdict.RemoteManagement"));
        m.put("verdict/service-names.json", Class.forName("org.portmortem.verdict.ServiceNames$Table"));
        m.put("verdict/severity-scale.json", Class.forName("org.portmortem.verdict.SeverityScale"));
        m.put("exposure/http-sys-urls.json", Class.forName("org.portmortem.exposure.HttpSysReservations$Knowledge"));
        m.put(
                "exposure/firewall/xp-policy-exceptions.json",
                Class.forName("org.portmortem.exposure.firewall.PolicyException$DataFile"));
        m.put("exposure/knowledge/index.json", new TypeReference<List<String>>() {}.getType());
        m.put("exposure/knowledge/sources.json", new TypeReference<Map<String, String>>() {}.getType());
        // read by the knowledge base's tests only (what of KB 832017 it covers, and how)
        m.put("exposure/knowledge/coverage.json", new TypeReference<Map<String, String>>() {}.getType());
        m.put("exposure/knowledge/kb832017.json", JsonNode.class);
        for (String f : resourceNames()) {
            if (f.startsWith("exposure/knowledge/") && !m.containsKey(f)) {
                m.put(f, ServiceKnowledge.class);
            }
        }
        return m;
    }

    /** The JSON resources under org/portmortem in the analyzer's build output, relative to it. */
    private static Set<String> resourceNames() throws IOException, URISyntaxException {
        Path root = Path.of(BundledJsonTest.class
                        .getResource("/org/portmortem/model/triggers.json")
                        .toURI())
                .getParent()
                .getParent();
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.toString().contains("/test-classes/"))
                    .forEach(f -> names.add(root.relativize(f).toString().replace('\\', '/')));
        }
        // test resources share the package folder when both output folders are on one path
        names.removeIf(n -> n.startsWith("bundled-") || n.startsWith("verdict/test-"));
        return names;
    }

    @Test
    void everyBundledFileBindsAsJacksonsStrictMapperBindsIt() throws Exception {
        Map<String, Type> files = bundledFiles();
        assertThat(files).hasSizeGreaterThan(100);
        for (Map.Entry<String, Type> f : files.entrySet()) {
            byte[] json = BundledResource.bytes(BundledJsonTest.class, "/org/portmortem/" + f.getKey());
            Object jackson = JACKSON.readValue(json, JACKSON.getTypeFactory().constructType(f.getValue()));
            Object ours;
            try {
                ours = BundledJson.read(json, f.getValue());
            } catch (IOException e) {
                throw new AssertionError(f.getKey() + ": " + e.getMessage(), e);
            }
            assertThat(ours).as(f.getKey()).isNotNull().isEqualTo(jackson);
        }
    }

    @Test
    void everyBundledJsonFileIsInTheComparison() throws Exception {
        assertThat(bundledFiles().keySet()).containsAll(resourceNames());
    }

    enum Level {
        LOW,
        HIGH
    }

    record Port(int number) {
        @JsonCreator
        static Port of(JsonNode n) {
            if (!n.isInt()) {
                throw new IllegalArgumentException("a port is a number, not " + n);
            }
            return new Port(n.intValue());
        }
    }

    static final class Upper extends StdConverter<String, String> {
        @Override
        public String convert(String s) {
            return s.toUpperCase(Locale.ROOT);
        }
    }

    record Everything(
            String text,
            int count,
            Integer boxed,
            long big,
            double ratio,
            boolean flag,
            Level level,
            List<Level> levels,
            Set<String> words,
            Map<String, Integer> counts,
            JsonNode any,
            @JsonProperty("default") String whenAbsent,
            @JsonDeserialize(converter = Upper.class) String shout,
            Port port,
            List<Everything> nested) {}

    private static Object ours(String json, Type type) throws IOException {
        return BundledJson.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static final String FULL = "{\"text\": \"t\", \"count\": 3, \"boxed\": 4, \"big\": 5000000000,"
            + " \"ratio\": 0.5, \"flag\": true, \"level\": \"high\", \"levels\": [\"LOW\", \"High\"],"
            + " \"words\": [\"a\", \"b\"], \"counts\": {\"x\": 1, \"y\": 2}, \"any\": {\"k\": [1, \"two\", null]},"
            + " \"default\": \"d\", \"shout\": \"quiet\", \"port\": 135, \"notes\": [\"skipped\"],"
            + " \"nested\": [{\"text\": \"inner\", \"comment\": \"skipped too\"}]}";

    @Test
    void everyKindOfComponentBindsAsTheMapperBindsIt() throws Exception {
        Everything ours = (Everything) ours(FULL, Everything.class);
        assertThat(ours).isEqualTo(JACKSON.readValue(FULL, Everything.class));
        assertThat(ours.level()).isEqualTo(Level.HIGH);
        assertThat(ours.whenAbsent()).isEqualTo("d");
        assertThat(ours.shout()).isEqualTo("QUIET");
        assertThat(ours.port()).isEqualTo(new Port(135));
        assertThat(ours.nested().get(0).text()).isEqualTo("inner");
    }

    @Test
    void missingComponentsAreNullOrZeroAndJsonNullInATreeIsTheNullNode() throws Exception {
        String json = "{\"any\": null, \"count\": null}";
        Everything ours = (Everything) ours(json, Everything.class);
        assertThat(ours).isEqualTo(JACKSON.readValue(json, Everything.class));
        assertThat(ours.count()).isZero();
        assertThat(ours.text()).isNull();
        assertThat(ours.any()).isEqualTo(NullNode.getInstance());
    }

    @Test
    void anUnknownFieldFailsNamingItAndItsLine() {
        assertThatThrownBy(() -> ours("{\"text\": \"t\",\n \"txet\": \"u\"}", Everything.class))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("unknown field \"txet\"")
                .hasMessageContaining("(line 2, column");
    }

    @Test
    void whatTheMapperWouldLetPassFailsHere() {
        assertThatThrownBy(() -> ours("{\"text\": \"a\", \"text\": \"b\"}", Everything.class))
                .hasMessageContaining("given twice");
        assertThatThrownBy(() -> ours("{\"text\": \"a\"} {}", Everything.class)).hasMessageContaining("text after");
        assertThatThrownBy(() -> ours("{\"count\": 3000000000}", Everything.class))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> ours("{\"count\": \"3\"}", Everything.class)).hasMessageContaining("an integer");
        assertThatThrownBy(() -> ours("{\"levels\": \"LOW\"}", Everything.class))
                .hasMessageContaining("an array");
        assertThatThrownBy(() -> ours("{\"level\": \"MEDIUM\"}", Everything.class))
                .hasMessageContaining("\"MEDIUM\" is not a Level");
        assertThatThrownBy(() -> ours("", Everything.class)).hasMessageContaining("no JSON value");
    }

    @Test
    void whatACreatorRefusesFailsAtItsPlace() {
        assertThatThrownBy(() -> ours("{\n\"port\": \"epmap\"}", Everything.class))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("a port is a number")
                .hasMessageContaining("(line 2, column");
    }

    @Test
    void genericTopLevelTypesBind() throws Exception {
        Object list = ours("[\"a\", \"b\"]", new TypeReference<List<String>>() {}.getType());
        assertThat(list).isEqualTo(new ArrayList<>(List.of("a", "b")));
        Object map = ours("{\"b\": \"2\", \"a\": \"1\"}", new TypeReference<Map<String, String>>() {}.getType());
        assertThat(map).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(new ArrayList<Object>(((Map<?, ?>) map).keySet())).containsExactly("b", "a");
    }
}
