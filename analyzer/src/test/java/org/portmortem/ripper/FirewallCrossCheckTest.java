package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The firewall plugin (which RegRipper lacks) against {@code reglookup}: on every corpus SYSTEM hive,
 * every value under {@code FirewallPolicy} that reglookup lists is a fact with the same data, and
 * every rule's action, direction, protocol, ports, program, service and profiles are in its summary.
 */
class FirewallCrossCheckTest {
    private static final Path REGLOOKUP = Path.of("/usr/bin/reglookup");
    private static final List<String> CHECKED = List.of("Action", "Dir", "Protocol", "LPort", "App", "Svc", "Profile");

    @Test
    void firewallFactsMatchWhatReglookupListsOnEveryCorpusSystemHive() throws Exception {
        int[] rulesChecked = {0};
        CleanSystemHives.forEach(REGLOOKUP, (path, hive, context) -> {
            List<RipFact> facts = RipPlugins.named("firewall").orElseThrow().run(context);
            Map<String, String> ours = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            facts.stream().filter(f -> !f.isAbsent()).forEach(f -> ours.put(f.group() + "\\" + f.name(), f.data()));
            String policy = context.controlSetPath("Services\\SharedAccess\\Parameters\\FirewallPolicy");
            for (String[] row : reglookup(path, policy)) {
                String key = row[0];
                String name = key.substring(key.lastIndexOf('\\') + 1);
                if (key.contains("\\FirewallRules\\")) {
                    rulesChecked[0]++;
                    String summary = ours.get(key);
                    assertThat(summary).as(path + ": rule " + name).isNotNull();
                    for (String part : row[2].split("\\|")) {
                        int eq = part.indexOf('=');
                        if (eq > 0 && CHECKED.contains(part.substring(0, eq))) {
                            assertThat(summary).as(path + ": rule " + name).contains(part.substring(0, eq) + "=")
                                    .contains(part.substring(eq + 1));
                        }
                    }
                } else if (key.contains("\\List\\") || isSwitch(name)) {
                    assertThat(ours.get(key)).as(path + ": " + key).isEqualTo(row[1].equals("DWORD")
                            ? Long.toString(Long.decode(row[2])) : row[2]);
                }
            }
        });
        assertThat(rulesChecked[0]).as("corpus hives with Vista+ firewall rules").isPositive();
    }

    private static boolean isSwitch(String name) {
        return List.of("EnableFirewall", "DoNotAllowExceptions", "DefaultInboundAction").contains(name);
    }

    /** reglookup's values under a key: full value path (backslashes), type, data; %XX decoded. */
    private static List<String[]> reglookup(Path hive, String keyPath) throws Exception {
        List<String[]> rows = new java.util.ArrayList<>(reglookup(hive, keyPath, "SZ"));
        rows.addAll(reglookup(hive, keyPath, "DWORD"));
        return rows;
    }

    /** reglookup takes one -t: the values of one type. */
    private static List<String[]> reglookup(Path hive, String keyPath, String type) throws Exception {
        Process p = new ProcessBuilder(REGLOOKUP.toString(), "-H", "-t", type,
                "-p", "/" + keyPath.replace('\\', '/'), hive.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(5, TimeUnit.MINUTES);
        return out.lines().map(l -> l.split(",", -1)).filter(c -> c.length >= 3).map(c -> {
            String path = decode(c[0].replace('/', '\\')).substring(1);
            String rest = path.substring(keyPath.length());
            return new String[] {keyPath + rest, c[1], decode(c[2])};
        }).toList();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
