package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.system.KeyFacts;
import org.portmortem.ripper.system.Nic2;

/**
 * nic2 v.20200525: for each interface, {@code Adapter: NAME}, {@code LastWrite Time: TIME}, one
 * {@code "  %-28s %-20s"} line of name and data per value, an empty line, then for each per-network
 * subkey {@code Adapter: NAME/SUBKEY}, {@code SSID Decoded: SSID}, {@code LastWrite Time: TIME}, its
 * values and an empty line; an interface without subkeys is followed by RegRipper's
 * {@code INTERFACES_PATH has no subkeys.} (the Interfaces key's path, as RegRipper prints it). An
 * Interfaces key without subkeys prints {@code PATH has no subkeys.}, a missing one
 * {@code PATH not found.}
 *
 * <p>Data that is a value's stored bytes (REG_BINARY, REG_QWORD, …) is printed as RegRipper prints it:
 * each byte as the character of that code (ISO-8859-1), which RegRipper writes in UTF-8 (its
 * {@code rptMsg} sets {@code :utf8} on standard output) and PortMortem in the output's encoding, UTF-8
 * under a UTF-8 locale; so the examiner's {@code diff} with RegRipper's text is empty. Those characters
 * include NUL and control bytes as stored, which is what RegRipper shows: a line feed in the data
 * breaks the line in both texts, and GNU diff and grep take either text for binary unless given
 * {@code -a}. The csv and json give the same data in hexadecimal.
 */
final class Nic2Text implements PluginText {
    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact interfaces = facts.get(0);
        if (KeyLines.missing(interfaces, " not found.", out)) {
            return;
        }
        if (KeyLines.none(interfaces)) {
            out.println(interfaces.group() + " has no subkeys.");
            return;
        }
        for (Map.Entry<String, List<RipFact>> e :
                FactGroups.of(facts.subList(1, facts.size())).groups().entrySet()) {
            RipFact first = e.getValue().get(0);
            out.println(e.getKey());
            boolean adapter = first.name().equals(KeyFacts.SUBKEYS);
            if (!adapter) {
                out.println("SSID Decoded: " + first.data());
            }
            out.println("LastWrite Time: " + KeyLines.lastWrite(first));
            for (RipFact v : e.getValue().subList(1, e.getValue().size())) {
                out.println(String.format("  %-28s %-20s", v.name(), printed(v)));
            }
            out.println();
            if (adapter && KeyLines.none(first)) {
                out.println(interfaces.group() + " has no subkeys.");
            }
        }
    }

    /** The data as RegRipper prints it: stored bytes as the characters of their codes. */
    private static String printed(RipFact v) {
        return Nic2.holdsStoredBytes(v)
                ? new String(HexFormat.of().parseHex(v.data()), StandardCharsets.ISO_8859_1)
                : v.data();
    }
}
