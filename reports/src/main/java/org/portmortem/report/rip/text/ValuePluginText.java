package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.ripper.PerlScalar;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;
import org.portmortem.ripper.ValuePlugin;
import org.portmortem.ripper.ValuePlugin.KeyLines;
import org.portmortem.ripper.ValuePlugin.KeyValues;
import org.portmortem.ripper.ValuePlugin.Label;
import org.portmortem.ripper.ValuePlugin.ValueLines;

/**
 * The text of a plugin defined as data ({@link ValuePlugin}) whose definition carries RegRipper's lines
 * for each key and value: rdpport v.20200526, disableremotescm v.20200513, remoteaccess v.20200517,
 * termserv v.20200506, winver v.20200525, dcom v.20200525 and netsh v.20200515. This class only fills the
 * lines in; what RegRipper prints is in {@code value-plugins.json}.
 *
 * <p>One deliberate difference: where PortNumber is missing, rdpport prints Perl's die message after
 * {@code Error getting PortNumber: } (naming RegRipper's own source file and line, then an empty line);
 * ours prints {@code Error getting PortNumber: value not found.}
 */
final class ValuePluginText implements PluginText {
    private static final Pattern FIELD = Pattern.compile("\\{(key|lastWrite|name|data)(?::(-?\\d+))?}");

    private final ValuePlugin plugin;

    private ValuePluginText(ValuePlugin plugin) {
        this.plugin = plugin;
    }

    /**
     * The text of a value plugin.
     *
     * @throws IllegalArgumentException if it is no value plugin, or its definition holds no RegRipper lines
     */
    static ValuePluginText of(RipPlugin p) {
        if (!(p instanceof ValuePlugin v) || !v.hasText()) {
            throw new IllegalArgumentException(p.name() + " is not a value plugin with RegRipper's lines");
        }
        return new ValuePluginText(v);
    }

    @Override
    public void banner(RipPlugin p, List<String> notes, PrintWriter out) {
        if (plugin.printsBanner()) {
            PluginText.super.banner(p, notes, out);
        } else {
            notes.forEach(n -> out.println("PortMortem: " + n));
        }
    }

    /** Walks the plugin's keys in order, each taking the facts it reported (none if it was not read). */
    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        int next = 0;
        for (KeyValues kv : plugin.keys()) {
            if (next >= facts.size() || !ofKey(facts.get(next), kv)) {
                continue; // not read: the key it lies within is absent
            }
            RipFact first = facts.get(next);
            KeyLines text = kv.text() == null ? new KeyLines(null, null, null, null) : kv.text();
            if (Absence.ofKey(first)) {
                next++;
                if (text.absent() != null) {
                    lines(text.absent(), first, first.evidence().keyPath(), out);
                } else {
                    kv.values().forEach(l -> lines(valueLines(l).absent(), first, first.group(), out));
                }
                continue;
            }
            lines(text.present(), first, first.group(), out);
            if (kv.allValues()) {
                next++; // the key's own fact
            }
            for (Label l : kv.values()) {
                RipFact f = facts.get(next++);
                ValueLines v = valueLines(l);
                lines(
                        f.isAbsent() ? v.absent() : v.zero() != null && perlZero(f.data()) ? v.zero() : v.present(),
                        v.empty() != null && "".equals(f.data()) ? withData(f, v.empty()) : f,
                        f.group(),
                        out);
            }
            boolean listed = false;
            while (kv.allValues() && next < facts.size() && ofKey(facts.get(next), kv)) {
                RipFact f = facts.get(next++);
                if (!listed) {
                    lines(text.listed(), f, f.group(), out);
                    listed = true;
                }
                lines(List.of(text.each()), f, f.group(), out);
            }
        }
    }

    private static ValueLines valueLines(Label l) {
        return l.text() == null ? new ValueLines(null, null, null, null) : l.text();
    }

    /** Whether a fact was reported for that key: its group is the key's path, below a control set or not. */
    private static boolean ofKey(RipFact f, KeyValues kv) {
        String group = f.group().toLowerCase(Locale.ROOT);
        String key = kv.key().toLowerCase(Locale.ROOT);
        return group.equals(key) || group.endsWith("\\" + key);
    }

    private static RipFact withData(RipFact f, String data) {
        return new RipFact(f.group(), f.name(), data, f.lastWritten(), f.evidence());
    }

    /** Writes lines with the fields filled in; a line with a LastWrite time the source lacks is left out. */
    private static void lines(List<String> lines, RipFact f, String key, PrintWriter out) {
        for (String line : lines) {
            if (line.contains("{lastWrite}") && f.lastWritten() == null) {
                continue;
            }
            Matcher m = FIELD.matcher(line);
            StringBuilder s = new StringBuilder();
            while (m.find()) {
                String value = switch (m.group(1)) {
                    case "key" -> key;
                    case "lastWrite" -> RegRipperData.time(f.lastWritten());
                    case "name" -> f.name();
                    default -> f.data() == null ? "" : f.data();
                };
                m.appendReplacement(
                        s,
                        Matcher.quoteReplacement(
                                m.group(2) == null ? value : String.format("%" + m.group(2) + "s", value)));
            }
            m.appendTail(s);
            out.println(s);
        }
    }

    /** Whether data is zero as Perl's {@code == 0} sees it: its leading number, or 0 where there is none. */
    static boolean perlZero(String data) {
        return PerlScalar.number(data) == 0;
    }
}
