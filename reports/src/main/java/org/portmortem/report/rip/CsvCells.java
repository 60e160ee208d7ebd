package org.portmortem.report.rip;

/** CSV cells as RFC 4180 writes them: quoted when they hold a comma, quote or line break. */
final class CsvCells {
    private CsvCells() {}

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
