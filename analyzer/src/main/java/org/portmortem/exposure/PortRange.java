package org.portmortem.exposure;

import java.util.List;
import java.util.Objects;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;

/**
 * The range a dynamic port is taken from, and why that range is in force.
 *
 * @param first first port, inclusive
 * @param last last port, inclusive
 * @param origin where the range comes from, e.g. "default dynamic range before Vista" or
 *     "Rpc\Internet Ports"
 * @param evidence the registry facts behind it
 */
public record PortRange(int first, int last, String origin, List<Evidence> evidence) {

    public PortRange {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** True if the port lies in this range. */
    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof PortRange that
                        && first == that.first
                        && last == that.last
                        && Objects.equals(origin, that.origin)
                        && Objects.equals(evidence, that.evidence);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(first, last, origin, evidence);
    }
}
