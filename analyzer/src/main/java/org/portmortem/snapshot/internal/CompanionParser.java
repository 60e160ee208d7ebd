package org.portmortem.snapshot.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portmortem.snapshot.ProcessEntry;
import org.portmortem.snapshot.ProcessTable;
import org.portmortem.snapshot.SnapshotKind;
import org.portmortem.snapshot.SnapshotWarning;

/**
 * Reads the Volatility listings that name socket owners into a {@link ProcessTable}, used as
 * {@code tasklist /svc} is: {@code windows.pslist} / {@code windows.pstree} (PID, image name cut
 * to 14 characters, and in newer builds the full {@code Path}), {@code windows.cmdline} (PID,
 * {@code Args}: the full image path and, for split svchost instances, {@code -s Service}) and
 * {@code windows.svcscan} (service {@code Name} with its {@code PID} and {@code State}), quick or
 * csv renderer. Column names from {@code volatility3/framework/plugins/windows/pslist.py},
 * {@code pstree.py}, {@code cmdline.py} and {@code svcscan.py} ({@code _generator}). Volatility 2's
 * {@code svcscan} prints one block per service instead ({@code volatility/plugins/malware/svcscan.py},
 * {@code render_text}: {@code Offset:}, {@code Order:}, {@code Process ID:}, {@code Service Name:},
 * {@code Display Name:}, {@code Service Type:}, {@code Service State:}, {@code Binary Path:}, a blank
 * line).
 */
public final class CompanionParser {
    private CompanionParser() {}

    /** Processes or services, if the first lines carry one of these headers. */
    public static Optional<SnapshotKind> recognize(List<String> lines) {
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith("Process ID: ") && lines.get(i + 1).startsWith("Service Name: ")) {
                return Optional.of(SnapshotKind.VOLATILITY_SERVICES);
            }
        }
        for (String l : lines) {
            List<String> cols = columns(l);
            if (cols.size() >= 3
                    && cols.get(0).equals("PID")
                    && (cols.get(1).equals("PPID") && cols.contains("ImageFileName")
                            || cols.get(1).equals("Process") && cols.get(2).equals("Args"))) {
                return Optional.of(SnapshotKind.VOLATILITY_PROCESSES);
            }
            if (cols.size() >= 7
                    && cols.get(0).equals("Offset")
                    && cols.get(1).equals("Order")
                    && cols.get(2).equalsIgnoreCase("PID")
                    && cols.contains("Name")) {
                return Optional.of(SnapshotKind.VOLATILITY_SERVICES);
            }
        }
        return Optional.empty();
    }

    /** The header's column names, quick (tabs) or csv ({@code TreeDepth} dropped). */
    private static List<String> columns(String line) {
        String t = line.strip();
        if (t.startsWith("TreeDepth,")) {
            List<String> c = CsvRecord.split(t);
            return c == null ? List.of() : c.subList(1, c.size());
        }
        return List.of(t.split("\t"));
    }

    /** Reads one companion listing. */
    public static ProcessTable parse(Path file, DecodedText text, SnapshotKind kind) {
        List<String> lines = new ArrayList<>();
        text.lines().forEach(lines::add);
        List<SnapshotWarning> warnings = new ArrayList<>();
        if (kind == SnapshotKind.VOLATILITY_SERVICES && lines.stream().anyMatch(l -> l.startsWith("Service Name: "))) {
            return volatility2Services(file, text.encoding(), lines);
        }
        int header = -1;
        for (int i = 0; i < lines.size() && header < 0; i++) {
            if (recognize(List.of(lines.get(i))).isPresent()) {
                header = i;
            }
        }
        ColumnRows rows = header < 0
                ? new ColumnRows()
                : lines.get(header).strip().startsWith("TreeDepth,")
                        ? ColumnRows.csv(lines, header)
                        : ColumnRows.tabs(lines, header, false, false);
        rows.problems.forEach(p -> warnings.add(new SnapshotWarning(file, p.line(), p.message())));
        Map<Integer, ProcessEntry> processes = new LinkedHashMap<>();
        for (ColumnRows.Row r : rows.rows) {
            String pidText = r.get("PID") != null ? r.get("PID") : r.get("Pid");
            Integer pid = pid(pidText == null ? null : pidText.replaceFirst("^\\*+ ", ""));
            if (pid == null) {
                if (kind == SnapshotKind.VOLATILITY_PROCESSES) {
                    warnings.add(
                            new SnapshotWarning(file, r.line(), "PID '" + pidText + "' is not a number; row not read"));
                }
                continue;
            }
            if (kind == SnapshotKind.VOLATILITY_SERVICES) {
                String name = r.get("Name");
                String state = r.get("State");
                if (name == null || MemoryListingParser.absent(name) || (state != null && !state.contains("RUNNING"))) {
                    continue;
                }
                ProcessEntry e = processes.get(pid);
                List<String> services = new ArrayList<>(e == null ? List.of() : e.services());
                services.add(name);
                processes.put(
                        pid,
                        new ProcessEntry(
                                pid,
                                e == null ? imageOf(r.get("Binary")) : e.imageName(),
                                services,
                                null,
                                null,
                                null,
                                e == null ? r.line() : e.line()));
                continue;
            }
            String image = firstNonNull(
                    imageOf(r.get("Path")), imageOf(r.get("Args")), r.get("ImageFileName"), r.get("Process"));
            processes.put(
                    pid,
                    new ProcessEntry(
                            pid,
                            image,
                            MemoryListingParser.serviceOfCommandLine(r.get("Args")),
                            null,
                            null,
                            null,
                            r.line()));
        }
        return new ProcessTable(file, text.encoding(), kind, processes, warnings);
    }

    /** Volatility 2 svcscan blocks: running services by PID. */
    private static ProcessTable volatility2Services(Path file, String encoding, List<String> lines) {
        Map<Integer, ProcessEntry> processes = new LinkedHashMap<>();
        Integer pid = null;
        String name = null;
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            String l = i < lines.size() ? lines.get(i) : "";
            if (l.startsWith("Offset: ") || i == lines.size()) {
                if (pid != null && name != null) {
                    int p = pid;
                    ProcessEntry e = processes.get(p);
                    List<String> services = new ArrayList<>(e == null ? List.of() : e.services());
                    services.add(name);
                    processes.put(
                            p, new ProcessEntry(p, null, services, null, null, null, e == null ? start : e.line()));
                }
                pid = null;
                name = null;
                start = i + 1;
            } else if (l.startsWith("Process ID: ")) {
                pid = pid(l.substring("Process ID: ".length()));
            } else if (l.startsWith("Service Name: ")) {
                name = l.substring("Service Name: ".length()).strip();
            } else if (l.startsWith("Service State: ") && !l.contains("RUNNING")) {
                pid = null;
            }
        }
        return new ProcessTable(file, encoding, SnapshotKind.VOLATILITY_SERVICES, processes, List.of());
    }

    /** The image file name of a path or command line ({@code C:\Windows\system32\svchost.exe -k x} → {@code svchost.exe}). */
    static String imageOf(String pathOrCommand) {
        if (pathOrCommand == null || MemoryListingParser.absent(pathOrCommand)) {
            return null;
        }
        String t = pathOrCommand.strip();
        String path;
        if (t.startsWith("\"")) {
            int close = t.indexOf('"', 1);
            path = close < 0 ? t.substring(1) : t.substring(1, close);
        } else {
            int exe = t.toLowerCase(java.util.Locale.ROOT).indexOf(".exe");
            path = exe >= 0 ? t.substring(0, exe + 4) : t.split(" ")[0];
        }
        int slash = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        String name = path.substring(slash + 1);
        return name.isEmpty() ? null : name;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !MemoryListingParser.absent(v)) {
                return v;
            }
        }
        return null;
    }

    private static Integer pid(String s) {
        if (s == null || !s.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(s.strip());
    }
}
