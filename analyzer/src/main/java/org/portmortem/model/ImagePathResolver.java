package org.portmortem.model;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.hive.Hive;
import org.portmortem.model.RegistryFacts.KeyAt;

/**
 * Resolves an ImagePath or ServiceDll as Windows would: environment references, the
 * {@code \SystemRoot\} prefix, the NT {@code \??\} prefix, bare {@code system32\...} paths (relative to
 * the system root, as the kernel loads drivers), and the split of a command line into file and
 * arguments.
 */
final class ImagePathResolver {
    private static final Pattern ENV = Pattern.compile("%([^%]+)%");
    /** An executable's name ends at the first known extension followed by a blank or the end. */
    private static final Pattern UNQUOTED_FILE =
            Pattern.compile("(?i)^(.*?\\.(?:exe|sys|dll|com|bat|cmd))(?=\\s|$)(.*)$");

    private static final Pattern SVCHOST_GROUP = Pattern.compile("(?i)(?:^|\\s)[-/]k\\s+(\"[^\"]+\"|\\S+)");

    private final String systemRoot;
    private final boolean assumed;
    private final Map<String, String> environment = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    ImagePathResolver(Evidenced<String> systemRoot, Hive software) {
        this.assumed = !systemRoot.isPresent() || systemRoot.value().isBlank();
        this.systemRoot = stripTrailingSlash(
                assumed ? SystemRoot.ASSUMED : systemRoot.value().trim());
        environment.put("SystemRoot", this.systemRoot);
        environment.put("windir", this.systemRoot);
        environment.put(
                "SystemDrive",
                this.systemRoot.length() >= 2 && this.systemRoot.charAt(1) == ':'
                        ? this.systemRoot.substring(0, 2)
                        : "C:");
        if (software != null) {
            KeyAt cv = KeyAt.of(software, "Microsoft\\Windows\\CurrentVersion");
            cv.key().ifPresent(k -> {
                putIfString(k, "ProgramFilesDir", "ProgramFiles");
                putIfString(k, "ProgramFilesDir (x86)", "ProgramFiles(x86)");
                putIfString(k, "CommonFilesDir", "CommonProgramFiles");
            });
        }
    }

    /**
     * The variables image paths are expanded with (system root, drive, program folders): with the
     * system root, all a resolution depends on besides the path itself.
     */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    private void putIfString(org.portmortem.hive.Key k, String value, String variable) {
        k.value(value).filter(v -> v.isString()).ifPresent(v -> environment.put(variable, v.asString()));
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("\\") ? s.substring(0, s.length() - 1) : s;
    }

    /** The resolved path, or {@code null} for a blank value. */
    ImagePath resolve(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String line = raw.trim();
        String file;
        String args;
        if (line.startsWith("\"")) {
            int close = line.indexOf('"', 1);
            file = close < 0 ? line.substring(1) : line.substring(1, close);
            args = close < 0 ? "" : line.substring(close + 1).trim();
        } else {
            Matcher m = UNQUOTED_FILE.matcher(line);
            if (m.matches()) {
                file = m.group(1);
                args = m.group(2).trim();
            } else {
                int space = line.indexOf(' ');
                file = space < 0 ? line : line.substring(0, space);
                args = space < 0 ? "" : line.substring(space + 1).trim();
            }
        }
        boolean usedRoot = false;
        Matcher env = ENV.matcher(file);
        StringBuilder expanded = new StringBuilder();
        while (env.find()) {
            String name = env.group(1);
            String value = environment.get(name);
            usedRoot |= value != null && isRootVariable(name);
            env.appendReplacement(expanded, Matcher.quoteReplacement(value != null ? value : env.group()));
        }
        env.appendTail(expanded);
        String path = expanded.toString();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("\\systemroot\\")) {
            path = systemRoot + path.substring("\\SystemRoot".length());
            usedRoot = true;
        } else if (lower.startsWith("\\??\\") || lower.startsWith("\\\\?\\")) {
            path = path.substring(4);
        } else if (!path.startsWith("\\") && !(path.length() >= 2 && path.charAt(1) == ':')) {
            // The kernel loads a relative driver path (system32\drivers\x.sys) from the system root.
            path = systemRoot + "\\" + path;
            usedRoot = true;
        }
        String last = path.substring(path.lastIndexOf('\\') + 1);
        if (!last.isEmpty() && last.indexOf('.') < 0) {
            // CreateProcess appends .exe to a file name without extension (2000/XP: "svchost -k rpcss").
            path = path + ".exe";
        }
        return new ImagePath(raw, path, args, usedRoot && assumed);
    }

    private static boolean isRootVariable(String name) {
        return name.equalsIgnoreCase("SystemRoot")
                || name.equalsIgnoreCase("windir")
                || name.equalsIgnoreCase("SystemDrive");
    }

    /** The svchost group named by {@code -k} in a command line (the {@code -p} flag ignored), or null. */
    static String svchostGroup(ImagePath image) {
        if (image == null || !image.isSvchost()) {
            return null;
        }
        Matcher m = SVCHOST_GROUP.matcher(image.arguments());
        if (!m.find()) {
            return null;
        }
        String g = m.group(1);
        return g.startsWith("\"") ? g.substring(1, g.length() - 1) : g;
    }
}
