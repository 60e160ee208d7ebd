package org.portmortem.report.rip.text;

/** CSV cells as RFC 4180 writes them: quoted when they hold a comma, quote or line break. */
public final class CsvCells {
    private CsvCells() {}

    /** The cell for a string, quoted where needed; {@code null} gives an empty cell. */
    public static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
