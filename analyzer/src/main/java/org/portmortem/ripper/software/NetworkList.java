package org.portmortem.ripper.software;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.SystemTime;
import org.portmortem.hive.Value;
import org.portmortem.ripper.DeclaredPlugin;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.LabelTable;
import org.portmortem.ripper.PerlScalar;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code networklist}: the networks Windows (Vista and later) has connected to, from
 * {@code Microsoft\Windows NT\CurrentVersion\NetworkList}, as RegRipper 3.0's networklist
 * v.20200518 reads them:
 *
 * <ul>
 *   <li>{@code Subkeys} under the Profiles key's path: how many profiles there are, or absent when
 *       the key is;
 *   <li>per profile, under its key name (the profile GUID): {@code ProfileName}, {@code Key LastWrite},
 *       {@code DateLastConnected} and {@code DateCreated} (local time, as stored in a SYSTEMTIME;
 *       empty when the value is not 16 bytes), {@code DefaultGatewayMac} from the last Managed or
 *       Unmanaged signature whose ProfileGuid names the profile, {@code Type} (NameType as a word where
 *       RegRipper has one) and {@code Category} (0 Public, 1 Private, 2 Domain: the firewall profile,
 *       which RegRipper does not print). A signature naming no profile is reported under its
 *       ProfileGuid with its DefaultGatewayMac alone: the gateway of a network whose profile is gone.
 *       Signatures are read only when there are profiles, as RegRipper reads them;
 *   <li>{@code Domain/IP}: the names NLA cached under {@code Nla\Cache\Intranet}, one per subkey;
 *   <li>{@code SSID}: per subkey of {@code Nla\Wireless}, its default value read as RegRipper reads it
 *       (pairs of hexadecimal digits, each one character), or absent where the subkey has no default
 *       value.
 * </ul>
 *
 * <p>Deliberately unlike RegRipper: a signature's ProfileGuid names a profile whatever the case of
 * its letters (key names are case-insensitive; RegRipper matches them exactly), and every value of a
 * profile is read although an earlier one is missing (RegRipper reads ProfileName, Description,
 * Managed, DateCreated, DateLastConnected and NameType in one eval and leaves the rest empty after
 * the first missing one).
 */
public final class NetworkList extends DeclaredPlugin {
    static final String BASE = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList";
    private static final LabelTable LABELS = LabelTable.load("network-list.properties");

    /** The plugin. */
    public NetworkList() {
        super("networklist", List.of(HiveType.SOFTWARE), "Collects network info from NetworkList key", "20200518");
    }

    @Override
    public boolean hasTimeline() {
        return true;
    }

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        String profilesPath = BASE + "\\Profiles";
        Optional<Key> profiles = context.hive().key(profilesPath);
        if (profiles.isEmpty()) {
            facts.add(new RipFact(
                    profilesPath,
                    "Subkeys",
                    null,
                    null,
                    Evidence.absentKey(context.hive(), profilesPath, "key not found")));
        } else {
            List<Key> each = profiles.get().subkeys();
            facts.add(RipFact.ofEvidence(
                    profilesPath, "Subkeys", Integer.toString(each.size()), Evidence.ofKey(profiles.get(), null)));
            if (!each.isEmpty()) {
                profiles(context, each, facts);
            }
        }
        context.hive()
                .key(BASE + "\\Nla\\Cache\\Intranet")
                .ifPresent(k -> k.subkeys()
                        .forEach(s -> facts.add(
                                RipFact.ofEvidence(k.path(), "Domain/IP", s.name(), Evidence.ofKey(s, null)))));
        context.hive()
                .key(BASE + "\\Nla\\Wireless")
                .ifPresent(k -> k.subkeys().forEach(s -> {
                    Optional<Value> v = s.value("");
                    facts.add(
                            v.isPresent()
                                    ? RipFact.ofValue(
                                            k.path(), s, v.get(), "SSID", HexPairs.decode(PerlScalar.of(v.get())))
                                    : new RipFact(
                                            k.path(),
                                            "SSID",
                                            null,
                                            s.lastWritten().orElse(null),
                                            Evidence.absentValue(
                                                    s, "", "no default value (RegRipper 3.0 stops at it)")));
                }));
        return facts;
    }

    private static void profiles(RipContext context, List<Key> profiles, List<RipFact> facts) {
        Map<String, RipFact> gateways = gatewayMacs(context);
        for (Key p : profiles) {
            String group = p.name();
            Optional<Value> name = p.value("ProfileName");
            facts.add(
                    name.isPresent()
                            ? RipFact.ofValue(group, p, name.get(), "ProfileName", PerlScalar.of(name.get()))
                            : RipFact.absentValue(group, p, "ProfileName"));
            facts.add(RipFact.ofEvidence(
                    group,
                    "Key LastWrite",
                    p.lastWritten().map(RegRipperData::time).orElse(""),
                    Evidence.ofKey(p, null)));
            facts.add(systemTime(group, p, "DateLastConnected"));
            facts.add(systemTime(group, p, "DateCreated"));
            RipFact mac = gateways.remove(group.toUpperCase(Locale.ROOT));
            if (mac != null) {
                facts.add(new RipFact(
                        group, mac.name(), mac.data(), p.lastWritten().orElse(null), mac.evidence()));
            }
            Optional<Value> type = p.value("NameType");
            facts.add(
                    type.isPresent()
                            ? RipFact.ofValue(group, p, type.get(), "Type", label("type.", type.get()))
                            : RipFact.absentValue(group, p, "Type"));
            p.value("Category")
                    .ifPresent(v -> facts.add(RipFact.ofValue(group, p, v, "Category", label("category.", v))));
        }
        gateways.values().forEach(facts::add); // signatures of no profile, under their ProfileGuid
    }

    /** The word RegRipper (or, for Category, netlistmgr.h) gives the stored number, else the data as get_data gives it. */
    private static String label(String prefix, Value v) {
        String stored = PerlScalar.of(v);
        String word = stored.matches("0|[1-9][0-9]{0,17}") ? LABELS.word(prefix, Long.parseLong(stored)) : null;
        return word != null ? word : stored;
    }

    /** A SYSTEMTIME (16 bytes: year, month, weekday, day, hour, minute, second, ms) as RegRipper prints it. */
    private static RipFact systemTime(String group, Key k, String name) {
        Optional<Value> v = k.value(name);
        if (v.isEmpty()) {
            return RipFact.absentValue(group, k, name);
        }
        if (v.get().size() != 16) {
            return RipFact.ofValue(group, k, v.get(), name, ""); // RegRipper leaves it empty
        }
        SystemTime t = v.get().asSystemTime().orElseThrow();
        return RipFact.ofValue(
                group,
                k,
                v.get(),
                name,
                String.format(
                        "%04d-%02d-%02d %02d:%02d:%02d",
                        t.year(), t.month(), t.day(), t.hour(), t.minute(), t.second()));
    }

    /**
     * The default gateway MAC of each profile, by profile GUID upper-cased: from the Managed and then
     * the Unmanaged signatures, a later one replacing an earlier, as RegRipper's hash does. A signature
     * without a ProfileGuid or a DefaultGatewayMac gives nothing (RegRipper's eval stops on it).
     */
    private static Map<String, RipFact> gatewayMacs(RipContext context) {
        Map<String, RipFact> out = new LinkedHashMap<>();
        for (String kind : List.of("Managed", "Unmanaged")) {
            context.hive().key(BASE + "\\Signatures\\" + kind).ifPresent(k -> {
                for (Key s : k.subkeys()) {
                    Optional<Value> guid = s.value("ProfileGuid");
                    Optional<Value> mac = s.value("DefaultGatewayMac");
                    if (guid.isPresent() && mac.isPresent()) {
                        String profile = PerlScalar.of(guid.get());
                        out.put(
                                profile.toUpperCase(Locale.ROOT),
                                RipFact.ofValue(profile, s, mac.get(), "DefaultGatewayMac", mac(mac.get())));
                    }
                }
            });
        }
        return out;
    }

    /**
     * RegRipper's MAC: the first six characters of get_data, in upper-case hexadecimal, as six pairs
     * joined by dashes; pairs past the end of shorter data are empty.
     */
    private static String mac(Value v) {
        String data = PerlScalar.of(v);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(6, data.length()); i++) {
            hex.append(HexFormat.of().withUpperCase().toHexDigits((byte)
                    data.charAt(i))); // unpack wraps a wide character to its low byte
        }
        StringBuilder out = new StringBuilder();
        for (int pair = 0; pair < 6; pair++) {
            out.append(pair == 0 ? "" : "-")
                    .append(hex, Math.min(2 * pair, hex.length()), Math.min(2 * pair + 2, hex.length()));
        }
        return out.toString();
    }
}
