package org.portmortem.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/**
 * Decodes a service's {@code TriggerInfo\N} subkeys (Type, Action, Guid, DataN, DataTypeN) and
 * decides, from {@code triggers.json} and the model, whether each trigger fires at a normal boot.
 */
final class TriggerDecoder {
    /** SERVICE_TRIGGER_DATA_TYPE_STRING: the data item is a UTF-16 (multi-)string. */
    private static final int DATA_TYPE_STRING = 2;
    /** SERVICE_TRIGGER_DATA_TYPE_LEVEL: one byte. */
    private static final int DATA_TYPE_LEVEL = 3;

    record TypeRule(String type, String firing, String reason) {}

    record SubtypeRule(String guid, String constant, String name, String rule) {}

    record Table(List<TypeRule> types, List<SubtypeRule> subtypes) {}

    /** Whether a trigger fires at boot, and why. */
    private record Firing(TriggerFiring firing, String reason) {}

    private static final Table TABLE = ModelData.load("triggers.json", Table.class);

    /**
     * All a trigger's firing is decided with besides the service's own TriggerInfo: the addresses the
     * interfaces have at boot (the first one is quoted) and the primary DNS suffix. Triggers decoded
     * in equal contexts are equal, so a model read again after edits that left these alone (an
     * interface's NetBIOS options, say) can take the earlier model's services that have triggers.
     *
     * @param bootAddresses every interface's boot addresses, interface by interface
     * @param dnsDomain the primary DNS suffix
     */
    record Context(List<InterfaceAddress> bootAddresses, Evidenced<String> dnsDomain) {
        static Context of(List<NetworkInterface> interfaces, MachineIdentity identity) {
            return new Context(
                    interfaces.stream().flatMap(i -> i.bootAddresses().stream()).toList(), identity.dnsDomain());
        }

        // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
        @Override
        public boolean equals(Object o) {
            return this == o
                    || o instanceof Context that
                            && Objects.equals(bootAddresses, that.bootAddresses)
                            && Objects.equals(dnsDomain, that.dnsDomain);
        }

        @Override
        public int hashCode() {
            return RecordHash.of(bootAddresses, dnsDomain);
        }
    }

    private final Map<TriggerType, TypeRule> byType = new HashMap<>();
    private final Map<String, SubtypeRule> bySubtype = new HashMap<>();
    private final Context context;
    private final RegistryFacts facts;

    TriggerDecoder(List<NetworkInterface> interfaces, MachineIdentity identity, RegistryFacts facts) {
        this.context = Context.of(interfaces, identity);
        this.facts = facts;
        for (TypeRule r : TABLE.types()) {
            byType.put(TriggerType.valueOf(r.type()), r);
        }
        for (SubtypeRule r : TABLE.subtypes()) {
            bySubtype.put(r.guid().toLowerCase(Locale.ROOT), r);
        }
    }

    /** What this decoder decides firings with. */
    Context context() {
        return context;
    }

    List<ServiceTrigger> decode(Key service) {
        Optional<Key> info = service.subkey("TriggerInfo");
        if (info.isEmpty()) {
            return List.of();
        }
        List<ServiceTrigger> out = new ArrayList<>();
        for (Key t : info.get().subkeys()) {
            Evidenced<Integer> type = facts.integer(t, "Type");
            Evidenced<Integer> action = facts.integer(t, "Action");
            if (!type.isPresent()) {
                facts.warn("trigger without a Type value ignored", Evidence.ofKey(t, "TriggerInfo entry"));
                continue;
            }
            String guid = t.value("Guid").map(TriggerDecoder::guid).orElse(null);
            SubtypeRule sub = guid == null ? null : bySubtype.get(guid);
            TriggerType tt = TriggerType.of(type.value());
            Firing firing = firing(tt, sub);
            out.add(new ServiceTrigger(
                    tt,
                    action.orElse(1) == 1,
                    guid,
                    sub == null ? null : sub.name(),
                    data(t),
                    firing.firing(),
                    firing.reason(),
                    Evidence.ofKey(t, "service trigger")));
        }
        return out;
    }

    private Firing firing(TriggerType type, SubtypeRule sub) {
        TypeRule rule = byType.get(type);
        if (!"RULE".equals(rule.firing())) {
            return new Firing(TriggerFiring.valueOf(rule.firing()), rule.reason());
        }
        String check = sub == null ? null : sub.rule();
        if (check == null) {
            return new Firing(TriggerFiring.UNCERTAIN, rule.reason() + "; undocumented subtype");
        }
        switch (check) {
            case "HAS_BOOT_ADDRESS": {
                Optional<InterfaceAddress> a = context.bootAddresses().stream().findFirst();
                return a.isPresent()
                        ? new Firing(
                                TriggerFiring.AT_BOOT,
                                "an interface has an address at boot: "
                                        + a.get().describe())
                        : new Firing(TriggerFiring.UNCERTAIN, "no interface address recorded in the hive");
            }
            case "NEVER_AT_BOOT":
                return new Firing(TriggerFiring.ON_DEMAND, "fires when the last IP address goes away, not at boot");
            case "DOMAIN_MEMBER":
            case "NOT_DOMAIN_MEMBER": {
                Evidenced<String> dnsDomain = context.dnsDomain();
                boolean member = dnsDomain.isPresent() && !dnsDomain.value().isBlank();
                boolean fires = member == check.equals("DOMAIN_MEMBER");
                String why = member
                        ? "primary DNS suffix '" + dnsDomain.value() + "' is set (domain member)"
                        : "no primary DNS suffix (not a domain member, as far as SYSTEM shows)";
                return new Firing(fires ? TriggerFiring.AT_BOOT : TriggerFiring.ON_DEMAND, why);
            }
            default:
                return new Firing(TriggerFiring.UNCERTAIN, rule.reason());
        }
    }

    private List<String> data(Key t) {
        List<String> items = new ArrayList<>();
        for (int i = 0; ; i++) {
            Optional<Value> v = t.value("Data" + i);
            if (v.isEmpty()) {
                return items;
            }
            int dataType = t.value("DataType" + i)
                    .filter(Value::isNumber)
                    .map(Value::asInt)
                    .orElse(0);
            items.add(describeData(v.get(), dataType));
        }
    }

    private static String describeData(Value v, int dataType) {
        if (v.isString() || v.type() == ValueType.REG_MULTI_SZ) {
            return String.join(" | ", v.asStrings());
        }
        byte[] raw = v.raw();
        if (dataType == DATA_TYPE_STRING) {
            String s = new String(raw, 0, raw.length & ~1, StandardCharsets.UTF_16LE);
            List<String> parts = new ArrayList<>();
            for (String p : s.split("\u0000")) {
                if (!p.isEmpty()) {
                    parts.add(p);
                }
            }
            return String.join(" | ", parts);
        }
        if (dataType == DATA_TYPE_LEVEL && raw.length == 1) {
            return "level " + (raw[0] & 0xff);
        }
        return v.rawHex();
    }

    /** A GUID from its 16 stored bytes (first three fields little-endian), as {@code {xxxxxxxx-...}}. */
    static String guid(Value v) {
        if (v.isString()) {
            return v.asString().trim().toLowerCase(Locale.ROOT);
        }
        return v.asGuid().orElseGet(v::rawHex);
    }
}
