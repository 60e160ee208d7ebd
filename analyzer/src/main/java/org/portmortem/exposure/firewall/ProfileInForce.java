package org.portmortem.exposure.firewall;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.FirewallProfile;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.hive.Key;
import org.portmortem.hive.SystemTime;
import org.portmortem.hive.Value;

/**
 * Which firewall profile applies after the next boot, decided from the hives.
 *
 * <ul>
 *   <li>XP SP2 / 2003 SP1: the Domain profile only for a member of a domain (and only while it is on
 *       a network of that domain: the DNS suffix of the last Group Policy update, {@code Group
 *       Policy\History\NetworkName}, matches a connection's suffix); a computer that is not a domain
 *       member always uses the Standard profile. Sources: Microsoft, "The Cable Guy - May 2004:
 *       Network Determination Behavior for Network-Related Group Policy Settings"
 *       (https://technet.microsoft.com/library/bb878049); Microsoft KB 897100 ("In a Windows NT 4.0
 *       domain, the computer always loads the standard profile").
 *   <li>Vista and later: one profile per network category; a domain member on its domain's network
 *       is Domain; otherwise the category Network List Manager stored for the network,
 *       {@code SOFTWARE\Microsoft\Windows NT\CurrentVersion\NetworkList\Profiles\{GUID}\Category}:
 *       0 public, 1 private, 2 domain authenticated (NLM_NETWORK_CATEGORY,
 *       https://learn.microsoft.com/windows/win32/api/netlistmgr/ne-netlistmgr-nlm_network_category);
 *       the network connected most recently ({@code DateLastConnected}, a SYSTEMTIME) is the one the
 *       machine most likely boots on. A network not classified is Public, the most restrictive
 *       profile ([MS-FASP] 2.2.2 FW_PROFILE_TYPE,
 *       https://learn.microsoft.com/openspecs/windows_protocols/ms-fasp/7704e238-174d-4a5e-b809-5f3787dd8acc).
 * </ul>
 *
 * <p>Domain membership, from what the hives keep of it (no SECURITY hive is read): a domain
 * controller ({@code ProductOptions\ProductType = LanmanNT}); the Group Policy state of a machine
 * object ({@code Group Policy\State\Machine\Distinguished-Name}, Vista+); the DNS suffix of the last
 * domain Group Policy update ({@code Group Policy\History\NetworkName}); cached domain logon data
 * ({@code Winlogon\DomainCache}); the Netlogon site ({@code Netlogon\Parameters\DynamicSiteName}).
 * Each of these alone decides. Weaker signs — Netlogon starting automatically, a primary DNS suffix
 * ({@code Tcpip\Parameters\Domain}), a default logon domain that is not the computer's own name — decide
 * only two together.
 */
public final class ProfileInForce {
    private static final String GP = "SW\\Microsoft\\Windows\\CurrentVersion\\Group Policy";
    private static final String WINLOGON = "SW\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon";
    private static final String NETWORK_LIST = "SW\\Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles";

    private ProfileInForce() {}

    /** Domain membership as decided, with every fact looked at. */
    record Membership(boolean member, List<String> signs, List<Evidence> evidence) {}

    /** XP SP2 / 2003 SP1: Domain for a domain member, Standard otherwise. */
    static FirewallProfile xp(RegistryScope reg) {
        Membership m = membership(reg);
        if (m.member()) {
            return new FirewallProfile(
                    "Domain",
                    "a member of a domain (" + String.join("; ", m.signs()) + "): Windows"
                            + " Firewall uses the Domain profile while the machine is on its domain's network, assumed for the"
                            + " next boot (on any other network it uses the Standard profile)",
                    m.evidence());
        }
        return new FirewallProfile(
                "Standard",
                "not a member of a domain" + signs(m) + ": Windows Firewall of XP SP2 /"
                        + " 2003 SP1 uses the Standard profile on every network" + noSoftware(reg),
                m.evidence());
    }

    /** Vista and later: Domain for a domain member, else the category of the most recently connected network. */
    static FirewallProfile vista(RegistryScope reg) {
        Membership m = membership(reg);
        if (m.member()) {
            return new FirewallProfile(
                    "Domain",
                    "a member of a domain (" + String.join("; ", m.signs()) + "): the"
                            + " Domain profile applies on a network where its domain controllers authenticate, assumed for the"
                            + " next boot",
                    m.evidence());
        }
        List<Evidence> ev = new ArrayList<>(m.evidence());
        if (reg.software() == null) {
            ev.add(keyEvidence(reg, NETWORK_LIST, "network categories (SOFTWARE hive)"));
            return new FirewallProfile(
                    "Public",
                    "not known to be a domain member" + signs(m) + "; the SOFTWARE hive,"
                            + " where the network categories are kept, was not supplied: a network Windows has not classified"
                            + " is Public",
                    ev);
        }
        Optional<Key> profiles = reg.key(NETWORK_LIST);
        Key latest = null;
        SystemTime latestWhen = null;
        for (Key p : profiles.map(Key::subkeys).orElse(List.of())) {
            Optional<Value> cat = p.value("Category").filter(Value::isNumber);
            if (cat.isEmpty()) {
                continue;
            }
            // A profile without a readable DateLastConnected sorts before every dated one.
            SystemTime when =
                    p.value("DateLastConnected").flatMap(Value::asSystemTime).orElse(NEVER);
            if (latest == null || when.compareTo(latestWhen) > 0) {
                latest = p;
                latestWhen = when;
            }
        }
        if (latest == null) {
            ev.add(keyEvidence(reg, NETWORK_LIST, "no network profile with a Category"));
            return new FirewallProfile(
                    "Public",
                    "not known to be a domain member" + signs(m) + "; no network has a"
                            + " stored category: a network Windows has not classified is Public",
                    ev);
        }
        int category = latest.value("Category").get().asInt();
        String name = latest.value("ProfileName")
                .filter(Value::isString)
                .map(Value::asString)
                .orElse(latest.name());
        ev.add(Evidence.ofValueOrAbsent(latest, "Category", "network category: 0 public, 1 private, 2 domain"));
        ev.add(Evidence.ofValueOrAbsent(latest, "DateLastConnected", "most recently connected network"));
        String profile = switch (category) {
            case 1 -> "Private";
            case 2 -> "Domain";
            default -> "Public";
        };
        int count = profiles.get().subkeys().size();
        return new FirewallProfile(
                profile,
                "network \"" + name + "\", the most recently connected of " + count
                        + " known network(s), has Category " + category + " (" + profile.toLowerCase(Locale.ROOT) + ")"
                        + (category > 2 || category < 0 ? ": not a known category, treated as Public" : ""),
                ev);
    }

    private static String signs(Membership m) {
        return m.signs().isEmpty() ? "" : " (only " + String.join("; ", m.signs()) + ")";
    }

    private static String noSoftware(RegistryScope reg) {
        return reg.software() == null
                ? " (SOFTWARE hive not supplied: its Group Policy and cached-domain facts were" + " not checked)"
                : "";
    }

    /** The facts of domain membership the hives keep, strong ones deciding alone, weak ones two together. */
    static Membership membership(RegistryScope reg) {
        List<String> strong = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        List<Evidence> ev = new ArrayList<>();
        String computer = text(reg, "CS\\Control\\ComputerName\\ComputerName", "ComputerName");

        ev.add(reg.evidence("CS\\Control\\ProductOptions", "ProductType", "LanmanNT = domain controller"));
        if ("LanmanNT".equalsIgnoreCase(text(reg, "CS\\Control\\ProductOptions", "ProductType"))) {
            strong.add("a domain controller (ProductType LanmanNT)");
        }
        ev.add(reg.evidence(
                "CS\\Services\\Netlogon\\Parameters",
                "DynamicSiteName",
                "the Active Directory site Netlogon found: domain members only"));
        String site = text(reg, "CS\\Services\\Netlogon\\Parameters", "DynamicSiteName");
        if (site != null && !site.isBlank()) {
            strong.add("Netlogon's Active Directory site " + site.trim());
        }
        ev.add(reg.evidence(
                "CS\\Services\\Netlogon", "Start", "2 = automatic (domain members), 3 = manual (workgroup)"));
        if (reg.value("CS\\Services\\Netlogon", "Start")
                .filter(Value::isNumber)
                .map(v -> v.asInt() == 2)
                .orElse(false)) {
            weak.add("Netlogon starts automatically");
        }
        ev.add(reg.evidence("CS\\Services\\Tcpip\\Parameters", "Domain", "primary DNS suffix"));
        String suffix = text(reg, "CS\\Services\\Tcpip\\Parameters", "Domain");
        if (suffix != null && !suffix.isBlank()) {
            weak.add("primary DNS suffix " + suffix.trim());
        }
        if (reg.software() != null) {
            ev.add(reg.evidence(
                    GP + "\\State\\Machine", "Distinguished-Name", "the computer's object in the directory"));
            String dn = text(reg, GP + "\\State\\Machine", "Distinguished-Name");
            if (dn != null && !dn.isBlank()) {
                strong.add("Group Policy machine object " + dn.trim());
            }
            ev.add(reg.evidence(GP + "\\History", "NetworkName", "DNS suffix of the last domain Group Policy update"));
            String network = text(reg, GP + "\\History", "NetworkName");
            if (network != null && !network.isBlank()) {
                strong.add("last domain Group Policy update over " + network.trim());
            }
            ev.add(keyEvidence(reg, WINLOGON + "\\DomainCache", "cached names of the domain and its trusts"));
            if (reg.key(WINLOGON + "\\DomainCache")
                    .map(k -> !k.values().isEmpty())
                    .orElse(false)) {
                strong.add("cached domain data (Winlogon\\DomainCache)");
            }
            ev.add(reg.evidence(
                    WINLOGON, "DefaultDomainName", "the domain of the last logon; the computer name in a workgroup"));
            String logonDomain = text(reg, WINLOGON, "DefaultDomainName");
            if (logonDomain != null
                    && !logonDomain.isBlank()
                    && computer != null
                    && !logonDomain.trim().equalsIgnoreCase(computer.trim())) {
                weak.add("default logon domain " + logonDomain.trim() + " is not the computer name " + computer.trim());
            }
        }
        boolean member = !strong.isEmpty() || weak.size() >= 2;
        List<String> signs = new ArrayList<>(strong);
        signs.addAll(weak);
        return new Membership(member, signs, ev);
    }

    /** The key itself as evidence (its existence and last write), or the fact that it or its hive is absent. */
    private static Evidence keyEvidence(RegistryScope reg, String path, String note) {
        Optional<Key> k = reg.key(path);
        if (k.isPresent()) {
            return Evidence.ofKey(k.get(), note);
        }
        Evidence absent = reg.evidence(path, "", note);
        return new Evidence(absent.hive(), absent.keyPath(), null, null, null, null, absent.note());
    }

    private static String text(RegistryScope reg, String key, String value) {
        return reg.value(key, value)
                .filter(Value::isString)
                .map(Value::asString)
                .orElse(null);
    }

    private static final SystemTime NEVER = new SystemTime(0, 0, 0, 0, 0, 0, 0, 0);
}
