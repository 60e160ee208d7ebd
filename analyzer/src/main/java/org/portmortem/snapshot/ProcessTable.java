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
        List<SnapshotWarning> warnings) implements Snapshot {

    public ProcessTable {
        processes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(processes));
        warnings = List.copyOf(warnings);
    }

    /** The process with this PID, if listed. */
    public Optional<ProcessEntry> byPid(int pid) {
        return Optional.ofNullable(processes.get(pid));
    }
}
