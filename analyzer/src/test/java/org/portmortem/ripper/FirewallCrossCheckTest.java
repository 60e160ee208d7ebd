package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The firewall plugin's local half (SYSTEM) against {@code reglookup} on every clean corpus SYSTEM
 * hive: every value under {@code FirewallPolicy} itself, under a profile key or in a
 * {@code FirewallRules} key that reglookup lists is a fact; every value fact has reglookup's data
 * (numbers and strings); every rule's action, direction, protocol, ports, program, service and
 * profiles are in its summary; and a profile key stated absent is one reglookup does not list.
 */
class FirewallCrossCheckTest {
    private static final List<String> CHECKED = List.of("Action", "Dir", "Protocol", "LPort", "App", "Svc", "Profile");

    @Test
    void firewallFactsMatchWhatReglookupListsOnEveryCorpusSystemHive() throws Exception {
        int[] counts = {0, 0, 0}; // rules, values compared, absent profiles
        CleanSystemHives.forEach(ReglookupRun.REGLOOKUP, (path, hive, context) -> {
            List<RipFact> facts = RipPlugins.named("firewall").orElseThrow().run(context);
            String root = context.controlSetPath(Firewall.LOCAL);
            List<ReglookupRun.Row> rows = ReglookupRun.below(path, root);
            Map<String, ReglookupRun.Row> printed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            rows.stream()
                    .filter(r -> r.valueName() != null)
                    .forEach(r -> printed.put(r.keyPath() + "\\" + r.valueName(), r));
            Set<String> reported = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            for (RipFact f : facts) {
                String key = f.evidence().keyPath();
                String where = key
                        + (f.evidence().valueName() == null
                                ? ""
                                : "\\" + f.evidence().valueName());
                reported.add(where);
                if (f.isAbsent()) {
                    assertThat(rows)
                            .as(path + ": " + where + " is stated absent")
                            .noneMatch(r -> r.keyPath().equalsIgnoreCase(where));
                    counts[2]++;
                } else if (f.evidence().valueName() == null) {
                    assertThat(rows)
                            .as(path + ": " + where + " has no values")
                            .noneMatch(r -> r.valueName() != null && r.keyPath().equalsIgnoreCase(where));
                } else if (key.toLowerCase(Locale.ROOT).endsWith("\\firewallrules")) {
                    counts[0]++;
                    ReglookupRun.Row row = printed.get(where);
                    assertThat(row).as(path + ": rule " + where).isNotNull();
                    for (String part : row.data().split("\\|")) {
                        int eq = part.indexOf('=');
                        if (eq > 0 && CHECKED.contains(part.substring(0, eq))) {
                            assertThat(f.data())
                                    .as(path + ": rule " + where)
                                    .contains(part.substring(0, eq) + "=")
                                    .contains(part.substring(eq + 1));
                        }
                    }
                } else {
                    ReglookupRun.Row row = printed.get(where);
                    assertThat(row).as(path + ": " + where).isNotNull();
                    if (row.comparable()) {
                        assertThat(f.data()).as(path + ": " + where).isEqualTo(row.regRipperData());
                        counts[1]++;
                    }
                }
            }
            for (ReglookupRun.Row r : printed.values()) {
                if (isProfileOrRules(root, r.keyPath())) {
                    assertThat(reported)
                            .as(path + ": reglookup lists " + r.keyPath() + "\\" + r.valueName())
                            .contains(r.keyPath() + "\\" + r.valueName());
                }
            }
        });
        assertThat(counts[0]).as("corpus hives with Vista+ firewall rules").isPositive();
        assertThat(counts[1]).as("profile values compared").isGreaterThan(20);
        assertThat(counts[2])
                .as("XP hives state that they have no PublicProfile")
                .isPositive();
    }

    /** The store key itself, a key below one of its profile keys, or a FirewallRules key anywhere below it. */
    private static boolean isProfileOrRules(String root, String keyPath) {
        String lower = keyPath.toLowerCase(Locale.ROOT);
        if (lower.equals(root.toLowerCase(Locale.ROOT)) || lower.endsWith("\\firewallrules")) {
            return true;
        }
        String below = lower.substring(root.length() + 1);
        return below.split("\\\\")[0].endsWith("profile");
    }
}
