package org.portmortem.hive;

import java.util.Locale;
import java.util.Optional;

/**
 * Key paths as examiners write them, read against one hive: {@code HKLM\SYSTEM\CurrentControlSet\Services},
 * {@code HKEY_LOCAL_MACHINE\SOFTWARE\...}, {@code /ControlSet001/Services/Tcpip}, or the path below the
 * root as the reader takes it. The report's own remediation commands ({@code reg add HKLM\SYSTEM\...})
 * use the first forms, so each must lead to the same key.
 *
 * <p>{@code CurrentControlSet} exists only on a running system (a volatile link to the control set that
 * {@code Select\Current} names); in a hive file it is resolved the same way.
 */
public final class KeyPaths {
    private KeyPaths() {}

    /** The path below the root for {@code path} in {@code hive}: prefixes removed, separators unified, the alias resolved. */
    public static String belowRoot(Hive hive, String path) {
        String p = path.replace('/', '\\').replaceAll("\\\\{2,}", "\\\\");
        p = strip(p);
        String[] parts = p.isEmpty() ? new String[0] : p.split("\\\\", -1);
        int skip = 0;
        if (parts.length > 0) {
            String first = parts[0].toUpperCase(Locale.ROOT);
            if (first.equals("HKLM")
                    || first.equals("HKEY_LOCAL_MACHINE")
                    || first.equals("HKU")
                    || first.equals("HKEY_USERS")) {
                skip = Math.min(2, parts.length); // the hive's mount name (SYSTEM, SOFTWARE) or a user's SID
            } else if (first.equals("HKCU") || first.equals("HKEY_CURRENT_USER")) {
                skip = 1;
            } else if (parts.length > 1
                    && first.equalsIgnoreCase(hive.root().name())
                    && hive.key(parts[0]).isEmpty()) {
                skip = 1; // the root's own name, as reglookup and Registry Explorer print paths
            }
        }
        StringBuilder below = new StringBuilder();
        for (int i = skip; i < parts.length; i++) {
            String part = parts[i];
            if (i == skip
                    && part.equalsIgnoreCase("CurrentControlSet")
                    && hive.key(part).isEmpty()) {
                part = currentControlSet(hive).orElse(part);
            }
            if (below.length() > 0) {
                below.append('\\');
            }
            below.append(part);
        }
        return below.toString();
    }

    /** The key for {@code path} as {@link #belowRoot} reads it. */
    public static Optional<Key> find(Hive hive, String path) {
        return hive.key(belowRoot(hive, path));
    }

    /** {@code ControlSet00N} for the number in {@code Select\Current}, when the hive has one. */
    static Optional<String> currentControlSet(Hive hive) {
        return hive.key("Select")
                .flatMap(k -> k.value("Current"))
                .filter(Value::isNumber)
                .map(v -> controlSetName(v.asLong()));
    }

    /**
     * {@code ControlSet} and the number in at least three digits ({@code ControlSet001}), as Windows
     * names the sets. Padded by hand: {@code String.format}'s first integer loads the locale's number
     * symbols, 9 ms of a one-host {@code analyze} (bench/README.md).
     */
    public static String controlSetName(long number) {
        if (number < 0) {
            return String.format(Locale.ROOT, "ControlSet%03d", number);
        }
        String digits = Long.toString(number);
        return digits.length() >= 3
                ? "ControlSet" + digits
                : "ControlSet" + "00".substring(digits.length() - 1) + digits;
    }

    private static String strip(String p) {
        int from = 0;
        int to = p.length();
        while (from < to && p.charAt(from) == '\\') {
            from++;
        }
        while (to > from && p.charAt(to - 1) == '\\') {
            to--;
        }
        return p.substring(from, to);
    }
}
