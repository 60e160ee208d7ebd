package org.portmortem.report.rip.text;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;
import org.portmortem.ripper.system.Svc;

/**
 * svc v.20200525: the header {@code Time,Name,DisplayName,ImagePath/ServiceDll,Type,Start,ObjectName}
 * (svc prints no Description column in it, though each row ends with one), then one comma-separated
 * row per service key and per {@code Parameters\ServiceDll}, newest LastWrite second first:
 * {@code 2012-04-06 20:43:27Z,BITS,DISPLAYNAME,IMAGEPATH,Share_Process,Manual,LocalSystem,DESCRIPTION},
 * {@code TIME,BITS\Parameters,,SERVICEDLL,,,,}. Cells are printed as stored, unquoted, except that
 * commas in DisplayName become semicolons (svc's own CSV choice, reproduced). A missing
 * {@code Services} key prints {@code PATH not found.}, one without subkeys {@code PATH has no subkeys.}.
 *
 * <p>Differs from RegRipper where it prints false data: a service without Description has an empty
 * last cell (svc never resets its Description variable and prints the previous service's); a value
 * holding {@code |} is printed whole (svc joins a row's values with {@code |} and splits them again,
 * shifting the later ones).
 *
 * <p>As TLN ({@link #timeline}): one {@code REG} line per row, as {@link PluginText} writes them, then
 * svc_tln's alerts (v.20130911) as it prints them: {@code TIME|ALERT|||svc_tln: MESSAGE}, the system
 * and user fields empty as svc_tln leaves them (its alerts bypass {@code -s}). An alert whose key has no
 * time (a text export) is left out, as {@code REG} lines are.
 */
final class SvcText implements PluginText {
    private static final List<String> COLUMNS =
            List.of("Name", "DisplayName", "ImagePath/ServiceDll", "Type", "Start", "ObjectName", "Description");

    @Override
    public void write(List<RipFact> facts, PrintWriter out) {
        if (ServicesText.missingOrEmpty(facts.get(0), out)) {
            return;
        }
        out.println("Time,Name,DisplayName,ImagePath/ServiceDll,Type,Start,ObjectName");
        for (List<RipFact> row : ServicesText.rows(facts)) {
            Long s = ServicesText.epochSecond(row.get(0));
            StringBuilder line = new StringBuilder(s == null ? "" : RegRipperData.time(Instant.ofEpochSecond(s)));
            for (String column : COLUMNS) {
                String cell = FactGroups.cell(row, column);
                line.append(',').append(column.equals("DisplayName") ? cell.replace(',', ';') : cell);
            }
            out.println(line);
        }
    }

    @Override
    public void timeline(RipPlugin plugin, List<RipFact> facts, String system, PrintWriter out) {
        List<RipFact> rows = new ArrayList<>();
        ServicesText.rows(facts).forEach(rows::addAll);
        PluginText.super.timeline(plugin, rows, system, out);
        for (RipFact f : facts) {
            if (f.name().equals(Svc.ALERT) && f.lastWritten() != null) {
                out.println(f.lastWritten().getEpochSecond() + "|ALERT|||svc_tln: " + PluginText.tlnField(f.data()));
            }
        }
    }
}
