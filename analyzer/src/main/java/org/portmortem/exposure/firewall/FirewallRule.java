package org.portmortem.exposure.firewall;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Vista+ firewall rule string, e.g.
 * {@code v2.30|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Private|LPort=2869|App=System|Name=...|}
 * ([GPFAS] 2.2.2.19 grammar). Fields may repeat (several {@code LPort} or {@code Profile}); an
 * absent field means "any".
 *
 * @param id the value name the rule is stored under
 * @param fields field name (upper case) → values in order
 */
public record FirewallRule(String id, Map<String, List<String>> fields) {

    /** Parses a rule string; empty if it is not one (no version prefix). */
    public static Optional<FirewallRule> parse(String id, String text) {
        if (text == null || !text.startsWith("v")) {
            return Optional.empty();
        }
        Map<String, List<String>> f = new LinkedHashMap<>();
        String[] parts = text.split("\\|");
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            f.computeIfAbsent(parts[i].substring(0, eq).toUpperCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(parts[i].substring(eq + 1));
        }
        return Optional.of(new FirewallRule(id, f));
    }

    /** The first value of a field, if present. */
    public Optional<String> first(String field) {
        List<String> v = fields.get(field.toUpperCase(Locale.ROOT));
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** All values of a field (empty = any). */
    public List<String> all(String field) {
        return fields.getOrDefault(field.toUpperCase(Locale.ROOT), List.of());
    }

    /** True for an active inbound rule. */
    public boolean activeInbound() {
        return first("Active").map("TRUE"::equalsIgnoreCase).orElse(true)
                && first("Dir").map("In"::equalsIgnoreCase).orElse(false);
    }

    /** True for an allow rule (Allow or AllowBypass). */
    public boolean allows() {
        return first("Action")
                .map(a -> a.toLowerCase(Locale.ROOT).startsWith("allow"))
                .orElse(false);
    }

    /**
     * True if the rule is scoped to something other than a service or program on any interface: an
     * app-container package ({@code AppPkgId}), or a trust-tuple keyword ({@code TTK}, {@code TTK2_*},
     * e.g. Wi-Fi Direct only). Such rules do not decide for a system listener in general.
     */
    public boolean narrowlyScoped() {
        return fields.keySet().stream().anyMatch(k -> k.equals("APPPKGID") || k.startsWith("TTK"));
    }

    /**
     * Every local-port entry: {@code LPort} and the versioned keyword fields ({@code LPort2_10},
     * {@code LPort2_20}, ...) that newer rule grammars use for keywords such as {@code IPHTTPSIn}.
     */
    public List<String> localPorts() {
        List<String> out = new ArrayList<>();
        fields.forEach((k, v) -> {
            if (k.equals("LPORT") || k.startsWith("LPORT2")) {
                out.addAll(v);
            }
        });
        return out;
    }

    /** True if the rule applies to the profile (Domain, Private, Public); no Profile field = all. */
    public boolean inProfile(String profile) {
        List<String> p = all("Profile");
        return p.isEmpty() || p.stream().anyMatch(s -> s.equalsIgnoreCase(profile));
    }

    /** The name to show: the Name field unless it is an indirect resource string, else the id. */
    public String displayName() {
        return first("Name").filter(n -> !n.startsWith("@")).orElse(id);
    }
}
