package org.portmortem.hive.internal.text;

import java.util.Locale;
import java.util.Map;

/**
 * A key path of a .reg file split into the hive it belongs to and the path inside that hive.
 *
 * @param root the hive: the name under {@code HKEY_LOCAL_MACHINE} upper-cased ({@code SYSTEM},
 *     {@code SOFTWARE}, ...), or the top-level key's full name for other top-level keys
 *     ({@code HKEY_CURRENT_USER}); {@code ""} for the bare {@code HKEY_LOCAL_MACHINE}
 * @param path the backslash-separated path below the hive root, {@code ""} for the root itself
 */
public record RegPath(String root, String path) {
    private static final String HKLM = "HKEY_LOCAL_MACHINE";

    /** The abbreviations regedit and {@code reg.exe} accept for the top-level keys. */
    private static final Map<String, String> ABBREVIATIONS = Map.of(
            "HKLM", HKLM,
            "HKCU", "HKEY_CURRENT_USER",
            "HKCR", "HKEY_CLASSES_ROOT",
            "HKU", "HKEY_USERS",
            "HKCC", "HKEY_CURRENT_CONFIG");

    /** Splits a path as written between the brackets of a key line. */
    public static RegPath parse(String written) {
        String[] parts = written.split("\\\\+");
        int first = 0;
        while (first < parts.length && parts[first].isEmpty()) {
            first++;
        }
        if (first == parts.length) {
            return new RegPath("", "");
        }
        String top = parts[first].toUpperCase(Locale.ROOT);
        top = ABBREVIATIONS.getOrDefault(top, top);
        if (!top.equals(HKLM)) {
            return new RegPath(top, join(parts, first + 1));
        }
        if (first + 1 >= parts.length) {
            return new RegPath("", "");
        }
        return new RegPath(parts[first + 1].toUpperCase(Locale.ROOT), join(parts, first + 2));
    }

    private static String join(String[] parts, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append('\\');
            }
            sb.append(parts[i]);
        }
        return sb.toString();
    }

    /** How the root is written in a .reg file, for messages: {@code HKEY_LOCAL_MACHINE\SYSTEM}. */
    public String rootDisplay() {
        if (root.isEmpty()) {
            return HKLM;
        }
        return root.startsWith("HKEY_") ? root : HKLM + "\\" + root;
    }
}
