package org.portmortem.verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portmortem.BundledResource;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.Mechanism;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.exposure.remediation.Remediation;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.model.SystemModel;
import org.portmortem.net.Protocol;

/**
 * The exposure rule table: findings from the prediction alone. Data: resource
 * {@code exposure-rules.json}, one rule per kind of exposure with its severity, description,
 * justification (source) and remediations. Each predicted listener takes the first rule that
 * matches it; the listeners of one rule and one owning service make one finding. A finding whose
 * listeners the host firewall blocks in every evaluated profile drops one level.
 *
 * <p>Remediations are not invented here: a finding gets the steps of the exposure branch's
 * {@link HardeningPlan} that close its listeners, plus the extra {@link Remediation}s its rule
 * names (e.g. EnableDCOM=N, which closes nothing but refuses remote activation), each with the GUI
 * path the table gives for the value it edits.
 *
 * @param source where the table comes from
 * @param rules the rules, in matching order
 * @param guiPaths GUI paths by edited value ({@code service-start} for a disabled service)
 * @param observedSockets the severity of observed sockets the hives do not explain
 */
public record ExposureRules(
        String source, List<Rule> rules, List<GuiPath> guiPaths, ObservedSocketRules observedSockets) {

    private static final String RESOURCE = "/org/portmortem/verdict/exposure-rules.json";

    /**
     * One rule.
     *
     * @param id stable identifier, the prefix of the findings' ids
     * @param severity severity before the firewall is considered
     * @param title one line
     * @param when which listeners it matches
     * @param registry a registry condition that must also hold, or {@code null}
     * @param description what the exposure means
     * @param justification the source of the rule
     * @param extraRemediations remediations beyond those of the hardening plan, possibly empty
     */
    public record Rule(
            String id,
            Severity severity,
            String title,
            Match when,
            RegistryTest registry,
            String description,
            String justification,
            List<Remediation> extraRemediations) {
        public Rule {
            extraRemediations = extraRemediations == null ? List.of() : List.copyOf(extraRemediations);
        }
    }

    /**
     * Where a remediation is made in the GUI.
     *
     * @param edit the value the remediation edits, or {@code service-start} for a disabled service
     * @param path the GUI path; {@code the service's} is replaced by the service name
     * @param source where the path comes from
     */
    public record GuiPath(String edit, String path, String source) {}

    /**
     * Which listeners a rule matches; an empty list matches anything.
     *
     * @param services owning service names (case-insensitive)
     * @param mechanisms what opens the socket
     * @param protocols TCP, UDP
     * @param ports fixed ports
     * @param scope {@code network} (any non-loopback address), {@code all-interfaces} (0.0.0.0 or ::),
     *     {@code loopback}, or {@code any}
     */
    public record Match(
            List<String> services,
            List<Mechanism.Kind> mechanisms,
            List<Protocol> protocols,
            List<Integer> ports,
            String scope) {
        public Match {
            protocols = protocols == null ? List.of() : List.copyOf(protocols);
            services = services == null ? List.of() : List.copyOf(services);
            mechanisms = mechanisms == null ? List.of() : List.copyOf(mechanisms);
            ports = ports == null ? List.of() : List.copyOf(ports);
            scope = scope == null ? "any" : scope;
        }

        boolean matches(Listener l) {
            return (services.isEmpty()
                            || services.stream()
                                    .anyMatch(s -> s.equalsIgnoreCase(l.owner().service())))
                    && (mechanisms.isEmpty()
                            || mechanisms.contains(l.mechanism().kind()))
                    && (protocols.isEmpty() || protocols.contains(l.protocol()))
                    && (ports.isEmpty() || (l.port() != null && ports.contains(l.port())))
                    && inScope(l.address());
        }

        private boolean inScope(String address) {
            boolean loopback = address.equals("::1") || address.startsWith("127.");
            return switch (scope) {
                case "network" -> !loopback;
                case "all-interfaces" -> address.equals("0.0.0.0") || address.equals("::");
                case "loopback" -> loopback;
                case "any" -> true;
                default -> throw new IllegalStateException("unknown scope " + scope + " in " + RESOURCE);
            };
        }
    }

    /**
     * A registry value test: the value's data equals {@code equals} (case-insensitive), a missing
     * value counting as {@code absentMeans}.
     *
     * @param hive {@code SYSTEM} (paths relative to the control set in use) or {@code SOFTWARE}
     * @param key key path
     * @param value value name
     * @param equals the data that makes the test hold
     * @param absentMeans the data Windows assumes when the value is missing
     */
    public record RegistryTest(String hive, String key, String value, String equals, String absentMeans) {

        /**
         * The evidence of the test if it holds, empty if not. Without the SOFTWARE hive the test holds
         * when the default does, with evidence saying the default was assumed.
         */
        Optional<Evidence> holds(RegistryScope registry) {
            boolean system = hive.equalsIgnoreCase("SYSTEM");
            String path = (system ? "CS\\" : "SW\\") + key;
            if (registry.unavailable(path)) {
                // Without the hive the value cannot be read: Windows' default decides, and the evidence says so.
                return equals.equalsIgnoreCase(absentMeans)
                        ? Optional.of(new Evidence(
                                hive,
                                key,
                                value,
                                null,
                                null,
                                null,
                                "no " + hive + " hive given: " + value + " not readable, the default " + absentMeans
                                        + " assumed"))
                        : Optional.empty();
            }
            Optional<Key> k = registry.key(path);
            if (k.isEmpty()) {
                return equals.equalsIgnoreCase(absentMeans)
                        ? Optional.of(Evidence.absentKey(
                                system ? registry.system() : registry.software(),
                                key,
                                "absent: " + value + " defaults to " + absentMeans))
                        : Optional.empty();
            }
            Optional<Value> v = k.get().value(value);
            String data = v.isPresent() && v.get().isString() ? v.get().asString() : null;
            String effective = v.isPresent() ? data : absentMeans;
            if (effective == null || !effective.trim().equalsIgnoreCase(equals)) {
                return Optional.empty();
            }
            return Optional.of(
                    v.isPresent()
                            ? Evidence.ofValue(k.get(), v.get(), value + " = " + equals)
                            : Evidence.absentValue(k.get(), value, "absent: defaults to " + absentMeans));
        }
    }

    /** A table without observed-socket rules (the bundled ones apply to observations). */
    public ExposureRules(String source, List<Rule> rules, List<GuiPath> guiPaths) {
        this(source, rules, guiPaths, null);
    }

    public ExposureRules {
        rules = List.copyOf(rules);
        guiPaths = guiPaths == null ? List.of() : List.copyOf(guiPaths);
    }

    /** The table shipped with PortMortem. */
    public static ExposureRules bundled() {
        return BundledResource.json(ExposureRules.class, RESOURCE, ExposureRules.class);
    }

    /** The rule a listener falls under, with the registry evidence of its condition. */
    private record Applied(Rule rule, List<Evidence> condition) {}

    /**
     * The findings the prediction alone raises, in rule order then by owning service.
     *
     * @param model the system model
     * @param registry the hives the model was read from, where the rules' registry conditions are read
     * @param exposure the prediction
     * @param hardening the hardening plan of the same hives, whose steps become the remediations
     */
    public List<Finding> findings(
            SystemModel model, RegistryScope registry, Exposure exposure, HardeningPlan hardening) {
        Map<String, List<Listener>> groups = new LinkedHashMap<>();
        Map<String, Applied> applied = new LinkedHashMap<>();
        for (Rule r : rules) {
            for (Listener l : exposure.listeners()) {
                if (isClaimed(l, groups) || !r.when().matches(l)) {
                    continue;
                }
                List<Evidence> condition = new ArrayList<>();
                if (r.registry() != null) {
                    Optional<Evidence> e = r.registry().holds(registry);
                    if (e.isEmpty()) {
                        continue;
                    }
                    condition.add(e.get());
                }
                String key = r.id() + ":"
                        + (l.owner().service() == null
                                ? l.owner().process()
                                : l.owner().service());
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(l);
                applied.putIfAbsent(key, new Applied(r, condition));
            }
        }
        List<Finding> out = new ArrayList<>();
        groups.forEach((key, listeners) -> out.add(finding(key, applied.get(key), listeners, hardening, model)));
        return out;
    }

    private static boolean isClaimed(Listener l, Map<String, List<Listener>> groups) {
        return groups.values().stream().anyMatch(g -> g.stream().anyMatch(x -> x == l));
    }

    private Finding finding(
            String id, Applied a, List<Listener> listeners, HardeningPlan hardening, SystemModel model) {
        Rule r = a.rule();
        Listener first = listeners.get(0);
        String inForce = first.firewall().inForce();
        boolean blocked = listeners.stream().allMatch(l -> l.firewall().blockedInForce())
                || (inForce == null && listeners.stream().allMatch(ExposureRules::blockedEverywhere));
        Severity severity = blocked ? r.severity().lower() : r.severity();
        Set<Evidence> evidence = new LinkedHashSet<>(a.condition());
        listeners.forEach(l -> evidence.addAll(l.evidence()));
        String endpoints = String.join(
                ", ",
                listeners.stream()
                        .map(l -> l.protocol() + " " + l.localEndpoint())
                        .toList());
        String where =
                inForce == null ? "every evaluated profile" : "the " + inForce + " profile, in force at the next boot";
        String description = r.description() + " Listeners: " + endpoints + ", owned by "
                + first.owner().display() + "."
                + (blocked
                        ? " The host firewall blocks them in " + where + ": one level lower than "
                                + r.severity().word() + "."
                        : "")
                + otherProfiles(listeners, inForce);
        String title = blocked ? blockedTitle(r.title(), inForce) : r.title();
        List<RemediationRef> remediations = new ArrayList<>();
        Set<String> mine = new HashSet<>();
        listeners.forEach(l -> mine.add(identity(l)));
        for (HardeningPlan.Step step : hardening.steps()) {
            if (step.closed().stream().anyMatch(l -> mine.contains(identity(l)))) {
                remediations.add(RemediationRef.to(step.remediation(), guiPath(step.remediation(), model)));
            }
        }
        for (Remediation extra : r.extraRemediations()) {
            remediations.add(RemediationRef.to(extra, guiPath(extra, model)));
        }
        return new Finding(
                "exposure." + id,
                severity,
                Finding.Basis.PREDICTION,
                title,
                description,
                listeners,
                List.of(),
                List.copyOf(evidence),
                remediations,
                r.justification());
    }

    /**
     * A rule's title for listeners the profile in force blocks: "reachable" would be false, so the
     * title says what is there and what blocks it.
     */
    static String blockedTitle(String title, String inForce) {
        String subject = title.replaceFirst("(?i)\\s*reachable\\b", "").trim();
        return subject + " listening, blocked by the host firewall"
                + (inForce == null ? " in every profile" : " (" + inForce + " profile, in force)");
    }

    /**
     * How the other profiles would judge the listeners, labelled as hypotheses: "if the machine were on
     * a public network: reachable (...)". Empty where only one profile was evaluated.
     */
    private static String otherProfiles(List<Listener> listeners, String inForce) {
        Map<String, Set<String>> byProfile = new LinkedHashMap<>();
        for (Listener l : listeners) {
            l.firewall().profiles().forEach((profile, d) -> {
                if (!profile.equals(inForce) && !profile.equals("all")) {
                    byProfile
                            .computeIfAbsent(profile, k -> new LinkedHashSet<>())
                            .add(d.reachability().word());
                }
            });
        }
        StringBuilder out = new StringBuilder();
        byProfile.forEach((profile, words) -> out.append(" If the machine were on ")
                .append(networkOf(profile))
                .append(" (")
                .append(profile)
                .append(" profile): ")
                .append(String.join(" or ", words))
                .append("."));
        return out.toString();
    }

    /** The network on which a profile applies, in words. */
    public static String networkOf(String profile) {
        return switch (profile) {
            case "Domain" -> "its domain's network";
            case "Standard" -> "a network outside a domain";
            case "Private" -> "a private network";
            case "Public" -> "a public network";
            default -> "a network of the " + profile + " profile";
        };
    }

    /** A listener as the hardening plan identifies it: protocol, IP version, address, port, owner. */
    private static String identity(Listener l) {
        return l.protocol() + " " + l.ipVersion() + " " + l.address() + " " + l.port() + " "
                + l.owner().service() + " " + l.owner().process();
    }

    private static boolean blockedEverywhere(Listener l) {
        Map<String, FirewallVerdict.Decision> p = l.firewall().profiles();
        return !p.isEmpty()
                && p.values().stream().allMatch(d -> d.reachability() == FirewallVerdict.Reachability.BLOCKED);
    }

    /**
     * The GUI path for what a remediation edits (services.msc for a disabled service, the WINS tab for
     * NetBIOS, dcomcnfg for DCOM), or {@code null} where the sources give none. A service is named as
     * services.msc lists it: by its DisplayName from the model, with the service name after it.
     */
    public String guiPath(Remediation r, SystemModel model) {
        for (GuiPath g : guiPaths) {
            if (r.serviceToDisable() != null && g.edit().equals("service-start")) {
                return g.path().replace("the service's", asListed(r.serviceToDisable(), model));
            }
            if (r.serviceToDisable() == null
                    && r.edits().stream().anyMatch(e -> e.value().equalsIgnoreCase(g.edit()))) {
                return g.path();
            }
        }
        return null;
    }

    /**
     * {@code IIS Admin Service (IISADMIN)}, or the service name alone where the DisplayName is absent,
     * indirect or the same.
     */
    private static String asListed(String service, SystemModel model) {
        return model.service(service)
                .map(s -> s.displayName().orElse(null))
                .filter(d -> !d.isIndirect() && !d.raw().isBlank() && !d.raw().equalsIgnoreCase(service))
                .map(d -> d.raw() + " (" + service + ")")
                .orElse(service);
    }
}
