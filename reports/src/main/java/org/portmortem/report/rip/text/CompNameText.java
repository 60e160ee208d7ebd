package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.ripper.RipFact;

/**
 * compname v.20090727: {@code ComputerName    = NAME} (or the ComputerName key path and
 * {@code not found.}), then {@code TCP/IP Hostname = NAME} when the value exists (RegRipper prints
 * nothing when it does not).
 */
final class CompNameText implements PluginText {
    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        for (RipFact f : facts) {
            boolean computerName = f.name().equals("ComputerName");
            if (!f.isAbsent()) {
                out.println((computerName ? "ComputerName    = " : "TCP/IP Hostname = ") + f.data());
            } else if (computerName && Absence.ofKey(f)) {
                out.println(f.evidence().keyPath() + " not found.");
            } else if (computerName) {
                // RegRipper dies on get_data of the missing value and prints nothing more; say what is missing.
                out.println("ComputerName value not found.");
            }
        }
    }
}
