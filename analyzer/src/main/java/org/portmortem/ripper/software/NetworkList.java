package org.portmortem.ripper.software;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.LabelTable;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;

/**
 * {@code networklist}: the networks Windows (Vista and later) has connected to, from
 * {@code Microsoft\Windows NT\CurrentVersion\NetworkList}: per profile its name, key LastWrite time,
 * first and last connection (local time, as stored in a SYSTEMTIME), the default gateway's MAC
 * address from the matching signature, and the kind of network; plus the intranet names NLA cached.
 * Each profile also has its Category (0 Public, 1 Private, 2 Domain), which picks the firewall
 * profile and which RegRipper does not print.
 */
public final class NetworkList implements RipPlugin {
    static final String BASE = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList";
    private static final LabelTable LABELS = LabelTable.load("network-list.properties");

    @Override
    public String name() {
        return "networklist";
    }

    @Override
    public HiveType hiveType() {
        return HiveType.SOFTWARE;
    }

    @Override
    public String description() {
        return "Collects network info from NetworkList key";
    }

    @Override
    public String regRipperVersion() {
        return "20200518";
    }

    @Override
    public List<RipFact> run(RipContext context) {
        String profilesPath = BASE + "\\Profiles";
        Optional<Key> profiles = context.hive().key(profilesPath);
        if (profiles.isEmpty()) {
            return List.of(new RipFact(profilesPath, profilesPath, null, null,
                    Evidence.absentKey(context.hive(), profilesPath, "key not found")));
        }
        Map<String, RipFact> gateways = gatewayMacs(context);
        List<RipFact> facts = new ArrayList<>();
        for (Key p : profiles.get().subkeys()) {
            String group = p.value("ProfileName").map(RegRipperData::of).orElse(p.name());
            facts.add(RipFact.ofEvidence(group, "Key LastWrite", p.lastWritten().map(RegRipperData::time).orElse(""),
                    Evidence.ofKey(p, null)));
            facts.add(systemTime(group, p, "DateLastConnected"));
            facts.add(systemTime(group, p, "DateCreated"));
            RipFact mac = gateways.get(p.name().toUpperCase(java.util.Locale.ROOT));
            if (mac != null) {
                facts.add(new RipFact(group, mac.name(), mac.data(), p.lastWritten().orElse(null), mac.evidence()));
            }
            p.value("NameType").ifPresent(v -> facts.add(RipFact.ofValue(group, p, v, "Type", label("type.", v))));
            p.value("Category").ifPresent(v -> facts.add(RipFact.ofValue(group, p, v, "Category", label("category.", v))));
        }
        context.hive().key(BASE + "\\Nla\\Cache\\Intranet").ifPresent(k -> k.subkeys().forEach(s ->
                facts.add(RipFact.ofEvidence(k.path(), "Domain/IP", s.name(), Evidence.ofKey(s, null)))));
        return facts;
    }

    private static String label(String prefix, Value v) {
        String stored = RegRipperData.of(v);
        String word = v.isNumber() ? LABELS.word(prefix, v.asLong()) : null;
        return word != null ? word : stored;
    }

    /** A SYSTEMTIME (16 bytes: year, month, weekday, day, hour, minute, second, ms) as RegRipper prints it. */
    private static RipFact systemTime(String group, Key k, String name) {
        Optional<Value> v = k.value(name);
        if (v.isEmpty() || v.get().size() != 16) {
            return v.isEmpty() ? RipFact.absentValue(group, k, name)
                    : RipFact.ofValue(group, k, v.get(), name, "");
        }
        ByteBuffer b = ByteBuffer.wrap(v.get().raw()).order(ByteOrder.LITTLE_ENDIAN);
        int year = b.getShort(0) & 0xffff;
        int month = b.getShort(2) & 0xffff;
        int day = b.getShort(6) & 0xffff;
        int hour = b.getShort(8) & 0xffff;
        int minute = b.getShort(10) & 0xffff;
        int second = b.getShort(12) & 0xffff;
        return RipFact.ofValue(group, k, v.get(), name,
                String.format("%04d-%02d-%02d %02d:%02d:%02d", year, month, day, hour, minute, second));
    }

    /** The default gateway MAC of each profile, from the Managed and Unmanaged signatures, by profile GUID. */
    private static Map<String, RipFact> gatewayMacs(RipContext context) {
        Map<String, RipFact> out = new HashMap<>();
        for (String kind : List.of("Managed", "Unmanaged")) {
            context.hive().key(BASE + "\\Signatures\\" + kind).ifPresent(k -> {
                for (Key s : k.subkeys()) {
                    Optional<Value> guid = s.value("ProfileGuid").filter(Value::isString);
                    Optional<Value> mac = s.value("DefaultGatewayMac").filter(m -> m.size() >= 6);
                    if (guid.isPresent() && mac.isPresent()) {
                        byte[] raw = mac.get().raw();
                        List<String> parts = new ArrayList<>();
                        for (int i = 0; i < 6; i++) {
                            parts.add(String.format("%02X", raw[i] & 0xff));
                        }
                        out.put(guid.get().asString().toUpperCase(java.util.Locale.ROOT), RipFact.ofValue("", s,
                                mac.get(), "DefaultGatewayMac", String.join("-", parts)));
                    }
                }
            });
        }
        return out;
    }
}
