package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;
import org.portmortem.ripper.system.PortProxy;

/**
 * portproxy v.20210622, whose banner names it {@code PortProxy}: the {@code v4tov4\tcp} key path,
 * {@code LastWrite Time TIME} and an empty line, then {@code NAME - DATA} and an empty line for each
 * value; a key without values prints {@code PATH has no values.}, a missing key {@code PATH not found.}
 *
 * <p>RegRipper reads {@code ControlSet001} whatever {@code Select\Current} says, and the v4tov4
 * direction only. PortMortem reads the control set in use, and says so on a {@code PortMortem:} line
 * where that is not ControlSet001; the v4tov6, v6tov4 and v6tov6 forwardings follow on
 * {@code PortMortem:} lines, so a diff with RegRipper's text still shows only PortMortem's own lines.
 */
final class PortProxyText implements PluginText {
    private static final String REGRIPPER_KEY = "\\" + PortProxy.REGRIPPER_DIRECTION + "\\tcp";

    @Override
    public void banner(RipPlugin plugin, List<String> notes, PrintWriter out) {
        StringWriter banner = new StringWriter();
        PluginText.super.banner(plugin, notes, new PrintWriter(banner));
        out.print("PortProxy" + banner.toString().substring(plugin.name().length()));
    }

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        for (Map.Entry<String, List<RipFact>> e : FactGroups.of(facts).groups().entrySet()) {
            String path = e.getKey();
            List<RipFact> values = e.getValue().subList(1, e.getValue().size());
            if (!path.endsWith(REGRIPPER_KEY)) {
                String where = "PortMortem: " + path + " (RegRipper reads " + PortProxy.REGRIPPER_DIRECTION + " only)";
                values.forEach(v -> out.println(where + ": " + v.name() + " - " + v.data()));
                if (values.isEmpty()) {
                    out.println(where + " has no values.");
                }
                continue;
            }
            if (!path.startsWith("ControlSet001\\")) {
                out.println("PortMortem: RegRipper's portproxy reads ControlSet001 whatever Select\\Current says;"
                        + " this reads " + path.substring(0, path.indexOf('\\')) + ", the control set in use");
            }
            RipFact key = e.getValue().get(0);
            if (KeyLines.missing(key, " not found.", out)) {
                continue;
            }
            out.println(path);
            out.println("LastWrite Time " + KeyLines.lastWrite(key));
            out.println();
            for (RipFact v : values) {
                out.println(v.name() + " - " + v.data());
                out.println();
            }
            if (values.isEmpty()) {
                out.println(path + " has no values.");
            }
        }
    }
}
