package org.portmortem.ripper.system;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code nic2}: every value of each {@code Tcpip\Parameters\Interfaces\{GUID}} key and of its
 * per-network subkeys, with times (values named {@code T1}, {@code T2} or ending in {@code Time})
 * shown as dates and {@code DhcpNetworkHint} (and the subkey names) decoded to the SSID. The model's
 * interfaces keep only the values the exposure engine needs, so this plugin lists the keys as stored.
 */
public final class Nic2 extends SystemPlugin {
    /** The plugin. */
    public Nic2() {
        super("nic2", "Gets NIC info from System hive", "20200525");
    }

    static final String INTERFACES = "Services\\Tcpip\\Parameters\\Interfaces";

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> interfaces = context.controlSetKey(INTERFACES);
        if (interfaces.isEmpty()) {
            return KeyFacts.onlyAbsent(context, INTERFACES);
        }
        List<RipFact> facts = new ArrayList<>();
        for (Key adapter : interfaces.get().subkeys()) {
            String group = "Adapter: " + adapter.name();
            adapter.values().forEach(v -> facts.add(RipFact.ofValue(group, adapter, v, v.name(), data(v))));
            for (Key network : adapter.subkeys()) {
                String sub = group + "/" + network.name();
                facts.add(RipFact.ofEvidence(sub, "SSID Decoded", ssid(network.name()),
                        org.portmortem.evidence.Evidence.ofKey(network, "the key name, decoded")));
                network.values().forEach(v -> facts.add(RipFact.ofValue(sub, network, v, v.name(), data(v))));
            }
        }
        return facts;
    }

    private static String data(Value v) {
        String name = v.name();
        if (v.isNumber() && (name.equals("T1") || name.equals("T2") || name.endsWith("Time"))) {
            return RegRipperData.time(java.time.Instant.ofEpochSecond(v.asLong()));
        }
        if (name.toUpperCase(Locale.ROOT).equals("DHCPNETWORKHINT") && v.isString()) {
            return ssid(v.asString());
        }
        return RegRipperData.of(v);
    }

    /**
     * A network hint decoded as RegRipper does ({@code pack("h*", reverse $hint)}, where {@code reverse}
     * of a one-element list changes nothing): two hex digits a byte, low nibble first, e.g.
     * {@code E456470223E243} is {@code Net 2.4}.
     */
    static String ssid(String hint) {
        String r = hint;
        byte[] out = new byte[(r.length() + 1) / 2];
        for (int i = 0; i < r.length(); i++) {
            int nibble = Character.digit(r.charAt(i), 16);
            if (nibble < 0) {
                nibble = 0;
            }
            out[i / 2] |= (byte) (i % 2 == 0 ? nibble : nibble << 4);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
