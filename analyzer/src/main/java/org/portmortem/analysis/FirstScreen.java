package org.portmortem.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.FirewallVerdict.Reachability;
import org.portmortem.exposure.Listener;
import org.portmortem.model.SystemModel;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.Severity;

/**
 * The answer a report gives before anything else: the machine in one line, the listeners that would
 * be reachable from the network at the next boot with the most severe finding on each, and the top
 * findings with their first remediation.
 *
 * @param machine the machine line
 * @param reachable the predicted listeners reachable from the network, in the exposure's order
 * @param reachableBasis what "reachable" means here, in one sentence
 * @param topFindings the most severe findings (at most {@value #TOP_FINDINGS}, low or above)
 * @param otherFindings how many findings the top list leaves out
 */
public record FirstScreen(
        Machine machine,
        List<ReachableListener> reachable,
        String reachableBasis,
        List<Finding> topFindings,
        int otherFindings) {

    /** How many findings the first screen lists at most. */
    public static final int TOP_FINDINGS = 5;

    public FirstScreen {
        reachable = List.copyOf(reachable);
        topFindings = List.copyOf(topFindings);
    }

    /**
     * The machine as one line's parts.
     *
     * @param name the computer name, or {@code null} where SYSTEM records none
     * @param windows product, service pack and build, e.g. {@code Microsoft Windows XP, build 2600}
     * @param role workstation, server or domain controller, with the ProductType value
     * @param firewall the host firewall as far as the analysis knows it: the profile in force, or
     *     what decides reachability without one
     */
    public record Machine(String name, String windows, String role, String firewall) {}

    /**
     * A listener reachable from the network.
     *
     * @param listener the predicted listener
     * @param severity the most severe finding that concerns it, or {@code null} when none does
     * @param firewall the firewall's decision on it, in one line (per profile where they differ)
     */
    public record ReachableListener(Listener listener, Severity severity, String firewall) {}

    /** Derives the first screen from the stages' results. */
    static FirstScreen of(Analysis.Builder b, List<Fact> systemSummary) {
        String profile = profileInForce(b);
        List<ReachableListener> reachable = new ArrayList<>();
        for (Listener l : b.exposure.listeners()) {
            if (!isLoopback(l.address()) && !l.possibleOnly() && reachable(l.firewall(), profile)) {
                reachable.add(new ReachableListener(
                        l, severityOf(l, b.verdicts.findings()), firewallLine(l.firewall(), profile)));
            }
        }
        String basis = profile != null
                ? "predicted (an HTTP.sys port only reserved is possible, not predicted), not bound to a loopback address, and not blocked by the host firewall's "
                        + profile + " profile," + " the profile in force"
                : "predicted (an HTTP.sys port only reserved is possible, not predicted), not bound to a loopback address, and not blocked by the host firewall in at least one of its"
                        + " profiles (the profile in force is not determined)";
        List<Finding> top = b.verdicts.findings().stream()
                .filter(f -> f.severity().isAtLeast(Severity.LOW))
                .limit(TOP_FINDINGS)
                .toList();
        return new FirstScreen(
                machine(b, systemSummary, profile),
                reachable,
                basis,
                top,
                b.verdicts.findings().size() - top.size());
    }

    /**
     * The firewall profile Windows would apply at boot, or {@code null} where the analysis does not
     * determine it (today: never). The one place a profile-in-force value slots in: reachability and
     * the machine line follow it.
     */
    static String profileInForce(Analysis.Builder b) {
        // The exposure stage decides the profile in force (FirewallProfile); each listener's verdict names
        // it by the key of its per-profile decisions, which is what reachability is looked up by here.
        return b.exposure.listeners().stream()
                .map(l -> l.firewall().inForce())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1");
    }

    /** Reachable in the profile in force, or without one in any profile; no profile evaluated counts as reachable. */
    private static boolean reachable(FirewallVerdict v, String profile) {
        if (v.profiles().isEmpty()) {
            return true;
        }
        if (profile != null && v.profiles().containsKey(profile)) {
            return v.profiles().get(profile).reachability() != Reachability.BLOCKED;
        }
        return v.profiles().values().stream().anyMatch(d -> d.reachability() != Reachability.BLOCKED);
    }

    private static Severity severityOf(Listener l, List<Finding> findings) {
        Severity worst = null;
        for (Finding f : findings) {
            if (f.listeners().contains(l) && (worst == null || f.severity().isAtLeast(worst))) {
                worst = f.severity();
            }
        }
        return worst;
    }

    private static String firewallLine(FirewallVerdict v, String profile) {
        if (v.profiles().isEmpty()) {
            return "no host firewall evaluated";
        }
        if (profile != null && v.profiles().containsKey(profile)) {
            return profile + ": " + v.profiles().get(profile).reachability().word();
        }
        Set<Reachability> outcomes = new LinkedHashSet<>();
        v.profiles().values().forEach(d -> outcomes.add(d.reachability()));
        if (outcomes.size() == 1) {
            String profiles = v.profiles().containsKey("all")
                    ? ""
                    : " (" + String.join(", ", v.profiles().keySet()) + ")";
            return outcomes.iterator().next().word() + profiles;
        }
        List<String> parts = new ArrayList<>();
        v.profiles().forEach((p, d) -> parts.add(p + ": " + d.reachability().word()));
        return String.join(", ", parts);
    }

    private static Machine machine(Analysis.Builder b, List<Fact> facts, String profile) {
        SystemModel m = b.model;
        String name = value(facts, "computerName");
        String product = m.version().productName().orElse(m.family().displayName());
        String sp = value(facts, "csdVersion");
        String build = value(facts, "currentBuild");
        String windows = product + (sp == null ? "" : " " + sp) + (build == null ? "" : ", build " + build);
        String role = value(facts, "productType");
        return new Machine(name, windows, role == null ? "role not recorded" : role, firewall(b, profile));
    }

    private static String value(List<Fact> facts, String id) {
        return facts.stream()
                .filter(f -> f.id().equals(id))
                .map(Fact::value)
                .filter(v -> v != null)
                .findFirst()
                .orElse(null);
    }

    /** What the listeners' firewall verdicts say about the host firewall as a whole. */
    private static String firewall(Analysis.Builder b, String profile) {
        if (profile != null) {
            return "profile in force: " + profile;
        }
        Set<String> profiles = new LinkedHashSet<>();
        Set<String> whole = new LinkedHashSet<>();
        for (Listener l : b.exposure.listeners()) {
            if (isLoopback(l.address())) {
                continue;
            }
            for (Map.Entry<String, FirewallVerdict.Decision> e :
                    l.firewall().profiles().entrySet()) {
                if (e.getKey().equals("all")) {
                    whole.add((e.getValue().reachability() == Reachability.REACHABLE ? "none: " : "unknown: ")
                            + e.getValue().decidedBy());
                } else {
                    profiles.add(e.getKey());
                }
            }
        }
        if (!profiles.isEmpty()) {
            return "profiles " + String.join(", ", profiles) + " evaluated for each listener; the profile in force is"
                    + " not determined from the hives";
        }
        if (!whole.isEmpty()) {
            return String.join("; ", whole);
        }
        return "not evaluated (no listener reachable from the network is predicted)";
    }
}
