package org.portmortem.report.rip.text;

import java.util.Map;
import java.util.Set;
import org.portmortem.ripper.RipPlugin;

/**
 * The text layout of each plugin: RegRipper 3.0's own, line for line, for the plugins RegRipper has,
 * and {@link GenericText} for PortMortem's additions.
 */
public final class PluginTexts {
    /** One entry per ported RegRipper plugin, by plugin name. */
    private static final Map<String, PluginText> REGRIPPER = Map.ofEntries(
            Map.entry("compname", new CompNameText()),
            Map.entry("networkcards", new NetworkCardsText()),
            Map.entry("networklist", new NetworkListText()),
            Map.entry("osversion", new OsVersionText()),
            Map.entry("services", new ServicesText()),
            Map.entry("svc", new SvcText()),
            Map.entry("svcdll", new SvcDllText()),
            Map.entry("timezone", new TimeZoneText()),
            Map.entry("shutdown", new ShutdownText()),
            Map.entry("routes", new RoutesText()),
            Map.entry("portproxy", new PortProxyText()),
            Map.entry("shares", new SharesText()),
            Map.entry("ips", new IpsText()),
            Map.entry("nic2", new Nic2Text()));

    /**
     * Ported plugins defined as data ({@code value-plugins.json}) whose definitions carry RegRipper's
     * lines: their text is made from the plugin being run, so that naming a class plugin ({@code rip -p
     * nic2}) never reads that file, which brings in Jackson data binding at start-up.
     */
    private static final Set<String> VALUE_PLUGIN_TEXTS =
            Set.of("rdpport", "remoteaccess", "disableremotescm", "termserv", "winver", "dcom", "netsh");

    private PluginTexts() {}

    /** The layout of a plugin's text. */
    public static PluginText of(RipPlugin plugin) {
        if (VALUE_PLUGIN_TEXTS.contains(plugin.name())) {
            return ValuePluginText.of(plugin);
        }
        PluginText t = REGRIPPER.get(plugin.name());
        return t != null ? t : new GenericText(plugin.layout());
    }

    /** Whether the plugin's text follows RegRipper's own layout line for line. */
    public static boolean followsRegRipper(RipPlugin plugin) {
        return REGRIPPER.containsKey(plugin.name()) || VALUE_PLUGIN_TEXTS.contains(plugin.name());
    }
}
