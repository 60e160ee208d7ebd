package org.portmortem.ripper.system;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.ripper.PerlScalar;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code nic2}: every value of each {@code Tcpip\Parameters\Interfaces\{GUID}} key and of its
 * per-network subkeys, with times (values named {@code T1}, {@code T2} or ending in {@code Time})
 * shown as dates and {@code DhcpNetworkHint} (and the subkey names) decoded to the SSID. The model's
 * interfaces keep only the values the exposure engine needs, so this plugin lists the keys as stored.
 *
 * <p>The facts follow RegRipper's walk: first the Interfaces key's {@link KeyFacts#SUBKEYS} count
 * (under its path); then for each interface the group {@code Adapter: NAME}, whose first fact is the
 * interface key's own subkey count (under its LastWrite time), then its values; then for each
 * per-network subkey the group {@code Adapter: NAME/SUBKEY}, whose first fact is {@code SSID Decoded}
 * (under the subkey's LastWrite time), then its values.
 *
 * <p>Data is what Parse::Win32Registry's {@code get_data} gives RegRipper: strings, multi-strings
 * joined by a space, REG_DWORD and REG_DWORD_BIG_ENDIAN of exactly four bytes as decimal (other
 * lengths as empty), and for every other type (REG_BINARY, REG_QWORD, REG_NONE, …) the stored
 * bytes, which RegRipper prints as they are: such a fact holds them in hexadecimal and says so in its
 * evidence note ({@link #holdsStoredBytes(RipFact)}).
 */
public final class Nic2 extends SystemPlugin {
    /** The plugin. */
    public Nic2() {
        super("nic2", "Gets NIC info from System hive", "20200525");
    }

    static final String INTERFACES = "Services\\Tcpip\\Parameters\\Interfaces";
    /** The evidence note of a fact whose data is the value's stored bytes in hexadecimal. */
    private static final String STORED_BYTES =
            "the data is the stored bytes, in hexadecimal; RegRipper prints the bytes";
    /** The number Perl reads at the start of a string (any other string is 0). */
    private static final Pattern PERL_NUMBER = Pattern.compile("^\\s*([+-]?\\d{1,18})");

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> interfaces = context.controlSetKey(INTERFACES);
        if (interfaces.isEmpty()) {
            return KeyFacts.onlyAbsent(context, INTERFACES);
        }
        List<RipFact> facts = new ArrayList<>();
        facts.add(KeyFacts.subkeyCount(context.controlSetPath(INTERFACES), interfaces.get()));
        for (Key adapter : interfaces.get().subkeys()) {
            String group = "Adapter: " + adapter.name();
            facts.add(KeyFacts.subkeyCount(group, adapter));
            adapter.values().forEach(v -> facts.add(fact(group, adapter, v)));
            for (Key network : adapter.subkeys()) {
                String sub = group + "/" + network.name();
                facts.add(RipFact.ofEvidence(
                        sub, "SSID Decoded", ssid(network.name()), Evidence.ofKey(network, "the key name, decoded")));
                network.values().forEach(v -> facts.add(fact(sub, network, v)));
            }
        }
        return facts;
    }

    /** Whether the fact's data is its value's stored bytes, in hexadecimal (RegRipper prints the bytes). */
    public static boolean holdsStoredBytes(RipFact f) {
        return STORED_BYTES.equals(f.evidence().note());
    }

    private static RipFact fact(String group, Key key, Value v) {
        String name = v.name();
        boolean time = name.equals("T1") || name.equals("T2") || name.endsWith("Time");
        boolean hint = name.toUpperCase(Locale.ROOT).equals("DHCPNETWORKHINT");
        String data = PerlScalar.of(v);
        if (time) {
            data = RegRipperData.time(Instant.ofEpochSecond(epochSeconds(data)));
        } else if (hint) {
            data = ssid(data);
        } else if (storedBytes(v)) {
            return new RipFact(
                    group,
                    name,
                    v.rawHex().toLowerCase(Locale.ROOT),
                    key.lastWritten().orElse(null),
                    Evidence.ofValue(key, v, STORED_BYTES));
        }
        return RipFact.ofValue(group, key, v, name, data);
    }

    /** Whether Parse::Win32Registry gives a value of this type as its stored bytes. */
    private static boolean storedBytes(Value v) {
        ValueType t = v.type();
        return t != ValueType.REG_SZ
                && t != ValueType.REG_EXPAND_SZ
                && t != ValueType.REG_MULTI_SZ
                && t != ValueType.REG_DWORD
                && t != ValueType.REG_DWORD_BIG_ENDIAN;
    }

    /** The seconds gmtime takes from a string: its leading integer (at most 18 digits), else 0. */
    private static long epochSeconds(String s) {
        Matcher m = PERL_NUMBER.matcher(s);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /**
     * A network hint decoded as RegRipper does ({@code pack("h*", reverse $hint)}, where {@code reverse}
     * of a one-element list changes nothing): two characters a byte, low nibble first, e.g.
     * {@code E456470223E243} is {@code Net 2.4}. As Perl's {@code pack}, an ASCII letter counts as its
     * code plus 9 and any other character as its code, modulo 16.
     */
    static String ssid(String hint) {
        byte[] out = new byte[(hint.length() + 1) / 2];
        for (int i = 0; i < hint.length(); i++) {
            char c = hint.charAt(i);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            int nibble = (letter ? c + 9 : c) & 0xf;
            out[i / 2] |= (byte) (i % 2 == 0 ? nibble : nibble << 4);
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }
}
