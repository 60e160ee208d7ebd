package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;

/**
 * osversion v.20200511, which prints no banner: {@code OSVersion}, the key path {@code Software\Microsoft},
 * {@code LastWrite Time TIME}, an empty line, then {@code OSVersion = DATA} or
 * {@code OSVersion value not found.}; {@code Software\Microsoft not found.} for a hive without the key.
 *
 * <p>The TLN line is osversion_tln v.20120608's:
 * {@code LASTWRITE|REG|SYSTEM||[Malware] HKCU\Software\Microsoft, OSVersion = DATA}, the line
 * {@code OSVersion value not found.} (which RegRipper prints among the TLN lines) where the value is
 * missing, nothing where the key is.
 */
final class OsVersionText implements PluginText {

    /** Only PortMortem's notes: the plugin prints no banner of its own. */
    @Override
    public void banner(RipPlugin plugin, List<String> notes, PrintWriter out) {
        notes.forEach(n -> out.println("PortMortem: " + n));
    }

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact os = facts.get(0);
        if (Absence.ofKey(os)) {
            out.println(os.group() + " not found.");
            return;
        }
        out.println("OSVersion");
        out.println(os.group());
        if (os.lastWritten() != null) {
            out.println("LastWrite Time " + RegRipperData.time(os.lastWritten()));
        }
        out.println();
        out.println(os.isAbsent() ? "OSVersion value not found." : "OSVersion = " + os.data());
    }

    @Override
    public void timeline(RipPlugin plugin, List<RipFact> facts, String system, PrintWriter out) {
        RipFact os = facts.get(0);
        if (Absence.ofKey(os)) {
            return;
        }
        if (os.isAbsent()) {
            out.println("OSVersion value not found.");
            return;
        }
        out.println((os.lastWritten() == null ? "" : os.lastWritten().getEpochSecond()) + "|REG|"
                + PluginText.tlnField(system) + "||"
                + PluginText.tlnField("[Malware] HKCU\\" + os.group() + ", OSVersion = " + os.data()));
    }
}
