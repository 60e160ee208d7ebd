package org.portmortem.ripper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.firewall.FirewallRule;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * {@code firewall}: the Windows Firewall configuration, which RegRipper has no plugin for, from
 * whichever of the two hives that hold it it is given.
 *
 * <ul>
 *   <li>SYSTEM: the local settings, {@code ControlSet00N\Services\SharedAccess\Parameters\FirewallPolicy}
 *       below the control set in use.
 *   <li>SOFTWARE: the copies Group Policy writes, {@code Policies\Microsoft\WindowsFirewall}, which
 *       take precedence over the local ones; their absence (no firewall policy) is stated.
 * </ul>
 *
 * Both stores have the same layout: values of the store key itself (global settings), one key per
 * profile ({@code DomainProfile}, {@code StandardProfile} — XP's standard profile and Vista's
 * private one locally, XP's in policy — {@code PublicProfile}, and in policy {@code PrivateProfile}),
 * each with its switches ({@code EnableFirewall}, {@code DoNotAllowExceptions},
 * {@code DefaultInboundAction}, in policy {@code AllowLocalPolicyMerge}, …) and subkeys (XP's
 * {@code GloballyOpenPorts\List} and {@code AuthorizedApplications\List} exception lists,
 * {@code Logging}, …), and the Vista+ {@code FirewallRules}. Every value of the store key and of each
 * profile key and its subkeys is a fact with its data as stored (a key with no values and no subkeys
 * is one fact saying so, its existence being the fact); a profile key the store may hold but does not,
 * and a missing {@code FirewallRules} key, are absent-key facts; every {@code FirewallRules} key below the store (locally also the
 * service-hardening ones under {@code RestrictedServices}) gives one fact per rule with its action,
 * direction, protocol, ports, program, service and profiles, parsed as the exposure engine parses
 * them ({@link FirewallRule}).
 *
 * <p>Policy layout from Microsoft's [MS-GPFAS]: section 2.2.3.13 names the profile keys
 * {@code Software\Policies\Microsoft\WindowsFirewall\DomainProfile}, {@code PrivateProfile},
 * {@code PublicProfile} and the pre-Vista {@code StandardProfile}
 * (learn.microsoft.com/openspecs/windows_protocols/ms-gpfas/2c979624-900a-4b6e-b4ef-09b387cd62ab);
 * section 2.2.2.19 stores policy rules as REG_SZ values of
 * {@code Software\Policies\Microsoft\WindowsFirewall\FirewallRules}, named by rule id
 * (ms-gpfas/2efe0b76-7b4a-41ff-9050-1023f8196d16). The value names are those of the local store; the
 * XP SP2 template also writes {@code GloballyOpenPorts\AllowUserPrefMerge} and
 * {@code Services\FileAndPrint} (Enabled, RemoteAddresses), reported like any other value.
 */
public final class Firewall extends DeclaredPlugin {
    /** The local store, below the control set in use. */
    static final String LOCAL = "Services\\SharedAccess\\Parameters\\FirewallPolicy";
    /** The Group Policy store, from the SOFTWARE hive's root. */
    static final String POLICY = "Policies\\Microsoft\\WindowsFirewall";

    private static final String RULES = "FirewallRules";
    private static final List<String> RULE_FIELDS = List.of(
            "Action", "Active", "Dir", "Protocol", "LPort", "RPort", "LA4", "RA4", "App", "Svc", "Profile", "Name");

    /**
     * One of the two places the settings are stored.
     *
     * @param profiles the profile keys the store may hold, each stated absent when it does not
     * @param note what each fact read from it means, for its evidence
     * @param absent what a key missing from it means, for its evidence
     */
    private record Store(List<String> profiles, String note, String absent) {}

    private static final Store LOCAL_STORE = new Store(
            List.of("DomainProfile", "StandardProfile", "PublicProfile"),
            "local setting (SYSTEM); a Group Policy copy in SOFTWARE takes precedence",
            "key not found: no local setting here");
    private static final Store POLICY_STORE = new Store(
            List.of("DomainProfile", "StandardProfile", "PrivateProfile", "PublicProfile"),
            "Group Policy setting (SOFTWARE): takes precedence over the local one in SYSTEM",
            "key not found: Group Policy sets nothing here, the local setting in SYSTEM applies");

    /** The plugin. */
    public Firewall() {
        super(
                "firewall",
                List.of(HiveType.SYSTEM, HiveType.SOFTWARE),
                "Lists Windows Firewall profiles, exception lists and rules (local in System, Group Policy in Software)",
                "");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        if (context.hiveType() == HiveType.SOFTWARE) {
            return read(context, POLICY, context.hive().key(POLICY), POLICY_STORE);
        }
        return read(context, context.controlSetPath(LOCAL), context.controlSetKey(LOCAL), LOCAL_STORE);
    }

    private static List<RipFact> read(RipContext context, String path, Optional<Key> root, Store store) {
        if (root.isEmpty()) {
            return List.of(absentKey(context, path, store));
        }
        List<RipFact> facts = new ArrayList<>();
        root.get().values().forEach(v -> facts.add(value(root.get(), v, store)));
        List<String> seen = new ArrayList<>();
        for (String name : store.profiles()) {
            Optional<Key> profile = root.get().subkey(name);
            if (profile.isPresent()) {
                everyValue(profile.get(), store, facts);
                seen.add(profile.get().name().toLowerCase(Locale.ROOT));
            } else {
                facts.add(absentKey(context, path + "\\" + name, store));
            }
        }
        for (Key other : root.get().subkeys()) {
            String lower = other.name().toLowerCase(Locale.ROOT);
            if (lower.endsWith("profile") && !seen.contains(lower)) {
                everyValue(other, store, facts); // a profile key this store is not known to hold: still reported
            }
        }
        if (root.get().subkey(RULES).isEmpty()) {
            facts.add(absentKey(context, path + "\\" + RULES, store));
        }
        ruleKeys(root.get(), store, facts);
        return facts;
    }

    private static RipFact absentKey(RipContext context, String path, Store store) {
        return new RipFact(path, path, null, null, Evidence.absentKey(context.hive(), path, store.absent()));
    }

    private static RipFact value(Key k, Value v, Store store) {
        return new RipFact(
                k.path(),
                v.name(),
                RegRipperData.of(v),
                k.lastWritten().orElse(null),
                Evidence.ofValue(k, v, store.note()));
    }

    /** Every value of a key and its subkeys, key by key; a key with neither says so, since its existence is the fact. */
    private static void everyValue(Key k, Store store, List<RipFact> facts) {
        if (k.values().isEmpty() && k.subkeys().isEmpty()) {
            facts.add(new RipFact(
                    k.path(),
                    "values",
                    "none",
                    k.lastWritten().orElse(null),
                    Evidence.ofKey(k, "key present without values: nothing set here; " + store.note())));
            return;
        }
        k.values().forEach(v -> facts.add(value(k, v, store)));
        k.subkeys().forEach(s -> everyValue(s, store, facts));
    }

    /** Every FirewallRules key below the store: its own rules and the service-hardening ones (RestrictedServices). */
    private static void ruleKeys(Key k, Store store, List<RipFact> facts) {
        for (Key sub : k.subkeys()) {
            if (sub.name().equalsIgnoreCase(RULES)) {
                rules(sub, store, facts);
            } else if (!sub.name().toLowerCase(Locale.ROOT).endsWith("profile")) {
                ruleKeys(sub, store, facts);
            }
        }
    }

    private static void rules(Key k, Store store, List<RipFact> facts) {
        for (Value v : k.values()) {
            Optional<FirewallRule> rule = v.isString() ? FirewallRule.parse(v.name(), v.asString()) : Optional.empty();
            String data = rule.map(Firewall::summary).orElse("not a rule string: " + RegRipperData.of(v));
            facts.add(new RipFact(
                    k.path(),
                    v.name(),
                    data,
                    k.lastWritten().orElse(null),
                    Evidence.ofValue(k, v, "firewall rule; " + store.note())));
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
