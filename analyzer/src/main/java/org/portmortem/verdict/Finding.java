package org.portmortem.verdict;

import java.util.List;
import java.util.Objects;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.Listener;
import org.portmortem.snapshot.Socket;

/**
 * One thing the report tells the examiner: what it is, how severe, which listeners or observed
 * sockets it concerns, the registry facts it rests on, and how to remediate it.
 *
 * @param id stable identifier of the rule or comparison outcome that raised it, with the affected
 *     object ({@code exposure.smb-netbt:TCP/0.0.0.0:445}, {@code observed.unexplained:TCP/0.0.0.0:4444})
 * @param severity how severe
 * @param basis what the finding was derived from
 * @param title one line
 * @param description what it means and why it has this severity, in sentences
 * @param listeners the predicted listeners concerned, possibly empty
 * @param sockets the observed sockets concerned, possibly empty
 * @param evidence registry facts (hive, key path, value, data, last-write time) it rests on
 * @param remediations how to close it, possibly empty (an explanation needs none)
 * @param justification the source of the rule (the seed paper section, a Microsoft article), or
 *     how the comparison concluded
 */
public record Finding(
        String id,
        Severity severity,
        Basis basis,
        String title,
        String description,
        List<Listener> listeners,
        List<Socket> sockets,
        List<Evidence> evidence,
        List<RemediationRef> remediations,
        String justification) {

    /** What a finding was derived from. */
    public enum Basis {
        /** The predicted exposure alone, through the finding rule table. */
        PREDICTION,
        /** The comparison of the prediction with a snapshot. */
        OBSERVATION,
        /** The system model alone (e.g. Start values that differ between control sets). */
        MODEL
    }

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(title, "title");
        listeners = List.copyOf(listeners);
        sockets = List.copyOf(sockets);
        evidence = List.copyOf(evidence);
        remediations = List.copyOf(remediations);
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Finding that
                        && Objects.equals(id, that.id)
                        && Objects.equals(severity, that.severity)
                        && Objects.equals(basis, that.basis)
                        && Objects.equals(title, that.title)
                        && Objects.equals(description, that.description)
                        && Objects.equals(listeners, that.listeners)
                        && Objects.equals(sockets, that.sockets)
                        && Objects.equals(evidence, that.evidence)
                        && Objects.equals(remediations, that.remediations)
                        && Objects.equals(justification, that.justification);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(
                id, severity, basis, title, description, listeners, sockets, evidence, remediations, justification);
    }
}
