package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.system.Services;
import org.portmortem.ripper.system.Svc;

/**
 * services v.20191024: the {@code Services} key path, the plugin's description and an empty line; then
 * for each LastWrite second, newest first, Perl's {@code gmtime} of it followed by {@code " Z"}
 * ({@code Sat Apr  7 09:48:31 2012 Z}) and for each service of that second six {@code   Label     = data}
 * lines (Name, Display, ImagePath, Type, Start, Group) and an empty line. A missing key prints
 * {@code PATH not found.}, a key without subkeys {@code PATH has no subkeys.} after the heading.
 *
 * <p>Differs from RegRipper where it prints false data: a Type outside services.pl's table is printed
 * as {@code 0x} and its number in hexadecimal, which RegRipper means to print (it prints {@code 0x0});
 * a value holding {@code |} is printed whole (RegRipper joins the six values with {@code |} and splits
 * them again, shifting the later ones).
 */
final class ServicesText implements PluginText {
    private static final List<String> LABELS = List.of("Name", "Display", "ImagePath", "Type", "Start", "Group");
    /** Each label's line start, {@code "  %-9s = "}, made once rather than formatted on every line. */
    private static final List<String> LABEL_STARTS = LABELS.stream()
            .map(l -> "  " + l + " ".repeat(9 - l.length()) + " = ")
            .toList();
    /** The heading of services whose key has no LastWrite time (a text export, which RegRipper cannot read). */
    static final String NO_TIME = "(no LastWrite time)";

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        RipFact key = facts.get(0);
        if (Absence.ofKey(key)) {
            out.println(key.group() + " not found.");
            return;
        }
        out.println(key.group());
        out.println("Lists services/drivers in Services key by LastWrite times");
        out.println();
        if (noSubkeys(key, out)) {
            return;
        }
        boolean first = true;
        Long second = null;
        for (List<RipFact> service : rows(facts)) {
            Long s = epochSecond(service.get(0));
            if (first || !Objects.equals(s, second)) {
                out.println(s == null ? NO_TIME : PerlGmtime.of(s) + " Z");
            }
            first = false;
            second = s;
            for (int i = 0; i < LABELS.size(); i++) {
                out.println(LABEL_STARTS.get(i) + FactGroups.cell(service, LABELS.get(i)));
            }
            out.println();
        }
    }

    /**
     * Prints RegRipper's line for a missing {@code Services} key or one without subkeys.
     *
     * @param key the plugins' first fact, {@value Services#SERVICES_KEY}
     * @return whether it printed one: nothing follows it
     */
    static boolean missingOrEmpty(RipFact key, PrintWriter out) {
        if (Absence.ofKey(key)) {
            out.println(key.group() + " not found.");
            return true;
        }
        return noSubkeys(key, out);
    }

    private static boolean noSubkeys(RipFact key, PrintWriter out) {
        if ("0".equals(key.data())) {
            out.println(key.group() + " has no subkeys.");
            return true;
        }
        return false;
    }

    /**
     * The rows of a service plugin's facts: the {@value Services#SERVICES_KEY} fact and svc's
     * {@value Svc#ALERT} facts left out, a row starting at each fact named {@code Name}.
     */
    static List<List<RipFact>> rows(List<RipFact> facts) {
        List<List<RipFact>> rows = new ArrayList<>();
        for (RipFact f : facts.subList(1, facts.size())) {
            if (f.name().equals(Svc.ALERT)) {
                continue;
            }
            if (f.name().equals("Name") || rows.isEmpty()) {
                rows.add(new ArrayList<>());
            }
            rows.get(rows.size() - 1).add(f);
        }
        return rows;
    }

    /** The whole second RegRipper files a row under (Parse::Win32Registry's get_timestamp), or null. */
    static Long epochSecond(RipFact f) {
        return f.lastWritten() == null ? null : f.lastWritten().getEpochSecond();
    }
}
