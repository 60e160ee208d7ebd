package org.portmortem.model;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.model.RegistryFacts.KeyAt;

/**
 * The svchost groups: the multi-string values of SOFTWARE {@code ...\CurrentVersion\Svchost} (the
 * services each {@code svchost -k} process hosts) joined with the groups services name with
 * {@code -k}.
 */
final class SvchostGroups {
    static final String SVCHOST_KEY = SystemRoot.CURRENT_VERSION + "\\Svchost";

    private SvchostGroups() {}

    static Map<String, SvchostGroup> read(Hive software, Collection<Service> services, RegistryFacts facts) {
        Map<String, Evidenced<List<String>>> listed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, String> spelling = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (software != null) {
            KeyAt key = KeyAt.of(software, SVCHOST_KEY);
            if (key.key().isPresent()) {
                Key k = key.key().get();
                for (Value v : k.values()) {
                    if (v.type() == ValueType.REG_MULTI_SZ && !v.name().isEmpty()) {
                        listed.put(v.name(), facts.strings(k, v.name()));
                        spelling.put(v.name(), v.name());
                    }
                }
            }
        }
        Map<String, List<String>> declaring = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Service s : services) {
            if (s.svchostGroup() != null) {
                declaring
                        .computeIfAbsent(s.svchostGroup(), g -> new ArrayList<>())
                        .add(s.name());
                spelling.putIfAbsent(s.svchostGroup(), s.svchostGroup());
            }
        }
        Map<String, SvchostGroup> out = new LinkedHashMap<>();
        for (String name : spelling.values()) {
            Evidenced<List<String>> members = listed.get(name);
            if (members == null) {
                members = facts.strings(KeyAt.inSoftware(software, SVCHOST_KEY), name);
            }
            List<String> decl = new ArrayList<>(declaring.getOrDefault(name, List.of()));
            decl.sort(String.CASE_INSENSITIVE_ORDER);
            out.put(SystemModel.fold(name), new SvchostGroup(name, members, decl));
        }
        return out;
    }
}
