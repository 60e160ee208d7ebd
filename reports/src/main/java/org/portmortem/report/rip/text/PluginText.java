package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
        out.println("("
                + String.join(
                        ", ",
                        plugin.hiveTypes().stream().map(HiveType::regRipperName).toList()) + ") "
                + plugin.description());
        notes.forEach(n -> out.println("PortMortem: " + n));
        out.println();
    }

    /** Writes the lines that follow the banner. */
    void write(List<RipFact> facts, PrintWriter out);

    /**
     * Writes the facts as TLN ({@code time|source|system|user|description}), as the plugin's RegRipper
     * {@code _tln} variant does where it has one. By default: one line per group that has a LastWrite
     * time, time in Unix seconds, source {@code REG}, e.g.
     * {@code 1333763311|REG|WKS-WIN732BITA||svc: BITS - DisplayName=...; Start=Manual}.
     *
     * @param plugin the plugin that reported the facts
     * @param system the computer name for the system field, or {@code ""}
     */
    default void timeline(RipPlugin plugin, List<RipFact> facts, String system, PrintWriter out) {
        for (Map.Entry<String, List<RipFact>> e : FactGroups.of(facts).groups().entrySet()) {
            RipFact first = e.getValue().get(0);
            if (first.lastWritten() == null) {
                continue;
            }
            String what = e.getValue().stream()
                    .filter(f ->
                            f.data() != null && !f.data().isEmpty() && !f.name().equals("Name"))
                    .map(f -> f.name() + "=" + f.data())
                    .collect(Collectors.joining("; "));
            out.println(first.lastWritten().getEpochSecond() + "|REG|" + tlnField(system) + "||"
                    + tlnField(plugin.name() + ": " + e.getKey() + (what.isEmpty() ? "" : " - " + what)));
        }
    }

    /** A TLN field: it may not hold the separator or line breaks. */
    static String tlnField(String s) {
        return s == null ? "" : s.replace('|', '/').replace('\n', ' ').replace('\r', ' ');
    }
}
