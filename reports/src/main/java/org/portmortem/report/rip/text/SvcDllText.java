package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;

/**
 * svcdll v.20200525: for each LastWrite second of the service keys, newest first, the time
 * ({@code 2012-04-06 20:43:27Z}), one {@code   NAME -> SERVICEDLL} line per service of that second in
 * the hive's order, and an empty line. A missing {@code Services} key prints {@code PATH not found.},
 * one without subkeys {@code PATH has no subkeys.}.
 */
final class SvcDllText implements PluginText {
    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        if (ServicesText.missingOrEmpty(facts.get(0), out)) {
            return;
        }
        boolean first = true;
        Long second = null;
        for (RipFact f : facts.subList(1, facts.size())) {
            Long s = ServicesText.epochSecond(f);
            if (first || !Objects.equals(s, second)) {
                if (!first) {
                    out.println();
                }
                out.println(s == null ? ServicesText.NO_TIME : RegRipperData.time(Instant.ofEpochSecond(s)));
            }
            first = false;
            second = s;
            out.println("  " + f.group() + " -> " + f.data());
        }
        if (!first) {
            out.println();
        }
    }
}
