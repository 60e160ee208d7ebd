package org.portmortem.report;

import java.util.List;

/**
 * The one CSV writer of PortMortem's own tables: RFC 4180 quoting, plus the guard against
 * spreadsheet formula injection that OWASP recommends ("CSV Injection"): a cell that a spreadsheet
 * would evaluate — one starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage
 * return — is prefixed with a single quote, so Excel, LibreOffice and Google Sheets show it as text.
 *
 * <p>Every string from an image is attacker-controlled; a service named {@code =HYPERLINK(...)}
 * must reach the examiner's spreadsheet as text. RegRipper's own line layouts ({@code rip} text) do
 * not go through this class: they reproduce RegRipper's bytes.
 */
public final class Csv {
    private Csv() {}

    /** The cell for a string: guarded against formula evaluation, then quoted where needed; {@code null} is empty. */
    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        char first = s.charAt(0);
        String guarded = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + s
                : s;
        if (guarded.indexOf(',') < 0
                && guarded.indexOf('"') < 0
                && guarded.indexOf('\n') < 0
                && guarded.indexOf('\r') < 0) {
            return guarded;
        }
        return '"' + guarded.replace("\"", "\"\"") + '"';
    }

    /** One record: the cells joined by commas, ended with CRLF as RFC 4180 asks. */
    public static String row(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(cell(cells.get(i)));
        }
        return line.append("\r\n").toString();
    }

    /** {@link #row(List)} for cells given one by one. */
    public static String row(String... cells) {
        return row(java.util.Arrays.asList(cells));
    }
}
