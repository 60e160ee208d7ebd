package org.portmortem.fleet;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What hosts are stacked on: a listener (protocol, port, owner), an automatic service (name,
 * display name, image path) or a firewall setting (profile, the setting that decides it). Both
 * engines group the same keys, so they give the same tables.
 *
 * @param table {@link #LISTENER}, {@link #SERVICE} or {@link #FIREWALL}
 * @param a protocol, service name or profile
 * @param b port ({@code null}: dynamic), display name or setting
 * @param c owner or image path ({@code null} for firewall settings)
 */
public record StackKey(String table, String a, String b, String c) implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String LISTENER = "listener";
    public static final String SERVICE = "service";
    public static final String FIREWALL = "firewall";

    /** Rarest first; then by table, fields in order, ports by number. */
    public static final Comparator<Stack> RAREST_FIRST = Comparator.comparingInt(Stack::hostCount)
            .thenComparing(s -> s.key().table())
            .thenComparing(s -> s.key().a(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> portOrder(s.key()))
            .thenComparing(s -> s.key().b(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(s -> s.key().c(), Comparator.nullsFirst(Comparator.naturalOrder()));

    /** The distinct keys of one host (none for a failed host). */
    public static List<StackKey> of(HostSummary s) {
        Set<StackKey> keys = new LinkedHashSet<>();
        for (HostSummary.ListenerRow l : s.listeners()) {
            keys.add(new StackKey(
                    LISTENER, l.protocol(), l.port() == null ? null : String.valueOf(l.port()), l.owner()));
        }
        for (HostSummary.ServiceRow r : s.autoStartServices()) {
            keys.add(new StackKey(SERVICE, r.name(), r.displayName(), r.imagePath()));
        }
        for (HostSummary.FirewallRow f : s.firewallSettings()) {
            keys.add(new StackKey(FIREWALL, f.profile(), f.setting(), null));
        }
        return List.copyOf(keys);
    }

    /** The listener port as a number; {@code null} when dynamic or not a listener. */
    public Integer port() {
        return LISTENER.equals(table) && b != null ? Integer.valueOf(b) : null;
    }

    private static int portOrder(StackKey k) {
        Integer p = k.port();
        return p == null ? -1 : p;
    }

    /**
     * One row of a stacking table.
     *
     * @param key what the hosts share
     * @param hostCount how many hosts have it
     * @param hosts their ids, sorted
     */
    public record Stack(StackKey key, int hostCount, List<String> hosts) implements Serializable {
        private static final long serialVersionUID = 1L;

        public Stack {
            hosts = List.copyOf(hosts);
        }
    }
}
