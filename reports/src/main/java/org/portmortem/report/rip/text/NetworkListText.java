package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;

/**
 * networklist v.20200518, whose banner starts {@code Launching}: the Profiles key path, then per
 * profile its ProfileName and the lines {@code   Key LastWrite    : }, {@code   DateLastConnected: },
 * {@code   DateCreated      : }, {@code   DefaultGatewayMac: }, {@code   Type             : } (each
 * empty where the value is missing) and an empty line; {@code PATH has not subkeys} or
 * {@code PATH not found.} instead; an empty line; the {@code Nla\Cache\Intranet} names under a
 * {@code Domain/IP} heading, each {@code %-30s}; an empty line; and, when {@code Nla\Wireless} has
 * subkeys, an empty line, {@code Nla\Wireless} and each decoded entry. A signature whose profile is
 * gone prints as a profile with an empty name, LastWrite {@code 1970-01-01 00:00:00Z} (RegRipper
 * formats the missing time as 0) and only its gateway MAC.
 *
 * <p>The TLN lines are networklist_tln v.20150812's: per profile
 * {@code LASTWRITE|REG|SYSTEM||[TYPE Connect] - Last Connected to NAME (MAC)}, then per Intranet name
 * {@code LASTWRITE|REG|SYSTEM||First connected to: NAME}, both only when there are profiles.
 *
 * <p>Deliberately unlike RegRipper: it prints the profiles in Perl hash order, which changes from
 * run to run; here they are sorted by their lines (so by name, then LastWrite), and the TLN profile
 * lines by their text (so by time). A {@code |} in a TLN field becomes {@code /} (RegRipper prints it,
 * which shifts the fields). At a Wireless subkey without a default value RegRipper dies and
 * prints nothing more; here a {@code PortMortem:} line says so and the remaining entries follow.
 */
final class NetworkListText implements PluginText {
    private static final Set<String> LISTS = Set.of("Subkeys", "Domain/IP", "SSID");
    private static final String NO_TIME = "1970-01-01 00:00:00Z";

    @Override
    public void banner(RipPlugin plugin, List<String> notes, PrintWriter out) {
        out.print("Launching ");
        PluginText.super.banner(plugin, notes, out);
    }

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact profiles = facts.get(0);
        if (profiles.isAbsent()) {
            out.println(profiles.group() + " not found.");
        } else {
            out.println(profiles.group());
            if (profiles.data().equals("0")) {
                out.println(profiles.group() + " has not subkeys");
            }
            for (List<String> block : sorted(profileBlocks(facts))) {
                block.forEach(out::println);
                out.println();
            }
        }
        out.println();
        List<RipFact> intranet = named(facts, "Domain/IP");
        if (!intranet.isEmpty()) {
            out.println(String.format("%-30s", "Domain/IP"));
            intranet.forEach(f -> out.println(String.format("%-30s", f.data())));
        }
        out.println();
        List<RipFact> wireless = named(facts, "SSID");
        if (!wireless.isEmpty()) {
            out.println();
            out.println("Nla\\Wireless");
            for (RipFact f : wireless) {
                out.println(
                        f.isAbsent()
                                ? "PortMortem: " + f.evidence().keyPath()
                                        + " has no default value; RegRipper 3.0 dies here and prints nothing more"
                                : f.data());
            }
        }
    }

    @Override
    public void timeline(RipPlugin plugin, List<RipFact> facts, String system, PrintWriter out) {
        if (facts.get(0).isAbsent() || facts.get(0).data().equals("0")) {
            return;
        }
        String source = "|REG|" + PluginText.tlnField(system) + "||";
        List<String> lines = new ArrayList<>();
        for (List<RipFact> p : FactGroups.of(profileFacts(facts)).groups().values()) {
            RipFact written = find(p, "Key LastWrite");
            lines.add((written == null || written.lastWritten() == null
                            ? ""
                            : written.lastWritten().getEpochSecond())
                    + source
                    + PluginText.tlnField("[" + FactGroups.cell(p, "Type") + " Connect] - Last Connected to "
                            + FactGroups.cell(p, "ProfileName") + " (" + FactGroups.cell(p, "DefaultGatewayMac")
                            + ")"));
        }
        lines.stream().sorted().forEach(out::println);
        for (RipFact f : named(facts, "Domain/IP")) {
            out.println((f.lastWritten() == null ? "" : f.lastWritten().getEpochSecond())
                    + source
                    + PluginText.tlnField("First connected to: " + f.data()));
        }
    }

    /** The lines of each profile (and of each signature whose profile is gone), in fact order. */
    private static List<List<String>> profileBlocks(List<RipFact> facts) {
        List<List<String>> blocks = new ArrayList<>();
        for (List<RipFact> p : FactGroups.of(profileFacts(facts)).groups().values()) {
            RipFact written = find(p, "Key LastWrite");
            blocks.add(List.of(
                    FactGroups.cell(p, "ProfileName"),
                    "  Key LastWrite    : " + (written == null ? NO_TIME : written.data()),
                    "  DateLastConnected: " + FactGroups.cell(p, "DateLastConnected"),
                    "  DateCreated      : " + FactGroups.cell(p, "DateCreated"),
                    "  DefaultGatewayMac: " + FactGroups.cell(p, "DefaultGatewayMac"),
                    "  Type             : " + FactGroups.cell(p, "Type")));
        }
        return blocks;
    }

    /** Blocks in the order of their text, line by line. */
    private static List<List<String>> sorted(List<List<String>> blocks) {
        return blocks.stream()
                .sorted((a, b) -> String.join("\n", a).compareTo(String.join("\n", b)))
                .toList();
    }

    private static List<RipFact> profileFacts(List<RipFact> facts) {
        return facts.stream().filter(f -> !LISTS.contains(f.name())).toList();
    }

    private static List<RipFact> named(List<RipFact> facts, String name) {
        return facts.stream().filter(f -> f.name().equals(name)).toList();
    }

    private static RipFact find(List<RipFact> group, String name) {
        return group.stream().filter(f -> f.name().equals(name)).findFirst().orElse(null);
    }
}
