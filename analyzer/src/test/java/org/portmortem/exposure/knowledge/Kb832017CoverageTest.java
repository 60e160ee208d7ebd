package org.portmortem.exposure.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.portmortem.net.Protocol;

/**
 * How much of KB 832017's per-service tables the knowledge base predicts. {@code kb832017.json}
 * transcribes every row of the tables under "System services ports"; a fixed (protocol, port) row
 * is covered when a knowledge entry for its service (or for the component the row names in
 * {@code entries}, with {@code via} saying why) predicts that protocol and port, as a fixed
 * endpoint, the default of a registry-configured endpoint, or a port one of the code mechanisms
 * opens for it ({@code configuredPorts}). A row that is no listening socket of the host is
 * {@code excluded} with its reason; a row no entry predicts must say why in {@code gap}.
 */
class Kb832017CoverageTest {
    private static final String FILE = "/org/portmortem/exposure/knowledge/kb832017.json";
    private static final double REQUIRED = 0.95;

    private final KnowledgeBase kb = KnowledgeBase.bundled();

    /** One fixed row and what the knowledge base makes of it. */
    private record Row(
            String section,
            String service,
            String application,
            Protocol protocol,
            int port,
            List<String> entries,
            String excluded,
            String gap,
            boolean covered) {
        String label() {
            return protocol + " " + port + " " + application + " [" + section + (service == null ? "" : ", " + service)
                    + "]";
        }
    }

    private static JsonNode document() throws IOException {
        try (InputStream in = Kb832017CoverageTest.class.getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private List<Row> rows() throws IOException {
        List<Row> out = new ArrayList<>();
        for (JsonNode r : document().get("rows")) {
            String service = r.get("service").isNull() ? null : r.get("service").asText();
            List<String> entries = new ArrayList<>();
            if (r.has("entries")) {
                r.get("entries").forEach(e -> entries.add(e.asText()));
            } else if (service != null) {
                entries.add(service);
            }
            Protocol p = Protocol.valueOf(r.get("protocol").asText());
            int port = r.get("port").asInt();
            boolean covered = entries.stream().anyMatch(e -> predicts(e, p, port));
            out.add(new Row(
                    r.get("section").asText(),
                    service,
                    r.get("application").asText(),
                    p,
                    port,
                    entries,
                    text(r, "excluded"),
                    text(r, "gap"),
                    covered));
        }
        return out;
    }

    private static String text(JsonNode r, String field) {
        return r.hasNonNull(field) ? r.get(field).asText() : null;
    }

    /** True when the entry opens this protocol and port on some Windows family. */
    private boolean predicts(String entry, Protocol protocol, int port) {
        Optional<ServiceKnowledge> e = kb.entry(entry);
        if (e.isEmpty()) {
            return false;
        }
        for (EndpointKnowledge ep : e.get().endpoints()) {
            Integer p = switch (ep.port().kind()) {
                case FIXED -> ep.port().fixed();
                case REGISTRY -> ep.port().defaultPort();
                default -> null;
            };
            if (ep.protocol() == protocol && p != null && p == port) {
                return true;
            }
        }
        return e.get().configuredPorts().stream().anyMatch(c -> c.protocol() == protocol && c.port() == port);
    }

    @Test
    void atLeastNinetyFivePercentOfTheFixedRowsThatAreListenersArePredicted() throws IOException {
        List<Row> rows = rows();
        List<Row> excluded = rows.stream().filter(r -> r.excluded() != null).toList();
        List<Row> counted = rows.stream().filter(r -> r.excluded() == null).toList();
        List<Row> covered = counted.stream().filter(Row::covered).toList();
        double share = (double) covered.size() / counted.size();
        StringBuilder report = new StringBuilder(String.format(
                Locale.ROOT,
                "KB 832017 per-service tables: %d fixed (protocol, port) rows, %d excluded as no listening socket, "
                        + "%d of the other %d predicted (%.1f %%); %d of all %d (%.1f %%)%n",
                rows.size(),
                excluded.size(),
                covered.size(),
                counted.size(),
                100 * share,
                covered.size(),
                rows.size(),
                100.0 * covered.size() / rows.size()));
        for (Row r : excluded) {
            report.append("  excluded  ")
                    .append(r.label())
                    .append(": ")
                    .append(r.excluded())
                    .append('\n');
        }
        for (Row r : counted) {
            if (!r.covered()) {
                report.append("  not known ")
                        .append(r.label())
                        .append(": ")
                        .append(r.gap())
                        .append('\n');
            }
        }
        System.out.print(report);
        assertThat(share).as(report.toString()).isGreaterThanOrEqualTo(REQUIRED);
    }

    @Test
    void everyRowIsPredictedOrSaysWhyNot() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Row r : rows()) {
            if (r.excluded() != null && r.covered()) {
                problems.add(r.label() + ": excluded as no listener, yet predicted");
            }
            if (r.excluded() == null && !r.covered() && r.gap() == null) {
                problems.add(r.label() + ": not predicted and no gap reason");
            }
            if (r.gap() != null && r.covered()) {
                problems.add(r.label() + ": gap reason left although now predicted");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void rowsNameEntriesThatExistAndSayWhyTheyHoldTheSocket() throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode r : document().get("rows")) {
            int port = r.path("port").asInt(-1);
            if (port < 1 || port > 65535) {
                problems.add(r + ": port");
            }
            if (r.has("entries")) {
                if (!r.hasNonNull("via")) {
                    problems.add(r + ": entries without via");
                }
                r.get("entries").forEach(e -> {
                    if (kb.entry(e.asText()).isEmpty()) {
                        problems.add(r + ": no knowledge entry " + e.asText());
                    }
                });
            }
        }
        for (JsonNode r : document().get("notFixed")) {
            if (!r.hasNonNull("reason")) {
                problems.add(r + ": not-fixed row without reason");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theTranscriptionNamesItsSourceAndCommit() throws IOException {
        JsonNode src = document().get("source");
        assertThat(src.get("repository").asText()).isEqualTo("MicrosoftDocs/SupportArticles-docs");
        assertThat(src.get("path").asText()).endsWith("service-overview-and-network-port-requirements.md");
        assertThat(src.get("commit").asText()).matches("[0-9a-f]{40}");
        assertThat(src.get("url").asText()).startsWith("https://learn.microsoft.com/");
        assertThat(kb.sources()).containsKey("KB832017");
    }

    @Test
    void entriesTheKnowledgeBaseAddsForTheTablesCiteTheDocument() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Row r : rows()) {
            if (r.covered()
                    && r.service() != null
                    && r.entries().size() == 1
                    && r.entries().get(0).equals(r.service())) {
                ServiceKnowledge e = kb.entry(r.service()).orElseThrow();
                boolean cites = e.sources().contains("KB832017")
                        || e.endpoints().stream().anyMatch(ep -> ep.sources().contains("KB832017"))
                        || e.configuredPorts().stream()
                                .anyMatch(c -> c.sources().contains("KB832017"));
                if (!cites) {
                    problems.add(r.label() + ": " + e.name() + " does not cite KB832017");
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
