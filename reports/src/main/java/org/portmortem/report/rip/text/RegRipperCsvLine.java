package org.portmortem.report.rip.text;

/**
 * A cell of the comma-separated lines a RegRipper plugin prints inside its own text output (the
 * generic layout's csv variant): quoted when it holds a comma, quote or line break, and otherwise
 * as RegRipper prints it. It is part of RegRipper's layout, reproduced byte for byte, so it has no
 * formula guard; PortMortem's own CSV outputs use {@code org.portmortem.report.Csv}.
 */
public final class RegRipperCsvLine {
    private RegRipperCsvLine() {}

    /** The cell for a string, quoted where needed; {@code null} gives an empty cell. */
    public static String cell(String s) {
        if (s == null) {
            return "";
        }
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
