package org.portmortem.exposure.firewall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.exposure.Certainty;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.Mechanism;
import org.portmortem.exposure.Owner;
import org.portmortem.exposure.PortRange;
import org.portmortem.net.Protocol;

/**
 * What a rule covers, read once ({@link HostFirewall.Cover}), matches exactly what reading the rule at
 * every match did: its local-port entries and its profiles.
 */
class CoverTest {
    /** The matching as it was: the entry's text parsed for every listener. */
    private static boolean parsedEachTime(String spec, Listener l) {
        if (spec.equalsIgnoreCase("RPC")) {
            return l.mechanism().kind() == Mechanism.Kind.DYNAMIC_RPC;
        }
        if (spec.equalsIgnoreCase("RPC-EPMap")) {
            return l.mechanism().kind() == Mechanism.Kind.ENDPOINT_MAPPER;
        }
        if (l.dynamic()) {
            return false;
        }
        try {
            int dash = spec.indexOf('-');
            if (dash > 0) {
                return l.port() >= Integer.parseInt(spec.substring(0, dash))
                        && l.port() <= Integer.parseInt(spec.substring(dash + 1));
            }
            return l.port() == Integer.parseInt(spec);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Listener listener(Integer port, Mechanism.Kind kind) {
        Certainty c = new Certainty(Certainty.Level.CERTAIN, "test");
        PortRange range = port == null ? new PortRange(49152, 65535, "test", List.of()) : null;
        return new Listener(
                Protocol.TCP,
                4,
                "0.0.0.0",
                port,
                port == null,
                range,
                new Owner("Svc", "svchost.exe", null, List.of()),
                new Mechanism(kind, "test"),
                c,
                List.of(),
                null);
    }

    @Test
    void everyKindOfEntryMatchesTheListenersItMatchedWhenParsedEachTime() {
        List<String> specs = List.of(
                "RPC",
                "rpc",
                "RPC-EPMap",
                "rpc-epmap",
                "135",
                "+135",
                "0135",
                "445",
                "1-1024",
                "1024-1",
                "49152-65535",
                "-5",
                "5-",
                "1-2-3",
                " 80",
                "80 ",
                "IPHTTPS",
                "Ply2Disc",
                "*",
                "",
                "99999999999",
                "2147483647",
                "1-99999999999");
        List<Listener> listeners = List.of(
                listener(135, Mechanism.Kind.ENDPOINT_MAPPER),
                listener(445, Mechanism.Kind.SMB_DIRECT_HOST),
                listener(80, Mechanism.Kind.FIXED_PORT),
                listener(1, Mechanism.Kind.FIXED_PORT),
                listener(1024, Mechanism.Kind.FIXED_PORT),
                listener(65535, Mechanism.Kind.FIXED_PORT),
                listener(null, Mechanism.Kind.DYNAMIC_RPC));
        int matched = 0;
        for (String spec : specs) {
            HostFirewall.PortSpec once = HostFirewall.PortSpec.of(spec);
            for (Listener l : listeners) {
                boolean expected = parsedEachTime(spec, l);
                assertThat(once.matches(l)).as("%s against %s", spec, l.port()).isEqualTo(expected);
                matched += expected ? 1 : 0;
            }
        }
        assertThat(matched).isGreaterThan(10);
    }

    /** The profile test as it was: the rule's profiles compared with the profile's name, any case. */
    private static boolean listedEachTime(List<String> profiles, String profile) {
        return profiles.isEmpty() || profiles.stream().anyMatch(p -> p.equalsIgnoreCase(profile));
    }

    @Test
    void aRuleIsInTheProfilesItNamesInAnyCaseOrInEveryProfileWhenItNamesNone() {
        List<String> rules = List.of(
                "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=80|Name=a|",
                "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=80|Profile=Domain|Name=b|",
                "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=80|Profile=PUBLIC|Profile=private|Name=c|",
                "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=80|Profile=DOMA\u0130N|Name=d|",
                "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=80|Profile=Other|Name=e|");
        for (String text : rules) {
            FirewallRule rule = FirewallRule.parse("id", text).orElseThrow();
            HostFirewall.Cover cover = HostFirewall.Cover.of(rule);
            for (String profile : List.of("Domain", "Private", "Public", "Standard", "DOMAIN", "Other", "x")) {
                assertThat(cover.inProfile(profile))
                        .as("%s in %s", text, profile)
                        .isEqualTo(listedEachTime(rule.all("Profile"), profile));
            }
        }
    }
}
