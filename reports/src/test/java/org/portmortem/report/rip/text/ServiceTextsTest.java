package org.portmortem.report.rip.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.report.CommandRun;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.RegRipperData;

/**
 * services, svc and svcdll print RegRipper's text, line for line, on every SYSTEM hive, and
 * {@code rip -p svc --format tln} prints svc_tln's alerts. RegRipper's output is rewritten only where it
 * prints false data, each rewrite as narrow as the bug:
 * <ul>
 *   <li><b>services prints {@code 0x0} for a Type outside its table</b> (4, 8, 0x110, 0x120, 0x60, …):
 *       it formats {@code $t}, a variable never assigned, instead of {@code $type}. The rewrite puts the
 *       service's Type (read from the hive) in hexadecimal into such a {@code Type      = 0x0} line,
 *       which is what services.pl means to print, and what ours prints.
 *   <li><b>svc never resets its Description variable</b>, so a service without a Description value
 *       (a driver, mostly) is printed with the Description of the service before it in the hive's
 *       order. The rewrite empties the last cell of the row of a service key that has no Description
 *       value, where it holds that stale Description.
 *   <li><b>svc_tln dates its {@code ServiceDll does not end in .dll.} alert with {@code $p_lw}</b>, a
 *       variable never assigned, so the time field is empty, which no timeline tool can sort. Ours
 *       dates it with the Parameters key's LastWrite time (what {@code $p_lw} names); the rewrite puts
 *       that time, read from the hive, into the empty field.
 *   <li><b>On a damaged hive, RegRipper lists a ServiceDll whose value record is damaged</b> (regipy's
 *       corrupted_system_hive, winmgmt): Parse::Win32Registry reads its name but not its data, so svc
 *       and svcdll print an empty ServiceDll and svc_tln alerts that it does not end in .dll. Our
 *       reader refuses the damaged record with a warning (a PortMortem: line). The rewrite drops
 *       RegRipper's lines for a ServiceDll our reader reported unreadable.
 * </ul>
 * Reproduced, as RegRipper's layout choices: svc's commas in DisplayName printed as semicolons, its
 * Type in decimal where it has no word, its header without the Description column; svc_tln's
 * {@code Poss. ADS in path} for a colon in ImagePath's arguments ({@code dllhost.exe /Processid:{…}}),
 * and its alerts' empty system field.
 */
class ServiceTextsTest {
    private static final Pattern SERVICES_LINE = Pattern.compile("^  (\\S+) += (.*)$", Pattern.DOTALL);
    /** The value each line of services prints. */
    private static final Map<String, String> SERVICES_VALUES = Map.of(
            "Name",
            "",
            "Display",
            "DisplayName",
            "ImagePath",
            "ImagePath",
            "Type",
            "Type",
            "Start",
            "Start",
            "Group",
            "Group");

    private static final String DATE = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ";
    private static final String SERVICES_ZERO_TYPE = "  Type      = 0x0";
    private static final Pattern DLL_ALERT =
            Pattern.compile("^\\|ALERT\\|\\|\\|svc_tln: (.*) ServiceDll does not end in \\.dll\\.$");
    private static final Pattern SVC_ROW = Pattern.compile("^" + DATE + ",");

    @TestFactory
    Stream<DynamicTest> servicesTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(HiveType.SYSTEM, "services", ServiceTextsTest::servicesAsMeant);
    }

    @TestFactory
    Stream<DynamicTest> svcTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(HiveType.SYSTEM, "svc", ServiceTextsTest::svcAsMeant);
    }

    @TestFactory
    Stream<DynamicTest> svcdllTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(HiveType.SYSTEM, "svcdll", ServiceTextsTest::withoutUnreadable);
    }

    @TestFactory
    Stream<DynamicTest> svcTimelineHoldsOneRegLinePerRowAndExactlySvcTlnsAlerts() {
        return RegRipperTextDiff.forEveryHive(HiveType.SYSTEM, "svc --format tln", hive -> {
            List<String> alerts = svcTlnAlerts(hive);
            CommandRun r =
                    CommandRun.of("rip", "-r", hive.toString(), "-p", "svc", "--format", "tln", "--no-logs", "--raw");
            assertThat(r.exit()).as(r.err()).isZero();
            List<String> ours = r.out().lines().toList();
            assertThat(ours.stream().filter(l -> l.contains("|ALERT|")).sorted().toList())
                    .as("ALERT lines of rip -p svc --format tln vs regripper -p svc_tln on %s", hive)
                    .isEqualTo(alerts.stream().sorted().toList());
            long rows = svcAsMeant(hive, RegRipperTextDiff.regRipper(hive, "svc"))
                    .lines()
                    .filter(l -> SVC_ROW.matcher(l).find())
                    .count();
            assertThat(ours.stream().filter(l -> !l.contains("|ALERT|")))
                    .as("REG lines on %s, one per row svc prints", hive)
                    .hasSize((int) rows)
                    .allMatch(l -> l.matches("\\d+\\|REG\\|[^|]*\\|\\|svc: .+"));
        });
    }

    /** svc_tln's alert lines, with the ServiceDll alert dated and unreadable ServiceDlls dropped (see above). */
    static List<String> svcTlnAlerts(Path hive) throws Exception {
        List<String> out = new ArrayList<>();
        try (ServicesKey services = ServicesKey.of(hive)) {
            for (String line : RegRipperTextDiff.regRipper(hive, "svc_tln")
                    .lines()
                    .filter(l -> !l.isEmpty())
                    .toList()) {
                Matcher m = DLL_ALERT.matcher(line);
                if (!m.matches()) {
                    out.add(line);
                } else if (!services.unreadable(m.group(1) + "\\Parameters", "ServiceDll")) {
                    Key parameters = services.key(m.group(1) + "\\Parameters").orElseThrow();
                    out.add(parameters.lastWritten().orElseThrow().getEpochSecond() + line);
                }
            }
        }
        return out;
    }

    /**
     * services' lines as it means them: {@code 0x0} Type lines with the Type in hexadecimal, and no data
     * for a value our reader reported unreadable.
     */
    static String servicesAsMeant(Path hive, String text) throws Exception {
        String name = null;
        List<String> out = new ArrayList<>();
        try (ServicesKey services = ServicesKey.of(hive)) {
            for (String line : text.split("\n", -1)) {
                Matcher m = SERVICES_LINE.matcher(line);
                if (m.matches() && m.group(1).equals("Name")) {
                    name = m.group(2);
                } else if (m.matches()
                        && name != null
                        && services.unreadable(name, SERVICES_VALUES.getOrDefault(m.group(1), ""))) {
                    line = line.substring(0, line.indexOf(" = ") + 3);
                }
                Optional<Long> type = name == null || !line.equals(SERVICES_ZERO_TYPE)
                        ? Optional.empty()
                        : services.key(name)
                                .flatMap(k -> k.value("Type"))
                                .filter(Value::isNumber)
                                .map(Value::asLong);
                out.add(type.isPresent() && type.get() != 0 ? "  Type      = 0x" + Long.toHexString(type.get()) : line);
            }
        }
        return String.join("\n", out);
    }

    /** svc's rows as it means them: no stale Description, no data or row for a value our reader reported unreadable. */
    static String svcAsMeant(Path hive, String text) throws Exception {
        return svcWithoutStaleDescription(hive, withoutUnreadable(hive, text));
    }

    /** svc's rows of services without a Description value, the stale Description cut from their last cell. */
    private static String svcWithoutStaleDescription(Path hive, String text) throws Exception {
        String stale = "";
        String out = text;
        try (ServicesKey services = ServicesKey.of(hive)) {
            for (Key s : services.services()) {
                Optional<Value> description = s.value("Description");
                if (description.isPresent()) {
                    stale = RegRipperData.of(description.get());
                } else if (!stale.isEmpty()) {
                    Pattern row = Pattern.compile("(?m)^(" + DATE + "," + Pattern.quote(s.name()) + ",[^\\n]*),"
                            + Pattern.quote(stale) + "$");
                    out = row.matcher(out).replaceFirst(m -> Matcher.quoteReplacement(m.group(1) + ","));
                }
            }
        }
        return out;
    }

    /**
     * RegRipper's data for values our reader reported unreadable: svc's and svcdll's lines for such a
     * ServiceDll dropped (with svcdll's time heading, if no line is left under it), svc's DisplayName
     * cell emptied (the one cell svc keeps free of commas, so found by position).
     */
    static String withoutUnreadable(Path hive, String text) throws Exception {
        String out = text;
        try (ServicesKey services = ServicesKey.of(hive)) {
            for (Key s : services.services()) {
                if (services.unreadable(s.name() + "\\Parameters", "ServiceDll")) {
                    out = out.replaceAll(
                                    "(?m)^" + DATE + "," + Pattern.quote(s.name() + "\\Parameters") + ",,,,,,\\n", "")
                            .replace("\n  " + s.name() + " -> \n", "\n")
                            .replaceAll("(?m)^" + DATE + "\\n\\n", "");
                }
                if (services.unreadable(s.name(), "DisplayName")) {
                    out = out.replaceAll("(?m)^(" + DATE + "," + Pattern.quote(s.name()) + ",)[^,\\n]*,", "$1,");
                }
            }
        }
        return out;
    }

    /**
     * The Services key RegRipper reads ({@code ControlSet00N\Services}, N from Select\Current), in a
     * hive opened without its logs, as RegRipper reads it.
     */
    private static final class ServicesKey implements AutoCloseable {
        private final Hive hive;
        private final Key services;

        private ServicesKey(Hive hive) {
            this.hive = hive;
            Value current = hive.key("Select").orElseThrow().value("Current").orElseThrow();
            this.services =
                    hive.key("ControlSet00" + current.asLong() + "\\Services").orElseThrow();
        }

        static ServicesKey of(Path path) throws Exception {
            return new ServicesKey(Hive.open(path, HiveOpenOptions.NO_LOGS));
        }

        /** The service keys in the hive's order. */
        List<Key> services() {
            return services.subkeys();
        }

        /** A key below Services, e.g. {@code BITS\Parameters}. */
        Optional<Key> key(String relative) {
            return services.key(relative);
        }

        /** Whether the key (below Services) lacks the value and our reader warned that a value of it is unreadable. */
        boolean unreadable(String relative, String valueName) {
            Optional<Key> k = key(relative);
            return k.isPresent()
                    && !valueName.isEmpty()
                    && k.get().value(valueName).isEmpty()
                    && hive.warnings().stream()
                            .anyMatch(w -> w.message()
                                    .startsWith("a value of " + k.get().path() + " is unreadable"));
        }

        @Override
        public void close() throws java.io.IOException {
            hive.close();
        }
    }
}
