package org.portmortem.verdict;

import java.util.List;
import java.util.Objects;
import org.portmortem.snapshot.NetstatSnapshot;

/**
 * The comparison of the prediction with one snapshot.
 *
 * @param snapshot the snapshot, with owners attached where a process table or {@code -b} told them
 * @param sockets one verdict per observed listening socket (TCP LISTENING and UDP endpoints), in
 *     file order
 * @param absent predicted listeners the snapshot does not show, in prediction order
 * @param connections established and other connected TCP sockets, in file order
 * @param notes how the matching was done for this snapshot, in sentences (e.g. "The listing has no
 *     PIDs: fixed ports matched by (protocol, address, port), dynamic ones by count within the
 *     dynamic range")
 * @param machineMatch whether the listing comes from the machine of the hives
 */
public record SnapshotVerdicts(
        NetstatSnapshot snapshot,
        List<SocketVerdict> sockets,
        List<AbsentListener> absent,
        List<Connection> connections,
        List<String> notes,
        MachineMatch machineMatch) {

    public SnapshotVerdicts {
        Objects.requireNonNull(snapshot, "snapshot");
        sockets = List.copyOf(sockets);
        absent = List.copyOf(absent);
        connections = List.copyOf(connections);
        notes = List.copyOf(notes);
        Objects.requireNonNull(machineMatch, "machineMatch");
    }

    /** The verdicts of one kind, in file order. */
    public List<SocketVerdict> ofKind(VerdictKind kind) {
        return sockets.stream().filter(v -> v.kind() == kind).toList();
    }
}
