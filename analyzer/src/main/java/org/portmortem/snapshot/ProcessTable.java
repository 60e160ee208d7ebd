package org.portmortem.snapshot;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A process table as read from {@code tasklist [/svc] [/fo csv]}: PID → image name, services,
 * session.
 *
 * @param file      the file read
 * @param encoding  detected encoding (Java charset name)
 * @param kind      which tasklist form
 * @param processes processes by PID, in file order
 * @param warnings  unreadable or doubtful lines
 */
public record ProcessTable(
        Path file,
        String encoding,
        SnapshotKind kind,
        Map<Integer, ProcessEntry> processes,
        List<SnapshotWarning> warnings)
        implements Snapshot {

    public ProcessTable {
        processes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(processes));
        warnings = List.copyOf(warnings);
    }

    /** The process with this PID, if listed. */
    public Optional<ProcessEntry> byPid(int pid) {
        return Optional.ofNullable(processes.get(pid));
    }

    /**
     * One table from two taken of the same image (Volatility's pslist, cmdline and svcscan):
     * per PID the longer image name (pslist cuts it to 14 characters, cmdline does not) and the
     * services of both. The first table's file and kind stand for the pair.
     */
    public static ProcessTable merge(ProcessTable a, ProcessTable b) {
        Map<Integer, ProcessEntry> merged = new java.util.LinkedHashMap<>(a.processes());
        b.processes()
                .forEach((pid, e) -> merged.merge(pid, e, (x, y) -> {
                    String image = x.imageName() == null
                            ? y.imageName()
                            : y.imageName() == null
                                    ? x.imageName()
                                    : y.imageName().length() > x.imageName().length() ? y.imageName() : x.imageName();
                    List<String> services = new java.util.ArrayList<>(x.services());
                    y.services().stream().filter(s -> !services.contains(s)).forEach(services::add);
                    return new ProcessEntry(
                            pid, image, services, x.sessionName(), x.sessionNumber(), x.memoryUsage(), x.line());
                }));
        List<SnapshotWarning> w = new java.util.ArrayList<>(a.warnings());
        w.addAll(b.warnings());
        return new ProcessTable(a.file(), a.encoding(), a.kind(), merged, w);
    }
}
