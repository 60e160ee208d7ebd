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
     * The plugins written as classes, each under the name it reports, and how to make it: the one list
     * of them, so that naming one makes only that one (each plugin's class loads its own tables) and
     * reads no {@code value-plugins.json}, and every one is also in {@link #all}.
     */
    enum ClassPlugin {
        COMPNAME("compname"),
        TIMEZONE("timezone"),
        SHUTDOWN("shutdown"),
        SERVICES("services"),
        SVC("svc"),
        SVCDLL("svcdll"),
        NIC2("nic2"),
        IPS("ips"),
        ROUTES("routes"),
        SHARES("shares"),
        PORTPROXY("portproxy"),
        TRIGGERINFO("triggerinfo"),
        FIREWALL("firewall"),
        NETWORKCARDS("networkcards"),
        NETWORKLIST("networklist"),
        OSVERSION("osversion");

        /** The plugin's name, as its {@link RipPlugin#name} reports it. */
        final String pluginName;

        ClassPlugin(String pluginName) {
            this.pluginName = pluginName;
        }

        /** The plugin, made once, so that naming it and listing all give the same object. */
        RipPlugin plugin() {
            return MADE.computeIfAbsent(this, ClassPlugin::make);
        }

        /** Exhaustive: a constant without its class does not compile. */
        private RipPlugin make() {
            return switch (this) {
                case COMPNAME -> new ComputerName();
                case TIMEZONE -> new TimeZone();
                case SHUTDOWN -> new Shutdown();
                case SERVICES -> new Services();
                case SVC -> new Svc();
                case SVCDLL -> new SvcDll();
                case NIC2 -> new Nic2();
                case IPS -> new Ips();
                case ROUTES -> new Routes();
                case SHARES -> new Shares();
                case PORTPROXY -> new PortProxy();
                case TRIGGERINFO -> new TriggerInfo();
                case FIREWALL -> new Firewall();
                case NETWORKCARDS -> new NetworkCards();
                case NETWORKLIST -> new NetworkList();
                case OSVERSION -> new org.portmortem.ripper.ntuser.OsVersion();
            };
        }

        /** The class plugin of that lower-case name, or {@code null}. */
        static ClassPlugin named(String name) {
            for (ClassPlugin c : values()) {
                if (c.pluginName.equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    /** Each class plugin made so far. */
    private static final Map<ClassPlugin, RipPlugin> MADE = new ConcurrentHashMap<>();

    /** Every plugin, loaded on first use: naming a class plugin reads no {@code value-plugins.json}. */
    private static final class All {
        static final List<RipPlugin> LIST = load();
    }

    private RipPlugins() {}

    private static List<RipPlugin> load() {
        List<RipPlugin> all = new ArrayList<>();
        for (ClassPlugin c : ClassPlugin.values()) {
            all.add(c.plugin());
        }
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
        ClassPlugin written = ClassPlugin.named(name.toLowerCase(Locale.ROOT));
        return written != null
                ? Optional.of(written.plugin())
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
