package org.portmortem.verdict;

import java.nio.file.Path;
import java.util.List;

/**
 * What opened and what closed between two snapshots of one host, sockets keyed by (protocol,
 * local address, local port, process); the process is the PID's image where known, else the PID,
 * else nothing (listings without PIDs compare by endpoint only).
 *
 * @param earlier the earlier snapshot's file
 * @param later the later snapshot's file
 * @param opened sockets of the later snapshot with no counterpart in the earlier one
 * @param closed sockets of the earlier snapshot with no counterpart in the later one
 */
public record SnapshotDelta(Path earlier, Path later, List<org.portmortem.snapshot.Socket> opened,
        List<org.portmortem.snapshot.Socket> closed) {

    public SnapshotDelta {
        opened = List.copyOf(opened);
        closed = List.copyOf(closed);
    }
}
