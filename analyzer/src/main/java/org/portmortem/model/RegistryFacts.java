package org.portmortem.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueTypeException;

/**
 * Reads typed facts from keys, each with its evidence. A value of an unexpected type becomes an
 * absent fact (with the value as evidence) and a warning, so one odd value never stops the model.
 */
final class RegistryFacts {
    private final List<ModelWarning> warnings = new ArrayList<>();

    List<ModelWarning> warnings() {
        return warnings;
    }

    void warn(String message, Evidence evidence) {
        warnings.add(new ModelWarning(message, evidence));
    }

    /** A REG_DWORD number of seconds since 1970 (InstallDate, lease times). */
    Evidenced<Instant> unixTime(KeyAt at, String name) {
        return read(at, name, RegistryFacts::epochSeconds);
    }

    static Instant epochSeconds(Value v) {
        return Instant.ofEpochSecond(v.asLong());
    }

    /** An 8-byte FILETIME in a binary or QWORD value (ShutdownTime). */
    Evidenced<Instant> fileTime(Key key, String name) {
        return read(
                key,
                name,
                v -> v.asFiletime()
                        .orElseThrow(() -> new ValueTypeException(
                                key.path() + "\\" + name + " has " + v.size() + " bytes, not an 8-byte FILETIME")));
    }

    /** A value read with a decoder; the absent value or a type mismatch gives an absent fact. */
    <T> Evidenced<T> read(Key key, String name, Function<Value, T> decode) {
        Optional<Value> v = key.value(name);
        if (v.isEmpty()) {
            return Evidenced.absent(Evidence.absentValue(key, name, "absent"));
        }
        Evidence ev = Evidence.ofValue(key, v.get(), null);
        if (v.get().hasTextAfterNul()) {
            // Windows stops at the NUL, and so does the fact; the evidence keeps the hidden tail.
            ev = Evidence.ofValue(
                    key,
                    v.get(),
                    "text after a NUL, which Windows does not read: "
                            + v.get()
                                    .storedString()
                                    .substring(v.get().asString().length() + 1));
            warn(
                    key.path() + "\\" + name + " stores \"" + v.get().storedString() + "\": Windows reads only the"
                            + " text before the NUL, and most tools show only that",
                    ev);
        }
        try {
            return new Evidenced<>(decode.apply(v.get()), ev);
        } catch (ValueTypeException | ArithmeticException e) {
            warn("value of unexpected type ignored: " + e.getMessage(), ev);
            return Evidenced.absent(ev);
        }
    }

    /** A fact from a key that may not exist: absent with the key's absence as evidence. */
    <T> Evidenced<T> read(KeyAt at, String name, Function<Value, T> decode) {
        if (at.key().isEmpty()) {
            return Evidenced.absent(
                    at.hive() == null
                            ? new Evidence(
                                    at.hiveName(), at.path(), name, null, null, null, "no " + at.hiveName() + " hive")
                            : Evidence.absentKey(at.hive(), at.path(), "key absent, so " + name + " is absent"));
        }
        return read(at.key().get(), name, decode);
    }

    /** Shortcuts for a key known to exist. */
    Evidenced<String> string(Key key, String name) {
        return string(KeyAt.of(key), name);
    }

    Evidenced<Integer> integer(Key key, String name) {
        return integer(KeyAt.of(key), name);
    }

    Evidenced<List<String>> strings(Key key, String name) {
        return strings(KeyAt.of(key), name);
    }

    Evidenced<Instant> unixTime(Key key, String name) {
        return unixTime(KeyAt.of(key), name);
    }

    Evidenced<String> string(KeyAt at, String name) {
        return read(at, name, RegistryFacts::text);
    }

    Evidenced<Integer> integer(KeyAt at, String name) {
        return read(at, name, Value::asInt);
    }

    Evidenced<List<String>> strings(KeyAt at, String name) {
        return read(at, name, Value::asStrings);
    }

    /**
     * A key looked up by path, which may be absent, in a hive that may itself be absent.
     *
     * @param hive the hive looked in, or {@code null} when that hive was not given
     * @param hiveName the hive's name, for evidence
     * @param path the path looked up
     * @param key the key, if present
     */
    record KeyAt(Hive hive, String hiveName, String path, Optional<Key> key) {
        static KeyAt of(Hive hive, String path) {
            return new KeyAt(hive, hive.name(), path, hive.key(path));
        }

        static KeyAt of(Key key) {
            return new KeyAt(key.hive(), key.hive().name(), key.path(), Optional.of(key));
        }

        /** A key of SOFTWARE, which may not have been given. */
        static KeyAt inSoftware(Hive software, String path) {
            return software != null ? of(software, path) : new KeyAt(null, "SOFTWARE", path, Optional.empty());
        }

        KeyAt child(String relative) {
            String p = path.isEmpty() ? relative : path + "\\" + relative;
            return new KeyAt(hive, hiveName, p, key.flatMap(k -> k.key(relative)));
        }

        Evidence evidence(String note) {
            if (key.isPresent()) {
                return Evidence.ofKey(key.get(), note);
            }
            return hive != null
                    ? Evidence.absentKey(hive, path, note)
                    : new Evidence(hiveName, path, null, null, null, null, "no " + hiveName + " hive");
        }
    }

    static String text(Value v) {
        return v.isString() ? v.asString() : String.join(" ", v.asStrings());
    }
}
