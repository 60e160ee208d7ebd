package org.portmortem.hive;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A hive held in memory that can be changed: what the .reg reader builds, what overlays are applied
 * to, and what the hive writer and tests start from. {@link #copyOf(Hive)} takes a copy of any
 * other hive, keeping names, last-write times, class names, values and warnings.
 *
 * <p>A copy of a file-backed hive is taken key by key as it is read (copy on first access): what
 * an analysis never reads (other control sets, Enum, most of SOFTWARE) is never copied, so the
 * hardening plan's copies cost what it reads, not the size of the hive. The source must stay open
 * while such a copy is used; a file-backed hive never changes, so the copy is the same as a deep
 * one. A copy of another {@code MemoryHive}, which can change, is deep and immediate.
 *
 * <p>Subkeys are kept in the order Windows sorts them in a hive (by upper-cased name); values keep
 * the order they were put in.
 */
public final class MemoryHive implements Hive {
    private final String name;
    private final Path file;
    private final HiveFormat format;
    private final HiveInfo info;
    private final List<HiveWarning> warnings = new ArrayList<>();
    private final MemoryKey root;
    /** The file-backed hive this is a copy of, whose warnings (found as it is read) are this one's too; or null. */
    private Hive copiedFrom;

    /**
     * @param name display name for reports
     * @param file the file the content came from, or {@code null}
     * @param format where the content came from
     * @param info header facts
     * @param rootName the root key's own name
     */
    public MemoryHive(String name, Path file, HiveFormat format, HiveInfo info, String rootName) {
        this.name = name;
        this.file = file;
        this.format = format;
        this.info = info;
        this.root = new MemoryKey(this, null, rootName);
    }

    /** An empty hive built in memory, with a root key of that name. */
    public static MemoryHive empty(String name, String rootName) {
        return new MemoryHive(name, null, HiveFormat.MEMORY, HiveInfo.textExport(null), rootName);
    }

    /**
     * A copy of another hive, which keeps its name, file, format and info: taken as it is read when
     * the source is file-backed (keep it open while the copy is used), deep and immediate when the
     * source is another {@code MemoryHive}.
     */
    public static MemoryHive copyOf(Hive source) {
        MemoryHive copy = new MemoryHive(
                source.name(),
                source.file().orElse(null),
                source.format(),
                source.info(),
                source.root().name());
        if (source instanceof MemoryHive) {
            copyInto(source.root(), copy.root);
            copy.warnings.addAll(source.warnings());
        } else {
            copy.root.copyOnAccess(source.root());
            copy.copiedFrom = source;
        }
        return copy;
    }

    private static void copyInto(Key from, MemoryKey to) {
        from.lastWritten().ifPresent(to::setLastWritten);
        from.className().ifPresent(to::setClassName);
        for (Value v : from.values()) {
            to.putValue(v.name(), v.typeId(), v.raw());
        }
        for (Key sub : from.subkeys()) {
            copyInto(sub, to.createSubkey(sub.name()));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    @Override
    public HiveFormat format() {
        return format;
    }

    @Override
    public MemoryKey root() {
        return root;
    }

    @Override
    public HiveInfo info() {
        return info;
    }

    @Override
    public List<HiveWarning> warnings() {
        if (copiedFrom == null) {
            return Collections.unmodifiableList(warnings);
        }
        List<HiveWarning> all = new ArrayList<>(copiedFrom.warnings());
        all.addAll(warnings);
        return Collections.unmodifiableList(all);
    }

    /** Records something that could not be read or applied. */
    public void addWarning(HiveWarning warning) {
        warnings.add(warning);
    }

    /** The key at a path, creating it and any missing parents. */
    public MemoryKey createKey(String path) {
        MemoryKey k = root;
        for (String part : path.split("\\\\")) {
            if (!part.isEmpty()) {
                k = k.createSubkey(part);
            }
        }
        return k;
    }

    /** Removes the key at a path with everything below it; false if there was none. The root stays. */
    public boolean deleteKey(String path) {
        Optional<Key> k = key(path);
        if (k.isEmpty() || k.get() == root) {
            return false;
        }
        MemoryKey mk = (MemoryKey) k.get();
        return mk.parent.removeSubkey(mk.name());
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** A key of a {@link MemoryHive}. */
    public static final class MemoryKey implements Key {
        private final MemoryHive hive;
        private final MemoryKey parent;
        private final String name;
        /**
         * The path, built from the parents' names when first asked for: a key line N levels deep
         * creates N keys, and storing each one's full path would cost the square of the line's length.
         */
        private String path;

        private final TreeMap<String, MemoryKey> subkeys = new TreeMap<>();
        private final Map<String, Value> values = new LinkedHashMap<>();
        private Instant lastWritten;
        private String className;
        /** The key of a file-backed hive whose values and subkeys are still to be copied here, or null. */
        private Key source;

        private MemoryKey(MemoryHive hive, MemoryKey parent, String name) {
            this.hive = hive;
            this.parent = parent;
            this.name = name;
            this.path = parent == null ? "" : null;
        }

        /** Takes the key's times and class now, its values and subkeys when first needed. */
        private void copyOnAccess(Key from) {
            lastWritten = from.lastWritten().orElse(null);
            className = from.className().orElse(null);
            source = from;
        }

        /**
         * Copies the source key's values (immutable, so shared) and subkeys (each copied on access in
         * turn). As in a deep copy, a value name that repeats keeps the last; a subkey name that repeats
         * (a damaged hive) keeps the first.
         */
        private void load() {
            Key from = source;
            if (from == null) {
                return;
            }
            source = null;
            for (Value v : from.values()) {
                values.put(fold(v.name()), v);
            }
            for (Key sub : from.subkeys()) {
                subkeys.computeIfAbsent(fold(sub.name()), n -> {
                    MemoryKey k = new MemoryKey(hive, this, sub.name());
                    k.copyOnAccess(sub);
                    return k;
                });
            }
        }

        private static String fold(String name) {
            return name.toUpperCase(Locale.ROOT);
        }

        @Override
        public Hive hive() {
            return hive;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String path() {
            if (path == null) {
                java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
                int length = 0;
                MemoryKey k = this;
                for (; k.path == null; k = k.parent) {
                    names.push(k.name);
                    length += k.name.length() + 1;
                }
                StringBuilder sb = new StringBuilder(k.path.length() + length).append(k.path);
                for (String n : names) {
                    if (sb.length() > 0) {
                        sb.append('\\');
                    }
                    sb.append(n);
                }
                path = sb.toString();
            }
            return path;
        }

        @Override
        public Optional<Instant> lastWritten() {
            return Optional.ofNullable(lastWritten);
        }

        public void setLastWritten(Instant when) {
            this.lastWritten = when;
        }

        @Override
        public Optional<String> className() {
            return Optional.ofNullable(className);
        }

        public void setClassName(String className) {
            this.className = className;
        }

        @Override
        public List<Key> subkeys() {
            load();
            return List.copyOf(subkeys.values());
        }

        @Override
        public Optional<Key> subkey(String name) {
            load();
            return Optional.ofNullable(subkeys.get(fold(name)));
        }

        /** The subkey of that name, created if missing (an existing one keeps its spelling). */
        public MemoryKey createSubkey(String name) {
            load();
            return subkeys.computeIfAbsent(fold(name), n -> new MemoryKey(hive, this, name));
        }

        /** Removes a subkey with everything below it; false if there was none. */
        public boolean removeSubkey(String name) {
            load();
            return subkeys.remove(fold(name)) != null;
        }

        @Override
        public List<Value> values() {
            load();
            return List.copyOf(values.values());
        }

        @Override
        public Optional<Value> value(String name) {
            load();
            return Optional.ofNullable(values.get(fold(name)));
        }

        /** Sets a value, replacing one of the same name (case-insensitive) in its place. */
        public void putValue(String name, int typeId, byte[] raw) {
            load();
            values.put(fold(name), new Value(path(), name, typeId, raw));
        }

        /** Removes a value; false if there was none. */
        public boolean removeValue(String name) {
            load();
            return values.remove(fold(name)) != null;
        }

        @Override
        public String toString() {
            return path().isEmpty() ? "(root)" : path();
        }
    }
}
