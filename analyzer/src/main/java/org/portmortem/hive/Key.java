package org.portmortem.hive;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A registry key: its name, its place in the hive, its last-write time, its subkeys and values.
 *
 * <p>Names are compared case-insensitively, as Windows does. Implementations read lazily where the
 * format allows; a subkey or value that cannot be read is left out and recorded as a
 * {@link HiveWarning} on the hive rather than thrown.
 */
public interface Key {
    /** The hive this key belongs to. */
    Hive hive();

    /** The key's own name (the root's name as stored, e.g. {@code ROOT} or {@code CMI-CreateHive{…}}). */
    String name();

    /**
     * The backslash-separated path from the root, without the root key's own name:
     * {@code ControlSet001\Services\Tcpip}; {@code ""} for the root. A subkey's path is its parent's,
     * a backslash and its own name; its name alone when the parent is the root (or another key whose
     * path is {@code ""}).
     */
    String path();

    /** When the key was last written (UTC); empty for sources without timestamps (.reg text). */
    Optional<Instant> lastWritten();

    /** The key's class name, if it has one. */
    Optional<String> className();

    /** The subkeys, in the order the hive lists them. */
    List<Key> subkeys();

    /** The subkey of that name (case-insensitive). */
    Optional<Key> subkey(String name);

    /** The values, in the order the hive lists them. */
    List<Value> values();

    /** The value of that name (case-insensitive); {@code ""} names the default value. */
    Optional<Value> value(String name);

    /** The key at a backslash-separated path below this one (case-insensitive); {@code ""} is this key. */
    default Optional<Key> key(String relativePath) {
        Key k = this;
        for (String part : relativePath.split("\\\\")) {
            if (part.isEmpty()) {
                continue;
            }
            Optional<Key> next = k.subkey(part);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            k = next.get();
        }
        return Optional.of(k);
    }
}
