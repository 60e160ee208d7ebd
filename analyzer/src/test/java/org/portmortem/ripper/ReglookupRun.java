package org.portmortem.ripper;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed {@code reglookup} on a key and reads back what it prints: one row per key and
 * value at and below the key. reglookup escapes separators and non-printable characters as
 * {@code %XX}; the path is split on {@code /} before each part is decoded, so a value name holding a
 * backslash or slash stays one name.
 */
final class ReglookupRun {
    static final Path REGLOOKUP = Path.of("/usr/bin/reglookup");

    /**
     * One line of reglookup's output.
     *
     * @param keyPath the key's path from the root, backslash-separated, without the root's name
     * @param valueName the value's name, or {@code null} for a key row
     * @param type reglookup's type name ({@code KEY}, {@code DWORD}, {@code SZ}, {@code EXPAND_SZ}, …)
     * @param data the data as reglookup prints it, decoded ({@code 0x00000001} for a DWORD)
     */
    record Row(String keyPath, String valueName, String type, String data) {
        /** The data as RegRipper and PortMortem print it: a DWORD in decimal, a string as stored. */
        String regRipperData() {
            return type.equals("DWORD") ? Long.toString(Long.decode(data)) : data;
        }

        /** Whether the data can be compared as text (a number or a plain string). */
        boolean comparable() {
            return List.of("DWORD", "SZ", "EXPAND_SZ").contains(type);
        }
    }

    private ReglookupRun() {}

    static boolean installed() {
        return Files.isExecutable(REGLOOKUP);
    }

    /** Every key and value at and below a key (backslash path from the root); empty when the key is absent. */
    static List<Row> below(Path hive, String keyPath) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(
                        REGLOOKUP.toString(), "-H", "-p", "/" + keyPath.replace('\\', '/'), hive.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("reglookup -p " + keyPath + " did not finish on " + hive);
        }
        List<Row> rows = new ArrayList<>();
        for (String line : new String(out, StandardCharsets.UTF_8).lines().toList()) {
            String[] c = line.split(",", -1);
            if (c.length < 3 || !c[0].startsWith("/")) {
                continue;
            }
            List<String> parts = Arrays.stream(c[0].substring(1).split("/", -1))
                    .map(ReglookupRun::decode)
                    .toList();
            boolean key = c[1].equals("KEY");
            String path = String.join("\\", key ? parts : parts.subList(0, parts.size() - 1));
            rows.add(new Row(path, key ? null : parts.get(parts.size() - 1), c[1], decode(c[2])));
        }
        return rows;
    }

    /** The values of one key (not of its subkeys), by name, case-insensitively. */
    static Map<String, Row> values(Path hive, String keyPath) throws IOException, InterruptedException {
        Map<String, Row> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Row r : below(hive, keyPath)) {
            if (r.valueName() != null && r.keyPath().equalsIgnoreCase(keyPath)) {
                values.put(r.valueName(), r);
            }
        }
        return values;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
