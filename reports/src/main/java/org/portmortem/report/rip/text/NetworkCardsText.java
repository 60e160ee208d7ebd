package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RipFact;

/**
 * networkcards v.20200518: {@code NetworkCards}, the key path and an empty line, then a table of
 * {@code %-50s %-50s} columns (Description, Key LastWrite time; trailing spaces kept) with one row per
 * card that has a Description, in the key's subkey order; {@code PATH has no subkeys.} for an empty
 * key, {@code PATH not found.} for a missing one. The cards' ServiceName is PortMortem's and not
 * printed here.
 */
final class NetworkCardsText implements PluginText {
    private static final String ROW = "%-50s %-50s";

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact cards = facts.get(0);
        if (cards.isAbsent()) {
            out.println(cards.group() + " not found.");
            return;
        }
        out.println("NetworkCards");
        out.println(cards.group());
        out.println();
        if (cards.data().equals("0")) {
            out.println(cards.group() + " has no subkeys.");
            return;
        }
        out.println(String.format(ROW, "Description", "Key LastWrite time"));
        for (Map.Entry<String, List<RipFact>> card :
                FactGroups.of(facts.subList(1, facts.size())).groups().entrySet()) {
            out.println(String.format(
                    ROW,
                    FactGroups.cell(card.getValue(), "Description"),
                    FactGroups.cell(card.getValue(), "Key LastWrite time")));
        }
    }
}
