package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.ripper.RipFact;

/**
 * ips v.20200518: where the Interfaces key has subkeys, the heading {@code "%-20s %-30s"} of
 * IPAddress and Domain, then one row per address: {@code "%-20s %-30s %-30s"} of the DHCP address,
 * its domain and {@code Hint: SSID}, or {@code "%-20s %-30s"} of a static address and its domain
 * (interfaces in the key's order, each followed by its per-network subkeys); a missing Interfaces
 * key prints {@code PATH not found.}
 */
final class IpsText implements PluginText {
    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact interfaces = facts.get(0);
        if (KeyLines.missing(interfaces, " not found.", out) || KeyLines.none(interfaces)) {
            return;
        }
        out.println(String.format("%-20s %-30s", "IPAddress", "Domain"));
        for (List<RipFact> row :
                FactGroups.of(facts.subList(1, facts.size())).groups().values()) {
            String address =
                    String.format("%-20s %-30s", FactGroups.cell(row, "IPAddress"), FactGroups.cell(row, "Domain"));
            boolean dhcp = row.stream().anyMatch(f -> f.name().equals("Hint"));
            out.println(dhcp ? address + String.format(" %-30s", "Hint: " + FactGroups.cell(row, "Hint")) : address);
        }
    }
}
