package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The SYSTEM plugins defined as data (rdpport, disableremotescm, remoteaccess, termserv, and the
 * additions smbserver and smbdevice, which RegRipper 3.0 lacks) against {@code reglookup} on every
 * clean corpus SYSTEM hive: a value reported present has the data reglookup prints (DWORD and string
 * values), and a value reported absent is one reglookup does not list.
 */
class ValuePluginReglookupTest {
    private static final Path REGLOOKUP = Path.of("/usr/bin/reglookup");

    @Test
    void presentValuesHaveReglookupsDataAndAbsentOnesAreNotListed() throws Exception {
        int[] compared = {0};
        CleanSystemHives.forEach(REGLOOKUP, (path, hive, context) -> {
            Map<String, Map<String, String[]>> listed = new HashMap<>();
            for (RipPlugin plugin : RipPlugins.profile(HiveType.SYSTEM)) {
                if (!(plugin instanceof ValuePlugin)) {
                    continue;
                }
                for (RipFact f : plugin.run(context)) {
                    String valueName = f.evidence().valueName();
                    if (valueName == null) {
                        continue; // a missing key
                    }
                    Map<String, String[]> values = listed.computeIfAbsent(f.evidence().keyPath(),
                            k -> reglookup(path, k));
                    String[] theirs = values.get(valueName);
                    String what = path + " " + plugin.name() + ": " + f.evidence().keyPath() + "\\" + valueName;
                    if (f.isAbsent()) {
                        assertThat(theirs).as(what + " is absent").isNull();
                    } else if (theirs[0].equals("DWORD")) {
                        assertThat(f.data()).as(what).isEqualTo(Long.toString(Long.decode(theirs[1])));
                        compared[0]++;
                    } else if (theirs[0].equals("SZ") || theirs[0].equals("EXPAND_SZ")) {
                        assertThat(f.data()).as(what).isEqualTo(theirs[1]);
                        compared[0]++;
                    }
                }
            }
        });
        assertThat(compared[0]).as("values compared").isGreaterThan(20);
    }

    /** reglookup's values of one key (not of its subkeys): name → {type, data}, %XX decoded. */
    private static Map<String, String[]> reglookup(Path hive, String keyPath) {
        try {
            Process p = new ProcessBuilder(REGLOOKUP.toString(), "-H", "-p", "/" + keyPath.replace('\\', '/'),
                    hive.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(5, TimeUnit.MINUTES);
            Map<String, String[]> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            String prefix = ("/" + keyPath.replace('\\', '/') + "/").toLowerCase(java.util.Locale.ROOT);
            for (String line : out.lines().toList()) {
                String[] c = line.split(",", -1);
                if (c.length < 3 || c[1].equals("KEY") || !c[0].toLowerCase(java.util.Locale.ROOT).startsWith(prefix)) {
                    continue;
                }
                String name = decode(c[0].substring(prefix.length()));
                if (!name.contains("/")) {
                    values.put(name, new String[] {c[1], decode(c[2])});
                }
            }
            return values;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
