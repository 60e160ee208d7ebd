package org.portmortem.ripper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.ripper.software.NetworkCards;
import org.portmortem.ripper.software.NetworkList;
import org.portmortem.ripper.system.ComputerName;
import org.portmortem.ripper.system.Ips;
import org.portmortem.ripper.system.Nic2;
import org.portmortem.ripper.system.PortProxy;
import org.portmortem.ripper.system.Routes;
import org.portmortem.ripper.system.Services;
import org.portmortem.ripper.system.Shares;
import org.portmortem.ripper.system.Shutdown;
import org.portmortem.ripper.system.Svc;
import org.portmortem.ripper.system.SvcDll;
import org.portmortem.ripper.system.TimeZone;
import org.portmortem.ripper.system.TriggerInfo;

/**
 * The plugins PortMortem has: the classes in {@code org.portmortem.ripper.system}, {@code .software} and
 * {@code .ntuser},
 * {@link Firewall} (which reads both kinds of hive), and the
 * {@link ValuePlugin}s defined in {@code value-plugins.json}, in name order.
 */
public final class RipPlugins {
    /** The plugins written as classes: naming one of them needs no JSON parsing. */
    private static final List<RipPlugin> CLASSES = List.of(
            new ComputerName(),
            new TimeZone(),
            new Shutdown(),
            new Services(),
            new Svc(),
            new SvcDll(),
            new Nic2(),
            new Ips(),
            new Routes(),
            new Shares(),
            new PortProxy(),
            new TriggerInfo(),
            new Firewall(),
            new NetworkCards(),
            new NetworkList(),
            new org.portmortem.ripper.ntuser.OsVersion());

    /** Every plugin, loaded on first use: naming a class plugin reads no {@code value-plugins.json}. */
    private static final class All {
        static final List<RipPlugin> LIST = load();
    }

    private RipPlugins() {}

    private static List<RipPlugin> load() {
        List<RipPlugin> all = new ArrayList<>(CLASSES);
        all.addAll(ValuePluginsJson.bundled());
        all.sort(Comparator.comparing(RipPlugin::name));
        return List.copyOf(all);
    }

    /** Every plugin, in name order. */
    public static List<RipPlugin> all() {
        return All.LIST;
    }

    /** The plugin of that name (case-insensitive). */
    public static Optional<RipPlugin> named(String name) {
        // a class plugin comes first in the name-sorted list too (it is added first, the sort is stable)
        Optional<RipPlugin> p =
                CLASSES.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        return p.isPresent()
                ? p
                : All.LIST.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * The plugins of a profile, as RegRipper's {@code -f system|software}: every plugin that reads
     * that kind of hive.
     */
    public static List<RipPlugin> profile(HiveType type) {
        return All.LIST.stream().filter(p -> p.reads(type)).toList();
    }

    /** The hive type a profile name ({@code system}, {@code software}, …) stands for. */
    public static Optional<HiveType> profileType(String profile) {
        for (HiveType t : HiveType.values()) {
            if (t != HiveType.OTHER && t.name().equals(profile.toUpperCase(Locale.ROOT))) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
