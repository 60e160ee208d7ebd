package org.portmortem.exposure.firewall;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.FirewallProfile;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.FirewallVerdict.Decision;
import org.portmortem.exposure.FirewallVerdict.Reachability;
import org.portmortem.exposure.HostAtBoot;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.Mechanism;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;

/**
 * The host firewall's verdict on each listener, per profile.
 *
 * <ul>
 *   <li>Windows 2000, and XP before SP2: no host firewall the registry configures (ICF per
 *       connection on XP RTM/SP1, IPsec filters not evaluated) — reachable, saying so.
 *   <li>XP SP2 / 2003 SP1 ({@code SharedAccess} running): profiles {@code Domain} and
 *       {@code Standard} under {@code CS\Services\SharedAccess\Parameters\FirewallPolicy}, each with
 *       {@code EnableFirewall}, {@code DoNotAllowExceptions}, {@code GloballyOpenPorts\List}
 *       ({@code "port:proto"} → {@code "port:proto:scope:Enabled:name"}) and
 *       {@code AuthorizedApplications\List} ({@code path} → {@code "path:scope:Enabled:name"});
 *       the {@code SW\Policies\Microsoft\WindowsFirewall} copies override [XPFW-INF] [XPFW-GPO]; the
 *       policy-only exceptions ({@link PolicyException}: File and Printer Sharing, Remote Desktop, UPnP,
 *       remote administration) open or block their ports, and {@code AllowUserPrefMerge=0} under the
 *       policy's {@code GloballyOpenPorts} or {@code AuthorizedApplications} key makes the local list
 *       of that kind ignored [MS-GPFAS 2.2.3.12].
 *   <li>Vista+ ({@code MpsSvc}): profiles {@code Domain}, {@code Private} (stored as
 *       {@code StandardProfile}) and {@code Public}, {@code EnableFirewall},
 *       {@code DefaultInboundAction} (absent = block), and the {@code FirewallRules} strings;
 *       policy rules and settings override, and {@code AllowLocalPolicyMerge=0} drops local rules
 *       [GPFAS] [GPFAS-MERGE]. Block rules win over allow rules.
 * </ul>
 */
public final class HostFirewall {
    private static final String LOCAL = "CS\\Services\\SharedAccess\\Parameters\\FirewallPolicy";
    private static final String POLICY = "SW\\Policies\\Microsoft\\WindowsFirewall";

    private enum Generation {
        NONE,
        XP_SP2,
        VISTA
    }

    private final HostAtBoot host;
    private final RegistryScope reg;
    private final Generation generation;
    private final String noneReason;
    private final List<Evidence> noneEvidence = new ArrayList<>();
    private final Map<String, Profile> profiles = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private FirewallProfile inForce;

    /** A profile's switch settings. */
    private record Profile(
            String name,
            Boolean enabled,
            boolean noExceptions,
            boolean blockByDefault,
            boolean mergeLocal,
            List<Evidence> evidence,
            String localKey,
            String policyKey) {}

    /** A rule with where it came from. */
    private record Rule(FirewallRule rule, Cover cover, boolean fromPolicy, Evidence evidence) {}

    /**
     * What a rule covers, taken out of its fields once instead of for every listener it is matched
     * against: the protocol number, local ports, program (lower case) and service, each null or empty
     * for any, and the profiles (empty for all).
     */
    record Cover(
            String protocol, List<PortSpec> ports, String app, String service, List<String> profiles, int inProfiles) {
        /** The profiles this firewall has; bit i of {@code inProfiles} answers {@link #inProfile} for the i-th. */
        private static final List<String> PROFILE_NAMES = List.of("Domain", "Private", "Public", "Standard");

        static Cover of(FirewallRule r) {
            List<String> profiles = List.copyOf(r.all("Profile"));
            int in = 0;
            for (int i = 0; i < PROFILE_NAMES.size(); i++) {
                in |= listsProfile(profiles, PROFILE_NAMES.get(i)) ? 1 << i : 0;
            }
            return new Cover(
                    r.first("Protocol").orElse(null),
                    r.localPorts().stream().map(PortSpec::of).toList(),
                    r.first("App").map(a -> a.toLowerCase(Locale.ROOT)).orElse(null),
                    r.first("Svc").orElse(null),
                    profiles,
                    in);
        }

        /** Whether the rule applies in the profile: it names no profile, or this one (any case). */
        boolean inProfile(String profile) {
            int i = PROFILE_NAMES.indexOf(profile);
            return i >= 0 ? (inProfiles & 1 << i) != 0 : listsProfile(profiles, profile);
        }

        private static boolean listsProfile(List<String> profiles, String profile) {
            if (profiles.isEmpty()) {
                return true;
            }
            for (String p : profiles) {
                if (p.equalsIgnoreCase(profile)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * A rule string parsed, with what it covers; empty if the value does not hold one this firewall
     * applies (not a rule, not active and inbound, or narrowly scoped).
     */
    private record Parsed(FirewallRule rule, Cover cover) {}

    /**
     * Rule values parsed, by the {@link Value} they were parsed from (its name, type and data, as
     * {@link Value#equals} compares them: all a rule is parsed from), kept from one firewall to the
     * next. For predicting many states of one machine whose hives are copies edited in place (the
     * hardening plan), where most rule values are the same from one state to the next, also in another
     * copy of the same hives. Not thread-safe: one per thread.
     */
    public static final class ParsedRules {
        private final Map<Value, Optional<Parsed>> byValue = new HashMap<>();
    }

    private final ParsedRules parsed;

    public HostFirewall(HostAtBoot host) {
        this(host, new ParsedRules());
    }

    /**
     * The firewall of a host, taking the rules of values parsed before from {@code parsed} and adding
     * those it parses.
     */
    public HostFirewall(HostAtBoot host, ParsedRules parsed) {
        this.parsed = parsed;
        this.host = host;
        this.reg = host.registry();
        WindowsFamily f = host.family();
        if (f == WindowsFamily.WIN2000) {
            generation = Generation.NONE;
            noneReason = "Windows 2000 has no host firewall configured in the registry (IPsec filters not evaluated)";
        } else if (f == WindowsFamily.XP || f == WindowsFamily.SERVER_2003) {
            int sp = reg.servicePack();
            noneEvidence.add(reg.servicePackEvidence());
            boolean hasFirewall = f == WindowsFamily.XP ? sp >= 2 : sp >= 1;
            if (!hasFirewall) {
                generation = Generation.NONE;
                noneReason = "no Windows Firewall before XP SP2 / 2003 SP1 (Internet Connection Firewall is per"
                        + " connection and off by default)";
            } else if (host.unit("SharedAccess").isEmpty()) {
                generation = Generation.NONE;
                noneReason = "the Windows Firewall/ICS service (SharedAccess) does not run at boot";
            } else {
                generation = Generation.XP_SP2;
                noneReason = null;
                profile("Domain", "DomainProfile", "DomainProfile");
                profile("Standard", "StandardProfile", "StandardProfile");
                inForce = ProfileInForce.xp(reg);
            }
        } else {
            if (host.unit("MpsSvc").isEmpty()) {
                generation = Generation.NONE;
                noneReason = null;
                warnings.add("the Windows Firewall service (MpsSvc) is not in the boot plan: reachability unknown");
            } else {
                generation = Generation.VISTA;
                noneReason = null;
                profile("Domain", "DomainProfile", "DomainProfile");
                profile("Private", "StandardProfile", "PrivateProfile");
                profile("Public", "PublicProfile", "PublicProfile");
                loadRules();
                inForce = ProfileInForce.vista(reg);
            }
        }
        if (inForce == null) {
            inForce = FirewallProfile.none(
                    noneReason != null
                            ? noneReason
                            : "the Windows Firewall service (MpsSvc) does not run at boot: no profile applies",
                    noneEvidence);
        }
    }

    /** The profile in force at the next boot, with its reason and evidence. */
    public FirewallProfile profileInForce() {
        return inForce;
    }

    private void profile(String name, String localName, String policyName) {
        String local = LOCAL + "\\" + localName;
        String policy = POLICY + "\\" + policyName;
        List<Evidence> ev = new ArrayList<>();
        Boolean enabled = flag(local, policy, "EnableFirewall", ev, "1 = firewall on for this profile");
        Boolean noEx = generation == Generation.XP_SP2
                ? flag(local, policy, "DoNotAllowExceptions", ev, "1 = exceptions ignored")
                : Boolean.FALSE;
        boolean blockDefault = true;
        boolean merge = true;
        if (generation == Generation.VISTA) {
            Boolean inbound =
                    flag(local, policy, "DefaultInboundAction", ev, "1 = block inbound by default; absent = block");
            blockDefault = inbound == null || inbound;
            Optional<Value> m = reg.value(policy, "AllowLocalPolicyMerge").filter(Value::isNumber);
            if (m.isPresent()) {
                ev.add(reg.evidence(policy, "AllowLocalPolicyMerge", "0 = local rules are ignored"));
                merge = m.get().asInt() != 0;
            }
        }
        profiles.put(name, new Profile(name, enabled, noEx != null && noEx, blockDefault, merge, ev, local, policy));
    }

    /** A DWORD flag, the policy copy overriding the local one; null when neither is set. */
    private Boolean flag(String local, String policy, String value, List<Evidence> ev, String note) {
        Optional<Value> p = reg.value(policy, value).filter(Value::isNumber);
        if (p.isPresent()) {
            ev.add(reg.evidence(policy, value, "policy (overrides local): " + note));
            return p.get().asInt() != 0;
        }
        ev.add(reg.evidence(local, value, note));
        return reg.value(local, value)
                .filter(Value::isNumber)
                .map(v -> v.asInt() != 0)
                .orElse(null);
    }

    private void loadRules() {
        for (String[] src :
                new String[][] {{POLICY + "\\FirewallRules", "policy"}, {LOCAL + "\\FirewallRules", "local"}}) {
            Optional<Key> k = reg.key(src[0]);
            if (k.isEmpty()) {
                continue;
            }
            for (Value v : k.get().values()) {
                Optional<Parsed> r = parsed.byValue.computeIfAbsent(v, HostFirewall::parse);
                if (r.isPresent()) {
                    rules.add(new Rule(
                            r.get().rule(),
                            r.get().cover(),
                            src[1].equals("policy"),
                            Evidence.ofValue(k.get(), v, src[1] + " firewall rule")));
                }
            }
        }
    }

    private static Optional<Parsed> parse(Value v) {
        if (!v.isString()) {
            return Optional.empty();
        }
        return FirewallRule.parse(v.name(), v.asString())
                .filter(r -> r.activeInbound() && !r.narrowlyScoped())
                .map(r -> new Parsed(r, Cover.of(r)));
    }

    /** What could not be evaluated. */
    public List<String> warnings() {
        return warnings;
    }

    /** The verdict for one listener, per profile. */
    public FirewallVerdict verdict(Listener l) {
        Map<String, Decision> out = new LinkedHashMap<>();
        if (isLoopback(l.address())) {
            for (String p : profiles.isEmpty() ? List.of("all") : List.copyOf(profiles.keySet())) {
                out.put(
                        p,
                        new Decision(
                                Reachability.BLOCKED,
                                "bound to the loopback address: not reachable from the network",
                                List.of()));
            }
            return new FirewallVerdict(out, inForce.profile());
        }
        if (generation == Generation.NONE) {
            if (noneReason == null) {
                out.put(
                        "all",
                        new Decision(
                                Reachability.UNKNOWN,
                                reg.software() == null
                                        ? "SOFTWARE hive not supplied: firewall generation unknown"
                                        : "Windows Firewall service not running at boot: enforcement unknown",
                                noneEvidence));
            } else {
                out.put("all", new Decision(Reachability.REACHABLE, noneReason, noneEvidence));
            }
            return new FirewallVerdict(out);
        }
        for (Profile p : profiles.values()) {
            Decision d = generation == Generation.XP_SP2 ? xpDecision(p, l) : vistaDecision(p, l);
            out.put(p.name(), reg.software() == null ? withoutPolicy(d) : d);
        }
        return new FirewallVerdict(out, inForce.profile());
    }

    /**
     * Without the SOFTWARE hive the Group Policy copies, which override the local settings, are
     * unknown: the decision stands on the local settings and says so.
     */
    private Decision withoutPolicy(Decision d) {
        List<Evidence> ev = new ArrayList<>(d.evidence());
        ev.add(reg.evidence(POLICY, "EnableFirewall", "Group Policy firewall settings override the local ones"));
        return new Decision(
                d.reachability(),
                d.decidedBy() + " (local settings only: SOFTWARE hive not supplied, so"
                        + " Group Policy firewall settings, which override them, were not checked)",
                ev);
    }

    private static boolean isLoopback(String a) {
        return a.startsWith("127.") || a.equals("::1");
    }

    private Decision xpDecision(Profile p, Listener l) {
        if (p.enabled() != null && !p.enabled()) {
            return new Decision(Reachability.REACHABLE, p.name() + " profile: EnableFirewall=0", p.evidence());
        }
        String on = p.enabled() == null ? "EnableFirewall absent (on by default since XP SP2)" : "EnableFirewall=1";
        if (p.noExceptions()) {
            return new Decision(
                    Reachability.BLOCKED, p.name() + " profile: " + on + ", DoNotAllowExceptions=1", p.evidence());
        }
        Optional<Decision> byPolicy = policyException(p, l, on);
        if (byPolicy.isPresent()) {
            return byPolicy.get();
        }
        List<Evidence> ignoredLocal = new ArrayList<>();
        if (!l.dynamic()) {
            String name = l.port() + ":" + l.protocol().name();
            for (String base : lists(p, "GloballyOpenPorts", ignoredLocal)) {
                Optional<Key> list = reg.key(base + "\\GloballyOpenPorts\\List");
                Optional<Value> v = list.flatMap(k -> k.value(name));
                if (v.isPresent() && v.get().isString()) {
                    String[] f = v.get().asString().split(":");
                    boolean enabled = f.length > 3 && f[3].equalsIgnoreCase("Enabled");
                    String scope = f.length > 2 ? f[2] : "*";
                    Evidence ev = Evidence.ofValue(list.get(), v.get(), "port exception");
                    List<Evidence> all = new ArrayList<>(p.evidence());
                    all.add(ev);
                    if (enabled) {
                        return new Decision(
                                Reachability.REACHABLE,
                                p.name() + " profile: port exception " + name
                                        + (scope.equals("*") ? "" : " (scope " + scope + ")"),
                                all);
                    }
                    return new Decision(
                            Reachability.BLOCKED,
                            p.name() + " profile: " + on + ", port exception " + name + " disabled",
                            all);
                }
            }
        }
        String image = l.owner().process().toLowerCase(Locale.ROOT);
        for (String base : lists(p, "AuthorizedApplications", ignoredLocal)) {
            Optional<Key> list = reg.key(base + "\\AuthorizedApplications\\List");
            if (list.isEmpty()) {
                continue;
            }
            for (Value v : list.get().values()) {
                String path = v.name().toLowerCase(Locale.ROOT);
                if (!path.endsWith("\\" + image) || !v.isString()) {
                    continue;
                }
                boolean enabled = v.asString().toLowerCase(Locale.ROOT).contains(":enabled:");
                List<Evidence> all = new ArrayList<>(p.evidence());
                all.add(Evidence.ofValue(list.get(), v, "program exception"));
                return new Decision(
                        enabled ? Reachability.REACHABLE : Reachability.BLOCKED,
                        p.name() + " profile: program exception for " + v.name() + (enabled ? "" : " disabled"),
                        all);
            }
        }
        List<Evidence> all = new ArrayList<>(p.evidence());
        all.addAll(ignoredLocal);
        return new Decision(
                Reachability.BLOCKED,
                p.name() + " profile: " + on + ", no exception for this port or program"
                        + (ignoredLocal.isEmpty()
                                ? ""
                                : " (local exception lists ignored: policy AllowUserPrefMerge=0)"),
                all);
    }

    /**
     * The policy-only exceptions: one that is on and covers the listener opens it (with its scope); one
     * the policy disables blocks its ports even where a local exception opens them.
     */
    private Optional<Decision> policyException(Profile p, Listener l, String on) {
        for (boolean enabled : new boolean[] {true, false}) {
            for (PolicyException x : PolicyException.ALL) {
                String key = p.policyKey() + "\\" + x.key();
                Optional<Value> v = reg.value(key, "Enabled").filter(Value::isNumber);
                if (v.isEmpty()
                        || (v.get().asInt() != 0) != enabled
                        || !x.covers(l)
                        || (!enabled && !x.disabledBlocks())) {
                    continue;
                }
                List<Evidence> ev = new ArrayList<>(p.evidence());
                ev.add(reg.evidence(key, "Enabled", "policy " + x.name() + " exception: 1 = on, 0 = disabled"));
                if (enabled) {
                    ev.add(reg.evidence(key, "RemoteAddresses", "the exception's scope"));
                    String scope = reg.value(key, "RemoteAddresses")
                            .filter(Value::isString)
                            .map(Value::asString)
                            .orElse("*");
                    return Optional.of(new Decision(
                            Reachability.REACHABLE,
                            p.name() + " profile: policy " + x.name() + " exception"
                                    + (scope.equals("*") ? "" : " (scope " + scope + ")"),
                            ev));
                }
                return Optional.of(new Decision(
                        Reachability.BLOCKED,
                        p.name() + " profile: " + on + ", policy disables the " + x.name()
                                + " exception (local exceptions for its ports are not honoured)",
                        ev));
            }
        }
        return Optional.empty();
    }

    /**
     * The exception lists of a kind to consult, policy first: the local one is dropped when the policy's
     * {@code AllowUserPrefMerge} of that kind is 0 (the evidence of which goes to {@code ignored}).
     */
    private List<String> lists(Profile p, String kind, List<Evidence> ignored) {
        String policyKind = p.policyKey() + "\\" + kind;
        Optional<Value> merge = reg.value(policyKind, "AllowUserPrefMerge").filter(Value::isNumber);
        if (merge.isPresent() && merge.get().asInt() == 0) {
            ignored.add(reg.evidence(policyKind, "AllowUserPrefMerge", "0 = local " + kind + " entries are ignored"));
            return List.of(p.policyKey());
        }
        return List.of(p.policyKey(), p.localKey());
    }

    private Decision vistaDecision(Profile p, Listener l) {
        if (p.enabled() != null && !p.enabled()) {
            return new Decision(Reachability.REACHABLE, p.name() + " profile: EnableFirewall=0", p.evidence());
        }
        Rule allow = null;
        for (Rule r : rules) {
            if ((!r.fromPolicy() && !p.mergeLocal()) || !r.cover().inProfile(p.name()) || !matches(r.cover(), l)) {
                continue;
            }
            if (!r.rule().allows()) {
                List<Evidence> ev = new ArrayList<>(p.evidence());
                ev.add(r.evidence());
                return new Decision(
                        Reachability.BLOCKED,
                        p.name() + " profile: block rule " + r.rule().displayName(),
                        ev);
            }
            if (allow == null) {
                allow = r;
            }
        }
        if (allow != null) {
            List<Evidence> ev = new ArrayList<>(p.evidence());
            ev.add(allow.evidence());
            String ra = String.join(",", allow.rule().all("RA4"));
            return new Decision(
                    Reachability.REACHABLE,
                    p.name() + " profile: allow rule " + allow.rule().displayName()
                            + (ra.isEmpty() || ra.equals("*") ? "" : " (remote addresses " + ra + ")"),
                    ev);
        }
        if (!p.blockByDefault()) {
            return new Decision(
                    Reachability.REACHABLE, p.name() + " profile: DefaultInboundAction=0 (allow)", p.evidence());
        }
        return new Decision(
                Reachability.BLOCKED,
                p.name() + " profile: firewall on, no allow rule matches (default block)",
                p.evidence());
    }

    /**
     * One local-port entry of a rule, read once: {@code RPC}, {@code RPC-EPMap} (any case), a port or a
     * range {@code low-high} (as {@link Integer#parseInt} reads each number), or text that matches no
     * port. Matching was parsing the text again for every listener, rule and state.
     */
    record PortSpec(Kind kind, int low, int high) {
        enum Kind {
            RPC,
            RPC_EPMAP,
            PORTS,
            NONE
        }

        static PortSpec of(String spec) {
            if (spec.equalsIgnoreCase("RPC")) {
                return new PortSpec(Kind.RPC, 0, 0);
            }
            if (spec.equalsIgnoreCase("RPC-EPMap")) {
                return new PortSpec(Kind.RPC_EPMAP, 0, 0);
            }
            try {
                int dash = spec.indexOf('-');
                if (dash > 0) {
                    return new PortSpec(
                            Kind.PORTS,
                            Integer.parseInt(spec.substring(0, dash)),
                            Integer.parseInt(spec.substring(dash + 1)));
                }
                int port = Integer.parseInt(spec);
                return new PortSpec(Kind.PORTS, port, port);
            } catch (NumberFormatException e) {
                return new PortSpec(Kind.NONE, 0, 0);
            }
        }

        boolean matches(Listener l) {
            return switch (kind) {
                case RPC -> l.mechanism().kind() == Mechanism.Kind.DYNAMIC_RPC;
                case RPC_EPMAP -> l.mechanism().kind() == Mechanism.Kind.ENDPOINT_MAPPER;
                case PORTS -> !l.dynamic() && l.port() >= low && l.port() <= high;
                case NONE -> false;
            };
        }
    }

    /** Whether a rule covers the listener: protocol, local port (numbers, ranges, RPC keywords), program, service. */
    private static boolean matches(Cover c, Listener l) {
        if (c.protocol() != null && !c.protocol().equals(l.protocol() == Protocol.TCP ? "6" : "17")) {
            return false;
        }
        if (!c.ports().isEmpty()) {
            boolean any = false;
            for (PortSpec p : c.ports()) {
                if (p.matches(l)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        if (c.app() != null) {
            String a = c.app();
            String image = l.owner().process().toLowerCase(Locale.ROOT);
            boolean ok = a.equals("system") ? image.equals("system") : a.endsWith("\\" + image) || a.equals(image);
            if (!ok) {
                return false;
            }
        }
        String svc = c.service();
        if (svc != null && !svc.equals("*")) {
            return l.owner().service() != null && svc.equalsIgnoreCase(l.owner().service());
        }
        return true;
    }
}
