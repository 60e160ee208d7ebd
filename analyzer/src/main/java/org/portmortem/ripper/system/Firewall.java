package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.firewall.FirewallRule;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code firewall}: the local Windows Firewall configuration in SYSTEM, which RegRipper has no plugin
 * for: each profile's switches ({@code EnableFirewall}, {@code DoNotAllowExceptions},
 * {@code DefaultInboundAction}, …), the XP SP2 / 2003 exception lists
 * ({@code GloballyOpenPorts\List}, {@code AuthorizedApplications\List}) and the Vista+
 * {@code FirewallRules} (with the service-hardening rules under {@code RestrictedServices}), one fact per rule with its action, direction, protocol, ports, program,
 * service and profiles, parsed as the exposure engine parses them ({@link FirewallRule}). The Group
 * Policy copies live in SOFTWARE and are not read here.
 */
public final class Firewall extends SystemPlugin {
    static final String POLICY = "Services\\SharedAccess\\Parameters\\FirewallPolicy";
    private static final List<String> SWITCHES = List.of("EnableFirewall", "DoNotAllowExceptions",
            "DefaultInboundAction", "DefaultOutboundAction", "DisableNotifications", "DisableUnicastResponsesToMulticastBroadcast");
    private static final List<String> RULE_FIELDS = List.of("Action", "Active", "Dir", "Protocol", "LPort", "RPort",
            "LA4", "RA4", "App", "Svc", "Profile", "Name");

    /** The plugin. */
    public Firewall() {
        super("firewall", "Lists Windows Firewall profiles, exception lists and rules (local, SYSTEM)", "");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> policy = context.controlSetKey(POLICY);
        if (policy.isEmpty()) {
            return KeyFacts.onlyAbsent(context, POLICY);
        }
        List<RipFact> facts = new ArrayList<>();
        for (Key profile : policy.get().subkeys()) {
            if (!profile.name().toLowerCase(Locale.ROOT).endsWith("profile")) {
                continue;
            }
            String group = profile.path();
            for (String name : SWITCHES) {
                profile.value(name).ifPresent(v -> facts.add(RipFact.ofValue(group, profile, v, name, RegRipperData.of(v))));
            }
            for (String list : List.of("GloballyOpenPorts\\List", "AuthorizedApplications\\List")) {
                profile.key(list).ifPresent(k -> k.values().forEach(v ->
                        facts.add(RipFact.ofValue(k.path(), k, v, v.name(), RegRipperData.of(v)))));
            }
        }
        ruleKeys(policy.get(), facts);
        return facts;
    }

    /** Every FirewallRules key below the policy: the local rules and the service-hardening ones (RestrictedServices). */
    private static void ruleKeys(Key k, List<RipFact> facts) {
        for (Key sub : k.subkeys()) {
            if (sub.name().equalsIgnoreCase("FirewallRules")) {
                rules(sub, facts);
            } else {
                ruleKeys(sub, facts);
            }
        }
    }

    private static void rules(Key k, List<RipFact> facts) {
        for (Value v : k.values()) {
            Optional<FirewallRule> rule = v.isString() ? FirewallRule.parse(v.name(), v.asString()) : Optional.empty();
            String data = rule.map(Firewall::summary).orElse("not a rule string: " + RegRipperData.of(v));
            facts.add(new RipFact(k.path(), v.name(), data, k.lastWritten().orElse(null),
                    Evidence.ofValue(k, v, "firewall rule")));
        }
    }

    /** The rule's fields that say what it lets in or out, e.g. {@code Action=Allow Dir=In Protocol=6 LPort=3389}. */
    static String summary(FirewallRule r) {
        List<String> parts = new ArrayList<>();
        for (String field : RULE_FIELDS) {
            List<String> values = r.all(field);
            if (!values.isEmpty()) {
                parts.add(field + "=" + String.join(",", values));
            }
        }
        return String.join(" ", parts);
    }
}
