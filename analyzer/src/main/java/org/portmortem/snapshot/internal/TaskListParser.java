package org.portmortem.snapshot.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.snapshot.ProcessEntry;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.SnapshotKind;
import org.portmortem.snapshot.SnapshotWarning;

/**
 * Reads {@code tasklist} output. The table form is read by the column spans of its
 * {@code ====} underline, which is the same in every display language (headers are localized,
 * the underline is not); {@code /svc} rows wrap their service list onto continuation lines
 * whose image and PID columns are blank. The CSV form ({@code /fo csv}) has the same columns in
 * the same order, with or without a header ({@code /nh}). {@code N/A} means "no services".
 */
public final class TaskListParser {
    /** The underline: groups of {@code =} separated by single spaces. */
    static final Pattern UNDERLINE = Pattern.compile("^=+( =+)+\\s*$");

    private static final Pattern GROUP = Pattern.compile("=+");

    /** Reads a table-form tasklist. */
    public ProcessTable parseTable(Path file, DecodedText text, SnapshotKind kind) {
        List<int[]> spans = null;
        Map<Integer, ProcessEntry> processes = new LinkedHashMap<>();
        List<SnapshotWarning> warnings = new ArrayList<>();
        ProcessEntry last = null;
        int n = 0;
        for (String line : text.lines()) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            if (UNDERLINE.matcher(line).matches()) {
                spans = new ArrayList<>();
                Matcher g = GROUP.matcher(line);
                while (g.find()) {
                    spans.add(new int[] {g.start(), g.end()});
                }
                continue;
            }
            if (spans == null) {
                continue; // title and header lines above the underline, localized
            }
            String image = column(line, spans, 0, false);
            String pid = column(line, spans, 1, false);
            if (image.isEmpty() && pid.isEmpty() && kind == SnapshotKind.TASKLIST_SVC && last != null) {
                last = new ProcessEntry(
                        last.pid(),
                        last.imageName(),
                        concat(last.services(), services(column(line, spans, 2, true))),
                        null,
                        null,
                        null,
                        last.line());
                processes.put(last.pid(), last);
                continue;
            }
            if (!NetstatParser.isNumber(pid)) {
                warnings.add(new SnapshotWarning(
                        file, n, "no PID in the PID column, skipped: " + NetstatParser.abbreviate(line.trim())));
                last = null;
                continue;
            }
            last = kind == SnapshotKind.TASKLIST_SVC
                    ? new ProcessEntry(
                            Integer.parseInt(pid), image, services(column(line, spans, 2, true)), null, null, null, n)
                    : new ProcessEntry(
                            Integer.parseInt(pid),
                            image,
                            List.of(),
                            blankToNull(column(line, spans, 2, false)),
                            sessionNumber(column(line, spans, 3, false)),
                            blankToNull(column(line, spans, 4, false)),
                            n);
            processes.put(last.pid(), last);
        }
        return new ProcessTable(file, text.encoding(), kind, processes, warnings);
    }

    /** Reads a {@code /fo csv} tasklist. */
    public ProcessTable parseCsv(Path file, DecodedText text, SnapshotKind kind) {
        Map<Integer, ProcessEntry> processes = new LinkedHashMap<>();
        List<SnapshotWarning> warnings = new ArrayList<>();
        boolean first = true;
        int n = 0;
        for (String line : text.lines()) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            List<String> f = CsvRecord.split(line);
            boolean header = first;
            first = false;
            if (f == null || f.size() < 2 || !NetstatParser.isNumber(f.get(1).trim())) {
                if (!header || f == null) {
                    warnings.add(new SnapshotWarning(
                            file, n, "not a tasklist record, skipped: " + NetstatParser.abbreviate(line.trim())));
                }
                continue;
            }
            int pid = Integer.parseInt(f.get(1).trim());
            ProcessEntry e = kind == SnapshotKind.TASKLIST_SVC_CSV
                    ? new ProcessEntry(
                            pid, f.get(0), f.size() > 2 ? services(f.get(2)) : List.of(), null, null, null, n)
                    : new ProcessEntry(
                            pid,
                            f.get(0),
                            List.of(),
                            f.size() > 2 ? blankToNull(f.get(2)) : null,
                            f.size() > 3 ? sessionNumber(f.get(3)) : null,
                            f.size() > 4 ? blankToNull(f.get(4)) : null,
                            n);
            processes.put(pid, e);
        }
        return new ProcessTable(file, text.encoding(), kind, processes, warnings);
    }

    private static String column(String line, List<int[]> spans, int c, boolean toEnd) {
        if (c >= spans.size()) {
            return "";
        }
        int start = Math.min(spans.get(c).length == 0 ? 0 : spans.get(c)[0], line.length());
        int end = toEnd || c == spans.size() - 1 ? line.length() : Math.min(spans.get(c)[1], line.length());
        return line.substring(start, Math.max(start, end)).trim();
    }

    static List<String> services(String field) {
        String f = field.trim();
        if (f.isEmpty() || f.equalsIgnoreCase("N/A")) {
            return List.of();
        }
        return Arrays.stream(f.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Integer sessionNumber(String s) {
        String t = s.trim();
        return NetstatParser.isNumber(t) ? Integer.valueOf(t) : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
