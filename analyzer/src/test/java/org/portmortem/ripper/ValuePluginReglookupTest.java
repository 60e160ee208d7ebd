package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.portmortem.ripper.ReferenceSoftwareHive.dword;
import static org.portmortem.ripper.ReferenceSoftwareHive.string;
import static org.portmortem.ripper.ReferenceSoftwareHive.written;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;

/**
 * The plugins defined as data against {@code reglookup}: a value reported present has the data
 * reglookup prints (DWORD and string values), a value reported absent is one reglookup does not list
 * in its key, and a key reported absent is one reglookup does not find. The SYSTEM ones (rdpport,
 * disableremotescm, remoteaccess, termserv, and the additions smbserver and smbdevice, which
 * RegRipper 3.0 lacks) on every clean corpus SYSTEM hive; the SOFTWARE ones (winver, dcom, netsh, and
 * the addition llmnr) on a {@link ReferenceSoftwareHive}, since the corpus has no SOFTWARE hive, with
 * and without the LLMNR policy.
 */
class ValuePluginReglookupTest {
    private static final String DNS_CLIENT = "Policies\\Microsoft\\Windows NT\\DNSClient";

    @Test
    void presentValuesHaveReglookupsDataAndAbsentOnesAreNotListed() throws Exception {
        int[] compared = {0};
        CleanSystemHives.forEach(
                ReglookupRun.REGLOOKUP,
                (path, hive, context) -> compared[0] += compare(path, context, HiveType.SYSTEM));
        assertThat(compared[0]).as("values compared").isGreaterThan(20);
    }

    @Test
    void llmnrPolicySetToZeroIsReportedAsReglookupPrintsIt(@TempDir Path dir) throws Exception {
        Path software = written(dir, h -> dword(h, DNS_CLIENT, "EnableMulticast", 0));
        assertThat(ReglookupRun.values(software, DNS_CLIENT)
                        .get("EnableMulticast")
                        .data())
                .isEqualTo("0x00000000");
        List<RipFact> facts = runAfterComparing(software, dir, "llmnr");
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.name() + " = " + f.data()).isEqualTo("EnableMulticast = 0");
            assertThat(f.evidence().keyPath()).isEqualTo(DNS_CLIENT);
            assertThat(f.evidence().valueType()).isEqualTo("REG_DWORD");
        });
    }

    @Test
    void llmnrWithoutThePolicyKeyIsOneAbsentKeyThatReglookupDoesNotFindEither(@TempDir Path dir) throws Exception {
        Path software = written(dir, h -> {});
        assertThat(ReglookupRun.below(software, DNS_CLIENT)).isEmpty();
        assertThat(runAfterComparing(software, dir, "llmnr")).singleElement().satisfies(f -> {
            assertThat(f.isAbsent()).isTrue();
            assertThat(f.name()).isEqualTo(DNS_CLIENT);
            assertThat(f.evidence().valueName()).isNull();
        });
    }

    @Test
    void llmnrWithOtherDnsClientPoliciesButNoEnableMulticastIsAnAbsentValue(@TempDir Path dir) throws Exception {
        Path software = written(dir, h -> string(h, DNS_CLIENT, "NameServer", ValueType.REG_SZ, "10.0.0.53"));
        assertThat(ReglookupRun.values(software, DNS_CLIENT)).containsOnlyKeys("NameServer");
        assertThat(runAfterComparing(software, dir, "llmnr")).singleElement().satisfies(f -> {
            assertThat(f.isAbsent()).isTrue();
            assertThat(f.evidence().keyPath()).isEqualTo(DNS_CLIENT);
            assertThat(f.evidence().valueName()).isEqualTo("EnableMulticast");
        });
    }

    /** Runs one plugin on a written hive, after every SOFTWARE value plugin has been compared with reglookup there. */
    private static List<RipFact> runAfterComparing(Path software, Path dir, String plugin) throws Exception {
        try (Hive hive = Hive.open(software)) {
            RipContext context = RipContext.of(hive, ModelOptions.DEFAULT);
            assertThat(context.hiveType()).isEqualTo(HiveType.SOFTWARE);
            assertThat(compare(software, context, HiveType.SOFTWARE))
                    .as("values compared on the reference SOFTWARE hive")
                    .isPositive();
            return RipPlugins.named(plugin).orElseThrow().run(context);
        }
    }

    /** How the plugin shows a value as a time ({@code epoch}, {@code filetime}), or null for data as stored. */
    private static String time(ValuePlugin plugin, String valueName) {
        return plugin.keys().stream()
                .flatMap(k -> k.values().stream())
                .filter(l -> l.value().equalsIgnoreCase(valueName))
                .map(ValuePlugin.Label::time)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** reglookup's data as the plugin prints it: an epoch DWORD as a time, else as RegRipper prints data. */
    private static String asPrinted(ReglookupRun.Row theirs, String time) {
        return "epoch".equals(time) && theirs.type().equals("DWORD")
                ? RegRipperData.time(Instant.ofEpochSecond(Long.decode(theirs.data())))
                : theirs.regRipperData();
    }

    /** Compares every value plugin of a kind of hive with reglookup on one hive; how many values were compared. */
    private static int compare(Path path, RipContext context, HiveType type) throws Exception {
        int compared = 0;
        Map<String, Map<String, ReglookupRun.Row>> listed = new HashMap<>();
        for (RipPlugin plugin : RipPlugins.profile(type)) {
            if (!(plugin instanceof ValuePlugin)) {
                continue;
            }
            for (RipFact f : plugin.run(context)) {
                String key = f.evidence().keyPath();
                String valueName = f.evidence().valueName();
                String what = path + " " + plugin.name() + ": " + key + (valueName == null ? "" : "\\" + valueName);
                if (valueName == null) {
                    // A fact about the key itself: its absence, or (present) its LastWrite time.
                    if (f.isAbsent()) {
                        assertThat(ReglookupRun.below(path, key))
                                .as(what + " is absent")
                                .isEmpty();
                    } else {
                        assertThat(ReglookupRun.below(path, key))
                                .as(what + " is present")
                                .isNotEmpty();
                    }
                    continue;
                }
                Map<String, ReglookupRun.Row> values = listed.get(key);
                if (values == null) {
                    values = ReglookupRun.values(path, key);
                    listed.put(key, values);
                }
                ReglookupRun.Row theirs = values.get(valueName);
                if (f.isAbsent()) {
                    assertThat(theirs).as(what + " is absent").isNull();
                } else if (theirs.comparable()) {
                    assertThat(f.data()).as(what).isEqualTo(asPrinted(theirs, time((ValuePlugin) plugin, valueName)));
                    compared++;
                }
            }
        }
        return compared;
    }
}
