package org.portmortem.model;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;

/**
 * One typed fact of the system model with the registry evidence it was read from. Every fact of the
 * model is an {@code Evidenced}, so a report can always show where a value came from, and where it
 * is absent, which key was looked at.
 *
 * @param value the fact, or {@code null} when the hive does not hold it (the evidence then records
 *     the absent value or key)
 * @param evidence where the fact was read, never {@code null}
 * @param <T> the fact's type
 */
public record Evidenced<T>(T value, Evidence evidence) {

    /**
     * A text fact equal to its evidence's data (a REG_SZ read as stored) is kept as that same
     * instance: the model holds every service's ImagePath, DisplayName and Description once, not
     * twice.
     */
    @SuppressWarnings("unchecked")
    public Evidenced {
        if (value instanceof String s && evidence != null && s != evidence.data() && s.equals(evidence.data())) {
            value = (T) evidence.data();
        }
    }

    /** A fact the hive does not hold, with the evidence of its absence. */
    public static <T> Evidenced<T> absent(Evidence evidence) {
        return new Evidenced<>(null, evidence);
    }

    /** Whether the hive holds the fact. */
    public boolean isPresent() {
        return value != null;
    }

    /** The fact, if the hive holds it. */
    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }

    /** The fact, or the given default where the hive does not hold it. */
    public T orElse(T fallback) {
        return value != null ? value : fallback;
    }

    /** The same evidence with the fact converted; absent stays absent. */
    public <R> Evidenced<R> map(Function<? super T, ? extends R> f) {
        return new Evidenced<>(value == null ? null : f.apply(value), evidence);
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Evidenced<?> that
                        && Objects.equals(value, that.value)
                        && Objects.equals(evidence, that.evidence);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(value, evidence);
    }
}
