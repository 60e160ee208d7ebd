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
 * to, and what the hive writer and tests start from. {@link #copyOf(Hive)} takes a deep copy of any
 * other hive, keeping names, last-write times, class names, values and warnings.
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

    /** A deep copy of another hive, which keeps its name, file, format and info. */
    public static MemoryHive copyOf(Hive source) {
        MemoryHive copy = new MemoryHive(source.name(), source.file().orElse(null), source.format(),
                source.info(), source.root().name());
        copyInto(source.root(), copy.root);
        copy.warnings.addAll(source.warnings());
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
        return Collections.unmodifiableList(warnings);
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
        private final String path;
        private final TreeMap<String, MemoryKey> subkeys = new TreeMap<>();
        private final Map<String, Value> values = new LinkedHashMap<>();
        private Instant lastWritten;
        private String className;

        private MemoryKey(MemoryHive hive, MemoryKey parent, String name) {
            this.hive = hive;
            this.parent = parent;
            this.name = name;
            this.path = parent == null ? "" : parent.path.isEmpty() ? name : parent.path + "\\" + name;
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
            return List.copyOf(subkeys.values());
        }

        @Override
        public Optional<Key> subkey(String name) {
            return Optional.ofNullable(subkeys.get(fold(name)));
        }

        /** The subkey of that name, created if missing (an existing one keeps its spelling). */
        public MemoryKey createSubkey(String name) {
            return subkeys.computeIfAbsent(fold(name), n -> new MemoryKey(hive, this, name));
        }

        /** Removes a subkey with everything below it; false if there was none. */
        public boolean removeSubkey(String name) {
            return subkeys.remove(fold(name)) != null;
        }

        @Override
        public List<Value> values() {
            return List.copyOf(values.values());
        }

        @Override
        public Optional<Value> value(String name) {
            return Optional.ofNullable(values.get(fold(name)));
        }

        /** Sets a value, replacing one of the same name (case-insensitive) in its place. */
        public void putValue(String name, int typeId, byte[] raw) {
            values.put(fold(name), new Value(path, name, typeId, raw));
        }

        /** Removes a value; false if there was none. */
        public boolean removeValue(String name) {
            return values.remove(fold(name)) != null;
        }

        @Override
        public String toString() {
            return path.isEmpty() ? "(root)" : path;
        }
    }
}
