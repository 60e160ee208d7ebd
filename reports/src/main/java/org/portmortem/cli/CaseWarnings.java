package org.portmortem.cli;

import java.io.PrintWriter;
import java.util.List;
import org.portmortem.analysis.AnalysisWarning;
import org.portmortem.analysis.InputRole;
import org.portmortem.analysis.Prediction;
import org.portmortem.report.text.TerminalText;

/**
 * The pipeline's warnings on a console, one line each and the same lines from every subcommand that
 * reads a case: {@code portmortem: warning: SUBJECT: MESSAGE} (the subject, a file or a key, left out
 * when the warning is about the case as a whole).
 */
final class CaseWarnings {
    private CaseWarnings() {}

    /** One warning as a line, without the {@code portmortem: warning: } prefix. */
    static String line(AnalysisWarning w) {
        return w.subject().isEmpty() ? w.message() : w.subject() + ": " + w.message();
    }

    /** How each hive was read (path: log replay status), then every warning: what a page says of a case. */
    static List<String> notes(Prediction p) {
        List<String> out = new java.util.ArrayList<>(hiveStatus(p));
        p.warnings().forEach(w -> out.add(line(w)));
        return out;
    }

    /** How each hive was read: {@code path: status} for SYSTEM and SOFTWARE. */
    static List<String> hiveStatus(Prediction p) {
        return p.inputs().stream()
                .filter(i -> i.role() == InputRole.SYSTEM || i.role() == InputRole.SOFTWARE)
                .map(i -> i.path() + ": " + i.status())
                .toList();
    }

    /** Writes the warnings to the command's standard error, hidden characters escaped. */
    static void print(PrintWriter err, List<AnalysisWarning> warnings) {
        print(err, "", warnings);
    }

    /** As {@link #print(PrintWriter, List)}, each line naming the case it is about ({@code A: }, {@code B: }). */
    static void print(PrintWriter err, String side, List<AnalysisWarning> warnings) {
        PrintWriter out = TerminalText.writer(err);
        warnings.forEach(w -> out.println("portmortem: warning: " + (side.isEmpty() ? "" : side + ": ") + line(w)));
        out.flush();
    }
}
