package org.portmortem.hive.internal.text;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portmortem.hive.HiveFormat;
import org.portmortem.hive.HiveInfo;
import org.portmortem.hive.HiveWarning;
import org.portmortem.hive.KeyPaths;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.Value;

/**
 * A parsed .reg file: its version, the changes it asks for in file order, and the lines that could
 * not be read. It can be turned into a hive of its own ({@link #toHive()}) or applied to an existing
 * one ({@link #applyTo(MemoryHive, String)}).
 */
public final class RegTextFile {
    private static final String SYSTEM = "SYSTEM";
    private static final String CURRENT_CONTROL_SET = "CurrentControlSet";

    private final String name;
    private final Path file;
    private final String version;
    private final List<RegEdit> edits;
    private final List<HiveWarning> warnings;

    RegTextFile(String name, Path file, String version, List<RegEdit> edits, List<HiveWarning> warnings) {
        this.name = name;
        this.file = file;
        this.version = version;
        this.edits = List.copyOf(edits);
        this.warnings = List.copyOf(warnings);
    }

    /** Reads and parses a .reg file (UTF-16LE, UTF-8 or ANSI). */
    public static RegTextFile read(Path file) throws IOException {
        return RegTextParser.parse(file);
    }

    /** The file name, for messages. */
    public String name() {
        return name;
    }

    /** {@code "REGEDIT4"} or {@code "5.00"}. */
    public String version() {
        return version;
    }

    /** The changes, in file order. */
    public List<RegEdit> edits() {
        return edits;
    }

    /** The lines that were skipped while reading, each with its line number. */
    public List<HiveWarning> warnings() {
        return warnings;
    }

    /**
     * The hives the file touches, in order of first appearance: names under HKEY_LOCAL_MACHINE
     * upper-cased ({@code SYSTEM}, {@code SOFTWARE}), other top-level keys by their full name.
     */
    public Set<String> roots() {
        Set<String> roots = new LinkedHashSet<>();
        for (RegEdit e : edits) {
            if (!e.key().root().isEmpty()) {
                roots.add(e.key().root());
            }
        }
        return Collections.unmodifiableSet(roots);
    }

    /**
     * The file as a hive of its own: the root that holds most keys becomes the hive root; keys under
     * other roots are left out with one warning per root.
     */
    public MemoryHive toHive() {
        // Values are only read under a key line, so key lines tell how many keys each root holds.
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (RegEdit e : edits) {
            if (e instanceof RegEdit.AddKey) {
                keyLines.merge(e.key().root(), 1, Integer::sum);
            }
            firstLine.putIfAbsent(e.key().root(), e.line());
        }
        String chosen = keyLines.entrySet().stream()
                .filter(en -> !en.getKey().isEmpty())
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        MemoryHive hive = new MemoryHive(
                name, file, HiveFormat.REG_TEXT, HiveInfo.textExport(version), chosen == null ? "ROOT" : chosen);
        warnings.forEach(hive::addWarning);
        if (chosen == null) {
            hive.addWarning(HiveWarning.general(
                    name + ": no key under HKEY_LOCAL_MACHINE\\<hive> in the file; the hive is empty"));
            return hive;
        }
        applyTo(hive, chosen).forEach(hive::addWarning);
        for (Map.Entry<String, Integer> other : firstLine.entrySet()) {
            if (!other.getKey().equals(chosen)) {
                RegPath sample = new RegPath(other.getKey(), "");
                hive.addWarning(HiveWarning.atLine(
                        other.getValue(),
                        name + ": keys under " + sample.rootDisplay() + " are not part of this hive ("
                                + new RegPath(chosen, "").rootDisplay() + ") and were left out"));
            }
        }
        return hive;
    }

    /**
     * Applies, in file order, the changes under {@code HKEY_LOCAL_MACHINE\<hklmRoot>\} to a hive:
     * keys are created as needed, deletions of what is absent change nothing. In the SYSTEM hive
     * {@code CurrentControlSet} is mapped to {@code ControlSet00N} with N from {@code Select\Current}
     * of the hive, else of this file, else 1 (with a warning).
     *
     * @return what could not be applied, each with its line
     */
    public List<HiveWarning> applyTo(MemoryHive hive, String hklmRoot) {
        String root = hklmRoot.toUpperCase(Locale.ROOT);
        List<HiveWarning> out = new ArrayList<>();
        String controlSet = null;
        KeyCache cache = new KeyCache();
        for (RegEdit e : edits) {
            if (!e.key().root().equals(root)) {
                continue;
            }
            String path = e.key().path();
            if (root.equals(SYSTEM) && startsWithComponent(path, CURRENT_CONTROL_SET)) {
                if (controlSet == null) {
                    controlSet = currentControlSet(hive, e.line(), out);
                }
                path = controlSet + path.substring(CURRENT_CONTROL_SET.length());
            }
            apply(hive, e, path, cache, out);
        }
        return out;
    }

    private void apply(MemoryHive hive, RegEdit e, String path, KeyCache cache, List<HiveWarning> out) {
        if (e instanceof RegEdit.AddKey) {
            cache.key(hive, path);
        } else if (e instanceof RegEdit.SetValue v) {
            cache.key(hive, path).putValue(v.name(), v.typeId(), v.raw());
        } else if (e instanceof RegEdit.DeleteValue d) {
            hive.key(path).ifPresent(k -> ((MemoryHive.MemoryKey) k).removeValue(d.name()));
        } else if (e instanceof RegEdit.DeleteKey) {
            cache.forget();
            if (path.isEmpty()) {
                out.add(HiveWarning.atLine(e.line(), name + ": the hive root itself cannot be deleted; line ignored"));
            } else {
                hive.deleteKey(path);
            }
        }
    }

    /** The key the last lines named: values follow their key line, so most look-ups repeat it. */
    private static final class KeyCache {
        private String path;
        private MemoryHive.MemoryKey key;

        MemoryHive.MemoryKey key(MemoryHive hive, String wanted) {
            if (!wanted.equals(path)) {
                key = hive.createKey(wanted);
                path = wanted;
            }
            return key;
        }

        /** A deletion may remove the cached key. */
        void forget() {
            path = null;
            key = null;
        }
    }

    private static boolean startsWithComponent(String path, String component) {
        return path.regionMatches(true, 0, component, 0, component.length())
                && (path.length() == component.length() || path.charAt(component.length()) == '\\');
    }

    /** {@code ControlSet00N} for the hive's current control set. */
    private String currentControlSet(MemoryHive hive, int line, List<HiveWarning> out) {
        Optional<Integer> current = hive.key("Select")
                .flatMap(k -> k.value("Current"))
                .filter(Value::isNumber)
                .map(Value::asInt);
        if (current.isEmpty()) {
            current = selectCurrentSetHere();
        }
        if (current.isEmpty()) {
            out.add(HiveWarning.atLine(
                    line,
                    name + ": CurrentControlSet used but neither the hive nor the file has"
                            + " Select\\Current; ControlSet001 assumed"));
            return "ControlSet001";
        }
        return KeyPaths.controlSetName(current.get());
    }

    /** The last {@code Select\Current} DWORD this file sets in the SYSTEM hive. */
    private Optional<Integer> selectCurrentSetHere() {
        Integer found = null;
        for (RegEdit e : edits) {
            if (e instanceof RegEdit.SetValue v
                    && v.key().root().equals(SYSTEM)
                    && v.key().path().equalsIgnoreCase("Select")
                    && v.name().equalsIgnoreCase("Current")) {
                Value value = new Value("Select", v.name(), v.typeId(), v.raw());
                if (value.isNumber()) {
                    found = value.asInt();
                }
            }
        }
        return Optional.ofNullable(found);
    }
}
