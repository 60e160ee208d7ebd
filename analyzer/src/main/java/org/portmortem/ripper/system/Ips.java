package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.hive.Key;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipLayout;

/**
 * {@code ips}: the DHCP and static IPv4 addresses with their DNS domains, one row per address, from
 * each interface key and its per-network subkeys. A DHCP row also has the decoded network hint
 * (SSID). As RegRipper, a row is reported where DhcpIPAddress or IPAddress is true as Perl tests it
 * (set, neither empty nor {@code "0"}). The first fact is the Interfaces key's
 * {@link KeyFacts#SUBKEYS} count: RegRipper prints its table heading only where there are interfaces.
 */
public final class Ips extends SystemPlugin {
    /** The plugin. */
    public Ips() {
        super("ips", "Get IP Addresses and domains (DHCP,static)", "20200518");
    }

    @Override
    public RipLayout layout() {
        return RipLayout.TABLE;
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> interfaces = context.controlSetKey(Nic2.INTERFACES);
        if (interfaces.isEmpty()) {
            return KeyFacts.onlyAbsent(context, Nic2.INTERFACES);
        }
        List<RipFact> facts = new ArrayList<>();
        facts.add(KeyFacts.subkeyCount(context.controlSetPath(Nic2.INTERFACES), interfaces.get()));
        for (Key adapter : interfaces.get().subkeys()) {
            addresses(adapter, facts);
            adapter.subkeys().forEach(network -> addresses(network, facts));
        }
        return facts;
    }

    /** A domain that is not set is a blank cell, as in RegRipper's table, not a missing fact. */
    private static RipFact blankIfAbsent(String group, Key k, String valueName) {
        RipFact f = KeyFacts.valueOrAbsent(group, k, valueName);
        return f.isAbsent() ? new RipFact(group, valueName, "", f.lastWritten(), f.evidence()) : f;
    }

    private static void addresses(Key k, List<RipFact> facts) {
        if (KeyFacts.perlTrue(k, "DhcpIPAddress").isPresent()) {
            String group = k.path() + " (DHCP)";
            facts.add(KeyFacts.valueOrAbsent(group, k, "DhcpIPAddress").withName("IPAddress"));
            facts.add(blankIfAbsent(group, k, "DhcpDomain").withName("Domain"));
            String hint =
                    KeyFacts.nonEmpty(k, "DhcpNetworkHint").map(Nic2::ssid).orElse("");
            facts.add(new RipFact(
                    group,
                    "Hint",
                    hint,
                    k.lastWritten().orElse(null),
                    org.portmortem.evidence.Evidence.ofValueOrAbsent(k, "DhcpNetworkHint", "decoded SSID")));
        }
        if (KeyFacts.perlTrue(k, "IPAddress").isPresent()) {
            String group = k.path() + " (static)";
            facts.add(KeyFacts.valueOrAbsent(group, k, "IPAddress"));
            facts.add(blankIfAbsent(group, k, "Domain"));
        }
    }
}
