package org.portmortem.exposure;

import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * The registry roots knowledge files name: {@code CS\} is the current control set of the SYSTEM
 * hive, {@code SW\} the SOFTWARE hive, {@code SYS\} the SYSTEM hive's root (for keys kept outside any
 * control set, such as Radmin's {@code HKLM\SYSTEM\RAdmin}). Resolves a path to a key, and a value to evidence whether
 * present or not.
 *
 * <p>The stages after the system model that read further registry conditions (exposure, the finding
 * rules, the hardening plan) are given this scope explicitly by the pipeline, which keeps the hives
 * open while they run; the model itself holds no hive.
 *
 * @param system the SYSTEM hive
 * @param controlSetPath the current control set's path, e.g. {@code ControlSet001}
 * @param software the SOFTWARE hive, or {@code null} when not supplied
 */
public record RegistryScope(Hive system, String controlSetPath, Hive software) {

    /** The registry a model was read from: its hives, on the model's control set. */
    public static RegistryScope of(org.portmortem.model.SystemModel model, Hive system, Hive software) {
        return new RegistryScope(system, model.controlSetPath(), software);
    }

    /** The key a knowledge-file path names, if present. */
    public Optional<Key> key(String path) {
        Hive hive = hiveOf(path);
        return hive == null ? Optional.empty() : hive.key(hivePath(path));
    }

    /** The value, if both key and value are present. */
    public Optional<Value> value(String keyPath, String valueName) {
        return key(keyPath).flatMap(k -> k.value(valueName));
    }

    /** Evidence for a value: as read, or the fact that it (or its key, or its hive) is absent. */
    public Evidence evidence(String keyPath, String valueName, String note) {
        Optional<Key> k = key(keyPath);
        if (k.isPresent()) {
            return Evidence.ofValueOrAbsent(k.get(), valueName, note);
        }
        Hive hive = hiveOf(keyPath);
        if (hive == null) {
            return new Evidence(
                    "SOFTWARE", hivePath(keyPath), valueName, null, null, null, "SOFTWARE hive not supplied: " + note);
        }
        return Evidence.absentKey(hive, hivePath(keyPath), note);
    }

    /** True when the path names the SOFTWARE hive and it was not supplied. */
    public boolean unavailable(String path) {
        return hiveOf(path) == null;
    }

    /** The path inside its hive: {@code CS\Services\X} → {@code ControlSet001\Services\X}. */
    public String hivePath(String path) {
        if (path.regionMatches(true, 0, "CS\\", 0, 3)) {
            return controlSetPath + "\\" + path.substring(3);
        }
        if (path.regionMatches(true, 0, "SW\\", 0, 3)) {
            return path.substring(3);
        }
        if (path.regionMatches(true, 0, "SYS\\", 0, 4)) {
            return path.substring(4);
        }
        throw new IllegalArgumentException("knowledge path must start with CS\\, SW\\ or SYS\\: " + path);
    }

    private Hive hiveOf(String path) {
        return path.regionMatches(true, 0, "SW\\", 0, 3) ? software : system;
    }

    /**
     * The service pack number: {@code SW\Microsoft\Windows NT\CurrentVersion\CSDVersion} ("Service
     * Pack N"), else {@code CS\Control\Windows\CSDVersion} (N x 0x100 [facts B15]); 0 if neither.
     */
    public int servicePack() {
        Optional<Value> sw =
                value("SW\\Microsoft\\Windows NT\\CurrentVersion", "CSDVersion").filter(Value::isString);
        if (sw.isPresent()) {
            return servicePackNumber(sw.get().asString());
        }
        return value("CS\\Control\\Windows", "CSDVersion")
                .filter(Value::isNumber)
                .map(v -> (v.asInt() >> 8) & 0xff)
                .orElse(0);
    }

    /** The evidence {@link #servicePack()} rests on. */
    public Evidence servicePackEvidence() {
        String sw = "SW\\Microsoft\\Windows NT\\CurrentVersion";
        if (value(sw, "CSDVersion").isPresent()) {
            return evidence(sw, "CSDVersion", "service pack");
        }
        return evidence(
                "CS\\Control\\Windows", "CSDVersion", "service pack x 0x100 (SOFTWARE's CSDVersion not available)");
    }

    /** "Service Pack 2" → 2; no digits → 0. */
    static int servicePackNumber(String csdVersion) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)").matcher(csdVersion == null ? "" : csdVersion);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
