package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SharedCorpus;

/**
 * For every SYSTEM hive of the shared corpus and every ported plugin, the facts equal the data lines
 * {@code regripper -r HIVE -p PLUGIN} prints, each side reduced to sorted {@code name=data} strings
 * with whitespace collapsed.
 *
 * <p>The hive is opened without log replay, since RegRipper reads the primary file alone. Where
 * RegRipper is wrong, the difference is handled here, visibly:
 * <ul>
 *   <li>timezone prints TimeZoneKeyName past its NUL terminator (memory garbage follows); the
 *       RegRipper side is cut at the NUL.
 *   <li>services maps a Type its table lacks (0x4, 0x110, 0x120, …) to "0x0" (an undefined variable);
 *       ours prints 0x and the number in hexadecimal, as services.pl means to, so a RegRipper "0x0"
 *       matches any Type outside services' table.
 *   <li>svc replaces commas in DisplayName by semicolons (ours keeps the name; csv quotes it; the text
 *       layout replaces them as svc does), and never resets Description between services, so a stale
 *       one follows: Description is not compared. svc's alert facts (svc_tln's, which svc itself no
 *       longer prints) are compared in the reports module (ServiceTextsTest).
 *   <li>services, svc and svcdll each report the Services key itself first (its number of subkeys);
 *       RegRipper prints it only when it is missing or empty, so that fact is left out here.
 *   <li>nic2 prints REG_BINARY data as raw bytes; those values are compared by name only.
 *   <li>portproxy reads ControlSet001 whatever Select\Current says, and v4tov4 only: the comparison
 *       is made for v4tov4 on hives whose control set in use is ControlSet001.
 *   <li>shares prints the 3rd, 5th and 6th string of each share only; ours reports every field, so
 *       RegRipper's lines must be among ours.
 *   <li>termserv prints an empty InitialProgram as "{blank}", and the SysProcs key's time as
 *       "LastWrite:" (ours: the key's "LastWrite Time" fact).
 *   <li>routes, portproxy, ips and nic2 also report the count of a key's values or subkeys
 *       ({@code Values}, {@code Subkeys}), which RegRipper does not print as such: it is compared
 *       with the rows RegRipper prints, its table heading (ips) or its "has no subkeys." lines (nic2).
 *   <li>On a damaged hive (regipy/corrupted_system_hive) RegRipper prints whatever bytes an unreadable
 *       cell holds (e.g. a DisplayName of CJK garbage); our reader leaves such data out with a warning.
 *       There, ours may differ from RegRipper's only by missing data, at most once per reader warning.
 * </ul>
 */
class RegRipperCrossCheckTest {
    private static final Pattern ASSIGN = Pattern.compile("^\\s*(.+?)\\s*(?:=|:|->)\\s?(.*)$");
    private static final Pattern SVC =
            Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ),([^,]*),([^,]*),(.*?),"
                    + "(Kernel driver|File system driver|Adapter|Own_Process|Share_Process|Interactive|\\d*),"
                    + "(Boot Start|System Start|Auto Start|Manual|Disabled|\\d*),([^,]*),(.*)$");
    /** The Type words of RegRipper's services plugin (v.20191024, %types). */
    private static final Set<String> SERVICES_TYPES =
            Set.of("Kernel driver", "File system driver", "Own_Process", "Share_Process", "Interactive");

    /** Plugins that print an absent value as an empty cell or line, without saying it is absent. */
    private static final Set<String> ABSENT_AS_EMPTY = Set.of("services", "svc");

    /** How one plugin's RegRipper output and our facts are reduced to comparable strings. */
    private record Comparison(
            Function<List<String>, List<String>> theirs, Function<List<RipFact>, List<String>> ours) {}

    private static final Map<String, Comparison> COMPARISONS = Map.ofEntries(
            Map.entry(
                    "compname",
                    new Comparison(
                            l -> assignments(l, "ComputerName", "TCP/IP Hostname"), RegRipperCrossCheckTest::present)),
            Map.entry(
                    "shutdown", new Comparison(l -> assignments(l, "ShutdownTime"), RegRipperCrossCheckTest::present)),
            Map.entry(
                    "timezone",
                    new Comparison(
                            l -> assignments(
                                    l, "DaylightName", "StandardName", "Bias", "ActiveTimeBias", "TimeZoneKeyName"),
                            RegRipperCrossCheckTest::present)),
            Map.entry(
                    "rdpport",
                    new Comparison(
                            l -> assignments(l, "Remote Desktop Listening Port Number"),
                            RegRipperCrossCheckTest::present)),
            Map.entry(
                    "disableremotescm",
                    new Comparison(l -> assignments(l, "DisableRemoteScmEndpoints"), RegRipperCrossCheckTest::present)),
            Map.entry(
                    "remoteaccess",
                    new Comparison(
                            l -> assignments(l, "MaxDenials", "ResetTime (mins)"), RegRipperCrossCheckTest::present)),
            Map.entry(
                    "svcdll",
                    new Comparison(RegRipperCrossCheckTest::svcDllLines, RegRipperCrossCheckTest::svcDllFacts)),
            Map.entry(
                    "services",
                    new Comparison(
                            l -> assignments(l, "Name", "Display", "ImagePath", "Type", "Start", "Group"),
                            RegRipperCrossCheckTest::servicesFacts)),
            Map.entry("svc", new Comparison(RegRipperCrossCheckTest::svcLines, RegRipperCrossCheckTest::svcFacts)),
            Map.entry("routes", new Comparison(RegRipperCrossCheckTest::routeLines, RegRipperCrossCheckTest::present)),
            Map.entry("ips", new Comparison(RegRipperCrossCheckTest::ipLines, RegRipperCrossCheckTest::ipFacts)),
            Map.entry("nic2", new Comparison(RegRipperCrossCheckTest::nicLines, RegRipperCrossCheckTest::nicFacts)),
            Map.entry(
                    "termserv",
                    new Comparison(RegRipperCrossCheckTest::termServLines, RegRipperCrossCheckTest::present)),
            Map.entry("shares", new Comparison(RegRipperCrossCheckTest::shareLines, RegRipperCrossCheckTest::present)),
            Map.entry(
                    "portproxy",
                    new Comparison(
                            RegRipperCrossCheckTest::portProxyLines,
                            f -> present(f.stream()
                                    .filter(x -> x.group().endsWith("\\v4tov4\\tcp"))
                                    .toList()))));

    @TestFactory
    Stream<DynamicTest> everyPortedPluginReportsWhatRegRipperReportsOnEveryCorpusSystemHive() throws IOException {
        List<Path> hives = SharedCorpus.systemHives();
        if (hives.isEmpty() || !RegRipperRun.installed()) {
            return Stream.of(DynamicTest.dynamicTest("skipped", () -> {
                assumeTrue(!hives.isEmpty(), "shared corpus not found beside the repository (../shared/corpus)");
                assumeTrue(RegRipperRun.installed(), "regripper is not installed (Debian package regripper)");
            }));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Path hive : hives) {
            for (RipPlugin plugin : RipPlugins.profile(HiveType.SYSTEM)) {
                if (COMPARISONS.containsKey(plugin.name())) {
                    tests.add(DynamicTest.dynamicTest(
                            plugin.name() + " on " + hive.getParent().getFileName() + "/" + hive.getFileName(),
                            () -> compare(hive, plugin)));
                }
            }
        }
        return tests.stream();
    }

    @org.junit.jupiter.api.Test
    void everyPluginRegRipperHasIsCrossChecked() {
        List<String> ported = RipPlugins.profile(HiveType.SYSTEM).stream()
                .filter(p -> !p.regRipperVersion().isEmpty())
                .map(RipPlugin::name)
                .toList();
        assertThat(COMPARISONS.keySet()).containsExactlyInAnyOrderElementsOf(ported);
    }

    private static void compare(Path hivePath, RipPlugin plugin) throws Exception {
        try (Hive hive = Hive.open(hivePath, HiveOpenOptions.NO_LOGS)) {
            assumeTrue(HiveType.of(hive) == HiveType.SYSTEM, hivePath + " has no Select key and control set");
            RipContext context = RipContext.of(hive, ModelOptions.DEFAULT);
            List<RipFact> facts = plugin.run(context);
            List<String> output = RegRipperRun.lines(hivePath, plugin.name());
            Comparison c = COMPARISONS.get(plugin.name());
            if (plugin.name().equals("portproxy")
                    && !context.systemModel().controlSetPath().equals("ControlSet001")) {
                return; // RegRipper reads ControlSet001 regardless: nothing comparable
            }
            if (plugin.name().equals("shares")) {
                assertThat(present(facts))
                        .as("shares on " + hivePath)
                        .containsAll(c.theirs().apply(output));
                return;
            }
            List<String> ours = new ArrayList<>(c.ours().apply(facts));
            List<String> theirs = new ArrayList<>(c.theirs().apply(output));
            if (plugin.name().equals("nic2")) {
                theirs = binaryByName(facts, theirs);
            }
            List<String> onlyOurs = new ArrayList<>(ours);
            theirs.forEach(onlyOurs::remove);
            List<String> onlyTheirs = new ArrayList<>(theirs);
            ours.forEach(onlyTheirs::remove);
            if (hive.warnings().isEmpty()) {
                assertThat(onlyOurs)
                        .as(plugin.name() + " on " + hivePath + ": ours only (RegRipper only: "
                                + onlyTheirs.stream().limit(20).toList() + ")")
                        .isEmpty();
                assertThat(onlyTheirs)
                        .as(plugin.name() + " on " + hivePath + ": RegRipper only")
                        .isEmpty();
            } else {
                // A damaged hive: where our reader found a cell unreadable (and said so in a warning), it
                // leaves the data out; RegRipper prints whatever bytes it finds there. Ours may only lack data.
                int warnings = hive.warnings().size();
                assertThat(onlyOurs)
                        .as(plugin.name() + " on " + hivePath + ": ours differ only by missing data, at most "
                                + warnings + " times; RegRipper shows " + onlyTheirs)
                        .hasSizeLessThanOrEqualTo(warnings)
                        .allMatch(o -> o.endsWith("=") || o.contains(",,"));
                assertThat(onlyTheirs).hasSizeLessThanOrEqualTo(warnings);
            }
            if (!ABSENT_AS_EMPTY.contains(plugin.name()) && facts.stream().anyMatch(RipFact::isAbsent)) {
                assertThat(String.join("\n", output).toLowerCase(Locale.ROOT))
                        .as(plugin.name() + " on " + hivePath + ": RegRipper reports the absence too of "
                                + facts.stream()
                                        .filter(RipFact::isAbsent)
                                        .map(RipFact::name)
                                        .toList())
                        .containsAnyOf("not found", "error getting");
            }
        }
    }

    static String norm(String s) {
        int nul = s.indexOf('\0');
        return (nul >= 0 ? s.substring(0, nul) : s).trim().replaceAll("\\s+", " ");
    }

    /** Our facts that are present, as name=data. */
    static List<String> present(List<RipFact> facts) {
        return facts.stream()
                .filter(f -> !f.isAbsent())
                .map(f -> norm(f.name()) + "=" + norm(f.data()))
                .toList();
    }

    /** RegRipper lines of the form {@code NAME = data}, {@code NAME : data} or {@code NAME -> data}. */
    static List<String> assignments(List<String> lines, String... names) {
        Set<String> wanted = Set.of(names);
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = ASSIGN.matcher(l);
            if (m.matches() && wanted.contains(m.group(1).trim())) {
                out.add(norm(m.group(1)) + "=" + norm(m.group(2)));
            }
        }
        return out;
    }

    private static List<String> svcDllLines(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("  ") && l.contains(" -> "))
                .map(l -> norm(l.substring(0, l.indexOf(" -> "))) + "=" + norm(l.substring(l.indexOf(" -> ") + 4)))
                .toList();
    }

    /** The facts of the services, the fact about the Services key itself left out. */
    private static List<RipFact> serviceRows(List<RipFact> facts) {
        return facts.stream()
                .filter(f -> !f.name().equals(org.portmortem.ripper.system.Services.SERVICES_KEY))
                .toList();
    }

    private static List<String> svcDllFacts(List<RipFact> facts) {
        return serviceRows(facts).stream()
                .map(f -> norm(f.group()) + "=" + norm(f.data()))
                .toList();
    }

    private static List<String> servicesFacts(List<RipFact> facts) {
        List<String> out = new ArrayList<>();
        for (RipFact f : serviceRows(facts)) {
            boolean outsideTable = f.name().equals("Type") && f.data() != null && !SERVICES_TYPES.contains(f.data());
            out.add(f.name() + "=" + (outsideTable ? "0x0" : norm(f.data() == null ? "" : f.data())));
        }
        return out;
    }

    private static List<String> svcLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = SVC.matcher(l);
            if (m.matches()) {
                String row = String.join(
                        ",", m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
                out.add(norm(row));
            }
        }
        return out;
    }

    private static List<String> svcFacts(List<RipFact> facts) {
        Map<String, List<RipFact>> rows = new java.util.LinkedHashMap<>();
        serviceRows(facts).stream()
                .filter(f -> !f.name().equals(org.portmortem.ripper.system.Svc.ALERT))
                .forEach(f ->
                        rows.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f));
        List<String> out = new ArrayList<>();
        for (List<RipFact> row : rows.values()) {
            Map<String, String> cell = new java.util.HashMap<>();
            row.forEach(f -> cell.put(f.name(), f.data() == null ? "" : f.data()));
            out.add(norm(String.join(
                    ",",
                    RegRipperData.time(row.get(0).lastWritten()),
                    cell.get("Name"),
                    cell.getOrDefault("DisplayName", "").replace(',', ';'),
                    cell.getOrDefault("ImagePath/ServiceDll", ""),
                    cell.getOrDefault("Type", ""),
                    cell.getOrDefault("Start", ""),
                    cell.getOrDefault("ObjectName", ""))));
        }
        return out;
    }

    /** The routes, and as many values as rows (RegRipper prints the key's values one a row) where the key exists. */
    private static List<String> routeLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean table = false;
        int rows = 0;
        for (String l : lines) {
            if (l.startsWith("Address ")) {
                table = true;
            } else if (table && !l.isBlank()) {
                rows++;
                String[] c = l.trim().split("\\s+", 4);
                String[] names = {"Address", "Netmask", "Gateway", "Metric"};
                for (int i = 0; i < names.length; i++) {
                    out.add(names[i] + "=" + (i < c.length ? norm(c[i]) : ""));
                }
            }
        }
        if (lines.stream().anyMatch(l -> l.startsWith("LastWrite: "))) {
            out.add("Values=" + rows);
        }
        return out;
    }

    private static List<String> ipLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean table = false;
        for (String l : lines) {
            if (l.startsWith("IPAddress ")) {
                table = true;
                out.add("heading");
            } else if (table && !l.isBlank()) {
                String t = l.trim();
                int sp = t.indexOf(' ');
                String ip = sp < 0 ? t : t.substring(0, sp);
                String rest = sp < 0 ? "" : t.substring(sp);
                int hint = rest.indexOf("Hint:");
                String domain = hint < 0 ? rest : rest.substring(0, hint);
                String row = "IPAddress=" + ip + "|Domain=" + norm(domain)
                        + (hint < 0 ? "" : "|Hint=" + norm(rest.substring(hint + 5)));
                out.add(row);
            }
        }
        return out;
    }

    /** The rows, and the table heading where the Interfaces key has subkeys (its count is the first fact). */
    private static List<String> ipFacts(List<RipFact> facts) {
        Map<String, List<RipFact>> rows = new java.util.LinkedHashMap<>();
        facts.stream()
                .skip(1)
                .forEach(f ->
                        rows.computeIfAbsent(f.group(), k -> new ArrayList<>()).add(f));
        List<String> out = new ArrayList<>(rows.values().stream()
                .map(r -> String.join(
                        "|",
                        r.stream()
                                .map(f -> f.name() + "=" + norm(f.data() == null ? "" : f.data()))
                                .toList()))
                .toList());
        if (!facts.get(0).isAbsent() && !facts.get(0).data().equals("0")) {
            out.add("heading");
        }
        return out;
    }

    /** Value types whose data RegRipper's nic2 prints as raw bytes, so only the name is compared. */
    private static boolean binary(RipFact f) {
        String t = f.evidence().valueType();
        return t != null
                && !Set.of("REG_SZ", "REG_EXPAND_SZ", "REG_MULTI_SZ", "REG_DWORD", "REG_QWORD")
                        .contains(t);
    }

    /** RegRipper's lines for the values we hold as binary, with the data replaced as on our side. */
    private static List<String> binaryByName(List<RipFact> facts, List<String> theirs) {
        Set<String> names = new java.util.HashSet<>();
        facts.stream().filter(RegRipperCrossCheckTest::binary).forEach(f -> names.add(norm(f.name())));
        return theirs.stream()
                .map(t -> {
                    String name = t.substring(0, t.indexOf('='));
                    return names.contains(name) ? name + "=(binary)" : t;
                })
                .toList();
    }

    /** The values and decoded SSIDs; the number of interfaces where the key exists, and Subkeys=0 for each "has no subkeys.". */
    private static List<String> nicLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        if (lines.stream().noneMatch(l -> l.endsWith(" not found."))) {
            out.add("Interfaces="
                    + lines.stream()
                            .filter(l -> l.startsWith("Adapter: ") && !l.contains("/"))
                            .count());
        }
        for (String l : lines) {
            if (l.endsWith(" has no subkeys.")) {
                out.add("Subkeys=0");
            } else if (l.startsWith("SSID Decoded: ")) {
                out.add("SSID Decoded=" + norm(l.substring("SSID Decoded: ".length())));
            } else if (l.startsWith("  ")) {
                String t = l.substring(2);
                String name = t.length() > 28 ? t.substring(0, 28).trim() : t.trim();
                out.add(name + "=" + norm(t.length() > 29 ? t.substring(29) : ""));
            }
        }
        return out;
    }

    /** The values and SSIDs; the subkey counts (the Interfaces key's first) as nicLines reduces RegRipper's lines. */
    private static List<String> nicFacts(List<RipFact> facts) {
        List<String> out = new ArrayList<>();
        for (RipFact f : facts) {
            boolean count = f.name().equals("Subkeys") && f.evidence().valueName() == null;
            if (f == facts.get(0) && !f.isAbsent()) {
                out.add("Interfaces=" + f.data());
            }
            if (count && f.data().equals("0")) {
                out.add("Subkeys=0");
            } else if (!count && !f.isAbsent()) {
                out.add(norm(f.name()) + "=" + (binary(f) ? "(binary)" : norm(f.data())));
            }
        }
        return out;
    }

    private static final Pattern SYSPROC = Pattern.compile("^  (\\S+) - (.*)$");

    private static List<String> termServLines(List<String> lines) {
        List<String> out = new ArrayList<>(assignments(
                lines,
                "ProductVersion",
                "fDenyTSConnections",
                "AllowTSConnections",
                "TSAdvertise",
                "TSEnabled",
                "TSUserEnabled",
                "fAllowToGetHelp",
                "fSingleSessionPerUser",
                "StartupPrograms",
                "InitialProgram",
                "SecurityLayer",
                "UserAuthentication",
                "PortNumber"));
        out.replaceAll(l -> l.equals("InitialProgram={blank}") ? "InitialProgram=" : l); // RegRipper's word for ""
        for (String l : lines) {
            Matcher m = SYSPROC.matcher(l);
            if (m.matches()) {
                out.add(norm(m.group(1)) + "=" + norm(m.group(2)));
            } else if (l.startsWith("LastWrite: ")) {
                out.add(ValuePlugin.KEY_FACT + "=" + norm(l.substring("LastWrite: ".length())));
            }
        }
        return out;
    }

    private static List<String> shareLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("    ") && !l.isBlank()) {
                out.add(norm(l));
            }
        }
        out.addAll(assignments(lines, "AutoShareServer", "AutoShareWks", "NullSessionShares"));
        return out;
    }

    /** The forwardings, and as many values as forwardings where the key exists. */
    private static List<String> portProxyLines(List<String> lines) {
        List<String> out = new ArrayList<>(lines.stream()
                .filter(l -> l.contains(" - ") && !l.startsWith("("))
                .map(l -> norm(l.substring(0, l.indexOf(" - "))) + "=" + norm(l.substring(l.indexOf(" - ") + 3)))
                .toList());
        if (lines.stream().anyMatch(l -> l.startsWith("LastWrite Time "))) {
            out.add("Values=" + out.size());
        }
        return out;
    }
}
