package org.portmortem.ripper;

import java.time.Instant;
import java.util.Objects;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * One fact a plugin reports: a named piece of data under a heading, with the registry evidence it
 * was read from. A list of facts is what the reports module renders as RegRipper text, csv, json
 * or TLN.
 *
 * @param group the heading the fact appears under: a key path, a service or adapter name, a share,
 *     or {@code ""} for a plugin that reports a flat list
 * @param name what the data is, in RegRipper's words where RegRipper reports it (e.g.
 *     {@code ComputerName}, {@code TCP/IP Hostname}, {@code ImagePath})
 * @param data the data as RegRipper prints it, or {@code null} when the value or key is absent (the
 *     evidence then records what was looked for)
 * @param lastWritten the last-write time of the key the group describes (UTC), or {@code null} where
 *     the source has none; the TLN time and RegRipper's "LastWrite Time" line
 * @param evidence where the fact was read
 */
public record RipFact(String group, String name, String data, Instant lastWritten, Evidence evidence) {

    /** Checks the fields that may never be null. */
    public RipFact {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** A value that is present, labelled {@code name}, with its data as the plugin formats it. */
    public static RipFact ofValue(String group, Key key, Value value, String name, String data) {
        return new RipFact(group, name, data, key.lastWritten().orElse(null), Evidence.ofValue(key, value, null));
    }

    /** A value that is absent from an existing key. */
    public static RipFact absentValue(String group, Key key, String valueName) {
        return new RipFact(
                group,
                valueName,
                null,
                key.lastWritten().orElse(null),
                Evidence.absentValue(key, valueName, "value not found"));
    }

    /** A fact derived from model evidence (the model already read and checked the value). */
    public static RipFact ofEvidence(String group, String name, String data, Evidence evidence) {
        return new RipFact(group, name, data, evidence.lastWritten(), evidence);
    }

    /** The same fact under another label (RegRipper prints some values under a name of its own). */
    public RipFact withName(String label) {
        return new RipFact(group, label, data, lastWritten, evidence);
    }

    /** Whether the value or key the fact is about is absent. */
    public boolean isAbsent() {
        return data == null;
    }
}
