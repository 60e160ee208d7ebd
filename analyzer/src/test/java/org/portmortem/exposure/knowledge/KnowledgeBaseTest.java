package org.portmortem.exposure.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
    private static final Pattern UUID = Pattern.compile("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
    private static final Pattern PROTSEQ =
            Pattern.compile("(ncacn_ip_tcp|ncadg_ip_udp)(:\\d+)?|ncacn_np:\\\\.+|ncalrpc(:.+)?|ncacn_http(:\\d+)?");
    private static final List<String> OPS =
            List.of("==", "!=", "<", ">=", "sp<", "sp>=", "contains", "lacks", "exists", "absent");

    private final KnowledgeBase kb = KnowledgeBase.bundled();

    @Test
    void everyEntryEndpointAndInterfaceCitesSourcesThatAreDefined() {
        assertThat(kb.entries()).hasSizeGreaterThan(50);
        List<String> problems = new ArrayList<>();
        for (ServiceKnowledge e : kb.entries()) {
            if (e.sources().isEmpty()) {
                problems.add(e.name() + ": no source");
            }
            List<String> all = new ArrayList<>(e.sources());
            if (e.demandStarted() != null) {
                all.addAll(e.demandStarted().sources());
            }
            for (EndpointKnowledge ep : e.endpoints()) {
                if (ep.sources().isEmpty()) {
                    problems.add(e.name() + " " + ep.protocol() + ": no source");
                }
                if (ep.certainty() != org.portmortem.exposure.Certainty.Level.CERTAIN && ep.reason() == null) {
                    problems.add(e.name() + " " + ep.protocol() + ": not certain but no reason");
                }
                all.addAll(ep.sources());
            }
            for (RpcInterfaceKnowledge r : e.rpc()) {
                if (r.sources().isEmpty()) {
                    problems.add(e.name() + " " + r.uuid() + ": no source");
                }
                all.addAll(r.sources());
            }
            for (String s : all) {
                if (!kb.sources().containsKey(s)) {
                    problems.add(e.name() + ": source key " + s + " not in sources.json");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void interfacesHaveWellFormedUuidsAndProtocolSequences() {
        List<String> problems = new ArrayList<>();
        for (ServiceKnowledge e : kb.entries()) {
            for (RpcInterfaceKnowledge r : e.rpc()) {
                if (!UUID.matcher(r.uuid()).matches()) {
                    problems.add(e.name() + ": bad UUID " + r.uuid());
                }
                if (!r.version().matches("\\d+\\.\\d+")) {
                    problems.add(e.name() + ": bad version " + r.version());
                }
                r.protseqs().stream()
                        .filter(p -> !PROTSEQ.matcher(p).matches())
                        .forEach(p -> problems.add(e.name() + ": bad protseq " + p));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void conditionsAndRegistryPortsNameAControlSetOrSoftwareKeyAndAKnownOperator() {
        List<String> problems = new ArrayList<>();
        for (ServiceKnowledge e : kb.entries()) {
            List<RegistryCondition> conds = new ArrayList<>(e.when());
            e.endpoints().forEach(ep -> conds.addAll(ep.when()));
            e.rpc().forEach(r -> conds.addAll(r.when()));
            for (RegistryCondition c : conds) {
                if (!c.key().startsWith("CS\\")
                        && !c.key().startsWith("SW\\")
                        && !c.key().startsWith("SYS\\")) {
                    problems.add(e.name() + ": condition key " + c.key());
                }
                if (!OPS.contains(c.op())) {
                    problems.add(e.name() + ": operator " + c.op());
                }
            }
            for (EndpointKnowledge ep : e.endpoints()) {
                if (ep.families().isEmpty()) {
                    problems.add(e.name() + ": endpoint without family");
                }
                if (ep.port().kind() == PortSpec.Kind.REGISTRY && ep.port().defaultPort() == null) {
                    problems.add(e.name() + ": registry port without default");
                }
                if (ep.port().kind() == PortSpec.Kind.REGISTRY
                        && !ep.port().key().startsWith("CS\\")
                        && !ep.port().key().startsWith("SW\\")
                        && !ep.port().key().startsWith("SYS\\")) {
                    problems.add(e.name() + ": registry port key " + ep.port().key());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyEntryEncodesRowsThatExistInTheFactsDocument() throws IOException {
        Optional<Path> doc = SharedMaterial.file("docs/windows-network-facts.md");
        Assumptions.assumeTrue(
                doc.isPresent(), "../shared/docs/windows-network-facts.md not found: facts rows not checked");
        String text = Files.readString(doc.get());
        List<String> problems = new ArrayList<>();
        for (ServiceKnowledge e : kb.entries()) {
            // Entries for services the facts document does not cover (the rest of KB 832017's tables,
            // third-party remote access) list no rows and rest on their sources alone.
            for (String row : e.facts()) {
                if (!text.contains("| " + row + " |")) {
                    problems.add(e.name() + ": facts row " + row + " not in the document");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRowOfTablesAAndBIsEncodedOrItsHandlingStated() throws IOException {
        Optional<Path> doc = SharedMaterial.file("docs/windows-network-facts.md");
        Assumptions.assumeTrue(
                doc.isPresent(), "../shared/docs/windows-network-facts.md not found: coverage not checked");
        java.util.Set<String> covered = new java.util.HashSet<>();
        kb.entries().forEach(e -> covered.addAll(e.facts()));
        java.util.Map<String, String> handled;
        try (java.io.InputStream in =
                KnowledgeBase.class.getResourceAsStream("/org/portmortem/exposure/knowledge/coverage.json")) {
            handled = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readValue(
                            in, new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() {});
        }
        java.util.regex.Matcher m = Pattern.compile("(?m)^\\| ([AB]\\d+) \\|").matcher(Files.readString(doc.get()));
        List<String> missing = new ArrayList<>();
        int rows = 0;
        while (m.find()) {
            rows++;
            if (!covered.contains(m.group(1)) && !handled.containsKey(m.group(1))) {
                missing.add(m.group(1));
            }
        }
        assertThat(rows).isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    @Test
    void servicesAreFoundCaseInsensitively() {
        assertThat(kb.entry("netbt")).isPresent();
        assertThat(kb.entry("MESSENGER").orElseThrow().rpc()).isNotEmpty();
        assertThat(kb.entry("no-such-service")).isEmpty();
    }

    @Test
    void theBundledKnowledgeBaseIsReadOncePerProcessWhetherPreloadedOrNot() throws Exception {
        KnowledgeBase.preload();
        KnowledgeBase.preload();
        java.util.concurrent.Callable<KnowledgeBase> ask = KnowledgeBase::bundled;
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<KnowledgeBase> seen = new ArrayList<>();
            for (var f : pool.invokeAll(java.util.Collections.nCopies(8, ask))) {
                seen.add(f.get());
            }
            assertThat(seen).allSatisfy(k -> assertThat(k).isSameAs(KnowledgeBase.bundled()));
            assertThat(KnowledgeBase.bundled().entries()).hasSizeGreaterThan(50);
        } finally {
            pool.shutdown();
        }
    }
}
