package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The acceptance table: for both reference systems of the seed paper, at every hardening step and
 * for the two Windows 2000 RPC variants, the predicted listening set equals the expected one (fixed
 * (protocol, address, port) equal; dynamic ports: same owner service, address and count, and the
 * expected range where given) — through the .reg reader and again through binary hives.
 */
class ReferenceSystemsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        Path fx = ReferenceSystems.fixtures().orElse(null);
        if (fx == null) {
            return Stream.of(Arguments.of("fixtures folder not found", null));
        }
        List<Arguments> out = new ArrayList<>();
        for (String sys : List.of("win2000-server-default", "winxp-default")) {
            try (Stream<Path> files = Files.list(fx.resolve(sys).resolve("expected"))) {
                files.sorted().forEach(f -> out.add(Arguments.of(sys + " " + f.getFileName(), f)));
            }
            Path variants = fx.resolve(sys).resolve("variants/expected");
            if (Files.isDirectory(variants)) {
                try (Stream<Path> files = Files.list(variants)) {
                    files.sorted().forEach(f -> out.add(Arguments.of(sys + " variant " + f.getFileName(), f)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void predictedListenersEqualThePapersListing(String name, Path expectedFile, @TempDir Path tmp) throws IOException {
        Assumptions.assumeTrue(expectedFile != null, "fixtures folder not found beside the analyzer module");
        JsonNode expected = JSON.readTree(expectedFile.toFile());
        Path systemDir = expectedFile.getParent().getParent();
        if (expectedFile.getParent().getParent().getFileName().toString().equals("variants")) {
            systemDir = systemDir.getParent();
        }
        List<Path> overlays = new ArrayList<>();
        for (JsonNode step : expected.get("stepsApplied")) {
            overlays.add(systemDir.resolve("steps").resolve(step.asText() + ".reg"));
        }
        if (expected.hasNonNull("variant")) {
            overlays.add(systemDir
                    .resolve("variants")
                    .resolve(expected.get("variant").asText() + ".reg"));
        }
        ReferenceSystems.Hives hives = ReferenceSystems.build(systemDir, overlays);
        Exposure viaText = ReferenceSystems.predict(hives.system(), hives.software());

        assertThat(comparable(viaText.listeners()))
                .as(name + ": predicted vs expected")
                .containsExactlyInAnyOrderElementsOf(comparable(expected.get("listeners")));

        Exposure viaRegf = ReferenceSystems.predictThroughRegf(hives, tmp);
        assertThat(shape(viaRegf.listeners()))
                .as(name + ": binary hives give the same prediction")
                .isEqualTo(shape(viaText.listeners()));
    }

    /** Fixed listeners as proto/address:port; dynamic ones as proto/address:dynamic(owner)[range]. */
    static List<String> comparable(List<Listener> listeners) {
        List<String> out = new ArrayList<>();
        for (Listener l : listeners) {
            String range = l.dynamic()
                            && l.mechanism().kind() == Mechanism.Kind.DYNAMIC_RPC
                            && l.portRange() != null
                            && !(l.portRange().first() == 1025 && l.portRange().last() == 5000)
                    ? "[" + l.portRange().first() + "-" + l.portRange().last() + "]"
                    : "";
            out.add(l.protocol() + "/v" + l.ipVersion() + "/" + l.address() + ":"
                    + (l.dynamic()
                            ? "dynamic(" + l.owner().service() + ")" + range
                            : l.port().toString()));
        }
        return out;
    }

    static List<String> comparable(JsonNode listeners) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : listeners) {
            boolean dyn = l.get("dynamic").asBoolean();
            String range = l.has("portRange")
                    ? "[" + l.get("portRange").get(0).asInt() + "-"
                            + l.get("portRange").get(1).asInt() + "]"
                    : "";
            out.add(l.get("protocol").asText() + "/v" + l.get("ipVersion").asInt() + "/"
                    + l.get("address").asText() + ":"
                    + (dyn
                            ? "dynamic(" + l.get("owner").get("service").asText() + ")" + range
                            : l.get("port").asText()));
        }
        return out;
    }

    /** Everything but the evidence (whose hive names and timestamps differ by format). */
    static List<String> shape(List<Listener> listeners) {
        return listeners.stream()
                .map(l -> l.protocol() + " " + l.ipVersion() + " " + l.address() + " " + l.port() + " " + l.portRange()
                        + " " + l.owner() + " " + l.mechanism() + " " + l.certainty())
                .toList();
    }
}
