package org.portmortem.ripper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    /**
     * The names of the plugins written as classes, each made by {@link #classPlugin}: naming one makes
     * only that one (each plugin's class loads its own tables) and reads no {@code value-plugins.json}.
     */
    static final List<String> CLASS_NAMES = List.of(
            "compname",
            "timezone",
            "shutdown",
            "services",
            "svc",
            "svcdll",
            "nic2",
            "ips",
            "routes",
            "shares",
            "portproxy",
            "triggerinfo",
            "firewall",
            "networkcards",
            "networklist",
            "osversion");

    /** Each class plugin made so far, so that naming one and listing all give the same object. */
    private static final Map<String, RipPlugin> MADE = new ConcurrentHashMap<>();

    /** The class plugin of that lower-case name, made once, or {@code null}. */
    static RipPlugin classPlugin(String name) {
        return MADE.computeIfAbsent(name, RipPlugins::make);
    }

    private static RipPlugin make(String name) {
        return switch (name) {
            case "compname" -> new ComputerName();
            case "timezone" -> new TimeZone();
            case "shutdown" -> new Shutdown();
            case "services" -> new Services();
            case "svc" -> new Svc();
            case "svcdll" -> new SvcDll();
            case "nic2" -> new Nic2();
            case "ips" -> new Ips();
            case "routes" -> new Routes();
            case "shares" -> new Shares();
            case "portproxy" -> new PortProxy();
            case "triggerinfo" -> new TriggerInfo();
            case "firewall" -> new Firewall();
            case "networkcards" -> new NetworkCards();
            case "networklist" -> new NetworkList();
            case "osversion" -> new org.portmortem.ripper.ntuser.OsVersion();
            default -> null;
        };
    }

    /** Every plugin, loaded on first use: naming a class plugin reads no {@code value-plugins.json}. */
    private static final class All {
        static final List<RipPlugin> LIST = load();
    }

    private RipPlugins() {}

    private static List<RipPlugin> load() {
        List<RipPlugin> all = new ArrayList<>();
        CLASS_NAMES.forEach(n -> all.add(classPlugin(n)));
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
        RipPlugin p = classPlugin(name.toLowerCase(Locale.ROOT));
        return p != null
                ? Optional.of(p)
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
