package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.system.Shares;

/**
 * shares v.20200525: for each share, {@code "  NAME"}, then its 3rd, 5th and 6th strings (usually
 * Path, Remark and Type) each as {@code "    STRING"} (four spaces alone where the share has fewer
 * strings), then an empty line; a Shares key without values prints {@code PATH has no values.}, a
 * missing one {@code PATH not found.}; then {@code "  AutoShareServer = N"}, {@code AutoShareWks} and
 * {@code NullSessionShares} where set. The csv and json keep every string of every share.
 *
 * <p>Where the LanmanServer key itself is missing, RegRipper prints {@code " subkey not found."}, the
 * name it did not find being undefined; PortMortem names it: {@code lanmanserver subkey not found.}
 */
final class SharesText implements PluginText {
    /** The strings RegRipper prints, by position ({@code $data[2]}, {@code $data[4]}, {@code $data[5]}). */
    private static final int[] PRINTED = {2, 4, 5};

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact key = facts.get(0);
        String sharesKey = key.evidence().keyPath();
        if (Absence.ofKey(key) && !sharesKey.endsWith("\\Shares")) {
            out.println("lanmanserver subkey not found.");
            return;
        }
        List<RipFact> shares = facts.stream()
                .skip(1)
                .filter(f -> f.evidence().keyPath().equals(sharesKey))
                .toList();
        for (Map.Entry<String, List<RipFact>> share :
                FactGroups.of(shares).groups().entrySet()) {
            out.println("  " + share.getKey());
            List<RipFact> strings = share.getValue();
            for (int i : PRINTED) {
                out.println("    " + (i < strings.size() ? Shares.string(strings.get(i)) : ""));
            }
            out.println();
        }
        if (!KeyLines.missing(key, " not found.", out) && shares.isEmpty()) {
            out.println(key.group() + " has no values.");
        }
        facts.stream().skip(1 + shares.size()).forEach(f -> out.println("  " + f.name() + " = " + f.data()));
    }
}
