package org.portmortem.snapshot.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of the CSV that {@code tasklist /fo csv} and PowerShell {@code Export-Csv}
 * write: comma-separated, fields optionally in double quotes, a doubled quote inside quotes is a
 * quote. Neither writer puts line breaks inside fields for the columns read here.
 */
final class CsvRecord {
    private CsvRecord() {}

    /** The fields of the line, or null when a quote is left open (a garbled line). */
    static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        fields.add(cur.toString());
        return fields;
    }

    /** Whether the line looks like a fully quoted CSV record ({@code "a","b",...}). */
    static boolean isQuotedRecord(String line) {
        String t = line.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") && t.contains("\",\"");
    }
}
