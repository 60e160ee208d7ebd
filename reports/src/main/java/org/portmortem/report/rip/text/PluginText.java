package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;

/**
 * How one RegRipper 3.0 plugin lays out its report, line for line, so that an examiner can diff
 * PortMortem's text against RegRipper's ({@code diff <(regripper -r H -p P) <(portmortem rip -r H -p P)}
 * shows only PortMortem's own lines, which start {@code PortMortem:}).
 *
 * <p>An implementation arranges facts and derives nothing: where the layout needs a fact the plugin
 * does not report, the plugin reports it. Each implementation names, in its Javadoc, the RegRipper
 * plugin version whose layout it follows and any place where it deliberately differs (a RegRipper
 * bug it does not reproduce).
 */
public interface PluginText {

    /**
     * Writes the banner a plugin prints for {@code -p}: {@code name v.VERSION}, {@code (Hive, Hive) description},
     * PortMortem's notes, then an empty line (RegRipper's description ends in a newline of its own).
     */
    default void banner(RipPlugin plugin, List<String> notes, PrintWriter out) {
        String version = plugin.regRipperVersion().isEmpty() ? "PortMortem" : plugin.regRipperVersion();
        out.println(plugin.name() + " v." + version);
        out.println("(" + String.join(", ", plugin.hiveTypes().stream().map(HiveType::regRipperName).toList()) + ") "
                + plugin.description());
        notes.forEach(n -> out.println("PortMortem: " + n));
        out.println();
    }

    /** Writes the lines that follow the banner. */
    void write(List<RipFact> facts, PrintWriter out);
}
