package org.portmortem.evidence;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.portmortem.RecordHash;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * One registry fact a conclusion rests on, precise enough that a reader of the report can check it
 * against the hive with any other tool.
 *
 * @param hive the hive's name (its file name, e.g. {@code SYSTEM})
 * @param keyPath path of the key from the hive root, e.g. {@code ControlSet001\Services\NetBT}
 * @param valueName the value's name ({@code ""} for the default value), or {@code null} where the
 *     fact is about the key itself
 * @param valueType the value's type name (e.g. {@code REG_DWORD}), or {@code null}
 * @param data the value's data as a person reads it, or {@code null} when the value is absent
 * @param lastWritten the key's last-write time (UTC), or {@code null} where the source has none
 * @param note why this fact matters, e.g. "absent: the default (enabled) applies"
 */
public record Evidence(
        String hive,
        String keyPath,
        String valueName,
        String valueType,
        String data,
        Instant lastWritten,
        String note) {

    /**
     * Short repeated text (value and type names, notes, small data) is kept once (see
     * {@link SharedText}); equality is by content as before, only the heap holds fewer copies.
     */
    public Evidence {
        hive = SharedText.of(hive);
        valueName = SharedText.of(valueName);
        valueType = SharedText.of(valueType);
        data = SharedText.of(data);
        note = SharedText.of(note);
    }

    /** A value as read. */
    public static Evidence ofValue(Key key, Value value, String note) {
        return new Evidence(
                key.hive().name(),
                key.path(),
                value.name(),
                value.type().name(),
                value.display(),
                key.lastWritten().orElse(null),
                note);
    }

    /** A key, its existence or last-write time being the fact. */
    public static Evidence ofKey(Key key, String note) {
        return new Evidence(
                key.hive().name(),
                key.path(),
                null,
                null,
                null,
                key.lastWritten().orElse(null),
                note);
    }

    /** A value that is absent from an existing key, so a default applies. */
    public static Evidence absentValue(Key key, String valueName, String note) {
        return new Evidence(
                key.hive().name(),
                key.path(),
                valueName,
                null,
                null,
                key.lastWritten().orElse(null),
                note);
    }

    /** A key that is absent. */
    public static Evidence absentKey(Hive hive, String keyPath, String note) {
        return new Evidence(hive.name(), keyPath, null, null, null, null, note);
    }

    /** The value if present, else the fact of its absence. */
    public static Evidence ofValueOrAbsent(Key key, String valueName, String note) {
        Optional<Value> v = key.value(valueName);
        return v.isPresent() ? ofValue(key, v.get(), note) : absentValue(key, valueName, note);
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Evidence that
                        && Objects.equals(hive, that.hive)
                        && Objects.equals(keyPath, that.keyPath)
                        && Objects.equals(valueName, that.valueName)
                        && Objects.equals(valueType, that.valueType)
                        && Objects.equals(data, that.data)
                        && Objects.equals(lastWritten, that.lastWritten)
                        && Objects.equals(note, that.note);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(hive, keyPath, valueName, valueType, data, lastWritten, note);
    }
}
