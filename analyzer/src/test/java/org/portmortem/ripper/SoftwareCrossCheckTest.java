package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.model.ModelOptions;

/**
 * The SOFTWARE plugins (winver, dcom, netsh, networkcards, networklist, termserv) against {@code regripper}
 * on the same hive. The corpus has no SOFTWARE hive, so the hive is the reference system's SOFTWARE export
 * ({@code fixtures/NAME/SOFTWARE.reg}, whose CurrentVersion feeds winver) with the keys the other
 * plugins read added as Windows XP stores them ({@code Rpc\Internet} as KB 154596 configures the
 * dynamic RPC range, the XP {@code Netsh} helpers, one {@code NetworkCards} entry, one
 * {@code NetworkList} profile with its signature, an NLA intranet name and an {@code Nla\Wireless}
 * entry, three Terminal Services policy values), written as regf by {@link HiveWriter} so both tools
 * read one file. RegRipper prints a whole-second key time one second early (floating-point truncation
 * in Parse::Win32Registry); times within a second agree.
 */
class SoftwareCrossCheckTest {
    private static final Pattern DCOM = Pattern.compile("^(\\w+) value found: (.*)$");
    /** termserv's lines for the Terminal Services policy values. */
    private static final Pattern TS_POLICY = Pattern.compile("^(\\w+) value = (.*)$");

    private static Path fixture(String name) {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path f = p.resolve("fixtures").resolve(name).resolve("SOFTWARE.reg");
            if (Files.isRegularFile(f)) {
                return f;
            }
        }
        return null;
    }

    private static void string(MemoryHive h, String key, String name, ValueType type, String... strings) {
        String joined = String.join("\0", strings) + (type == ValueType.REG_MULTI_SZ ? "\0\0" : "\0");
        h.createKey(key).putValue(name, type.id(), joined.getBytes(StandardCharsets.UTF_16LE));
    }

    @ParameterizedTest
    @ValueSource(strings = {"win2000-server-default", "winxp-default"})
    void softwarePluginsReportWhatRegRipperReports(String system, @TempDir Path dir) throws Exception {
        Path reg = fixture(system);
        assumeTrue(reg != null, "fixtures/" + system + "/SOFTWARE.reg not found above the working directory");
        assumeTrue(RegRipperRun.installed(), "regripper is not installed (Debian package regripper)");
        Path regf = dir.resolve("SOFTWARE");
        try (Hive text = Hive.open(reg)) {
            MemoryHive h = MemoryHive.copyOf(text);
            string(h, "Microsoft\\Rpc\\Internet", "Ports", ValueType.REG_MULTI_SZ, "5000-5100");
            string(h, "Microsoft\\Rpc\\Internet", "PortsInternetAvailable", ValueType.REG_SZ, "Y");
            string(h, "Microsoft\\Rpc\\Internet", "UseInternetPorts", ValueType.REG_SZ, "Y");
            for (String[] helper : new String[][] {
                {"ipmontr", "ipmontr.dll"},
                {"ipv6", "ipv6mon.dll"},
                {"ras", "rasmontr.dll"},
                {"dhcpclient", "dhcpcmonitor.dll"}
            }) {
                string(h, "Microsoft\\Netsh", helper[0], ValueType.REG_SZ, helper[1]);
            }
            string(
                    h,
                    "Microsoft\\Windows NT\\CurrentVersion\\NetworkCards\\2",
                    "Description",
                    ValueType.REG_SZ,
                    "Intel(R) PRO/1000 MT Network Connection");
            string(
                    h,
                    "Microsoft\\Windows NT\\CurrentVersion\\NetworkCards\\2",
                    "ServiceName",
                    ValueType.REG_SZ,
                    "{6AAFC9A9-0542-4DB2-8760-CCFFA953737C}");
            String profile = "{5E4D8A3B-1C2D-4E5F-8A9B-0C1D2E3F4A5B}";
            String profiles = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles\\" + profile;
            string(h, profiles, "ProfileName", ValueType.REG_SZ, "CorpNet");
            string(h, profiles, "Description", ValueType.REG_SZ, "CorpNet");
            dword(h, profiles, "Managed", 0);
            dword(h, profiles, "Category", 2);
            dword(h, profiles, "NameType", 6);
            h.createKey(profiles).putValue("DateCreated", ValueType.REG_BINARY.id(), systemTime(2009, 7, 14, 9, 30, 5));
            h.createKey(profiles)
                    .putValue("DateLastConnected", ValueType.REG_BINARY.id(), systemTime(2012, 4, 6, 16, 2, 59));
            String signature = "Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Signatures\\Unmanaged\\"
                    + "010103000F0000F0080000000F0000F0";
            string(h, signature, "ProfileGuid", ValueType.REG_SZ, profile);
            h.createKey(signature).putValue("DefaultGatewayMac", ValueType.REG_BINARY.id(), new byte[] {
                0x00, 0x50, 0x56, (byte) 0xc0, 0x00, 0x08
            });
            h.createKey("Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Nla\\Cache\\Intranet\\corp.example.com");
            String policy = "Policies\\Microsoft\\Windows NT\\Terminal Services";
            dword(h, policy, "fDenyTSConnections", 0);
            dword(h, policy, "fAllowUnsolicited", 1);
            dword(h, policy, "UserAuthentication", 1);
            // Windows stores the SSID as hexadecimal text in the default value
            string(
                    h,
                    "Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Nla\\Wireless\\436F72704E6574",
                    "",
                    ValueType.REG_SZ,
                    "436F72704E6574");
            HiveWriter.write(h, regf, Instant.parse("2004-08-04T12:00:00Z"));
        }
        Map<String, Function<List<String>, List<String>>> theirs = Map.of(
                "winver", SoftwareCrossCheckTest::winverLines,
                "dcom", SoftwareCrossCheckTest::dcomLines,
                "netsh", SoftwareCrossCheckTest::netshLines,
                "networkcards", SoftwareCrossCheckTest::cardLines,
                "networklist", SoftwareCrossCheckTest::networkListLines,
                "termserv", l -> matches(l, TS_POLICY));
        try (Hive hive = Hive.open(regf)) {
            RipContext context = RipContext.of(hive, ModelOptions.DEFAULT);
            assertThat(context.hiveType()).isEqualTo(HiveType.SOFTWARE);
            for (Map.Entry<String, Function<List<String>, List<String>>> e : theirs.entrySet()) {
                List<RipFact> facts = RipPlugins.named(e.getKey()).orElseThrow().run(context);
                List<String> ours = new ArrayList<>(RegRipperCrossCheckTest.present(facts));
                // ours adds these; RegRipper prints neither a card's ServiceName nor a network's Category, and
                // the number of cards or profiles only shows in its layout
                ours.removeIf(
                        s -> s.startsWith("ServiceName=") || s.startsWith("Category=") || s.startsWith("Subkeys="));
                List<String> rr = new ArrayList<>(e.getValue().apply(RegRipperRun.lines(regf, e.getKey())));
                rr.replaceAll(t -> withinASecond(t, ours));
                assertThat(ours).as(e.getKey() + " on " + system).isNotEmpty().containsExactlyInAnyOrderElementsOf(rr);
            }
        }
    }

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    /**
     * RegRipper's time if it is within a second of ours, replaced by ours. Parse::Win32Registry turns a
     * FILETIME into Unix seconds in floating point and truncates, so a time on a whole second (as a
     * writer makes them) prints one second early: 12:00:00 shows as 11:59:59.
     */
    private static String withinASecond(String theirs, List<String> ours) {
        int eq = theirs.indexOf('=');
        String name = theirs.substring(0, eq + 1);
        for (String o : ours) {
            if (o.startsWith(name) && !o.equals(theirs)) {
                try {
                    Instant a = Instant.from(TIME.parse(theirs.substring(eq + 1)));
                    Instant b = Instant.from(TIME.parse(o.substring(eq + 1)));
                    if (Math.abs(a.getEpochSecond() - b.getEpochSecond()) <= 1) {
                        return o;
                    }
                } catch (java.time.format.DateTimeParseException notATime) {
                    return theirs;
                }
            }
        }
        return theirs;
    }

    private static void dword(MemoryHive h, String key, String name, int v) {
        h.createKey(key)
                .putValue(
                        name,
                        ValueType.REG_DWORD.id(),
                        java.nio.ByteBuffer.allocate(4)
                                .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                                .putInt(v)
                                .array());
    }

    /** A SYSTEMTIME as NetworkList stores DateCreated: year, month, weekday, day, hour, minute, second, ms. */
    private static byte[] systemTime(int year, int month, int day, int hour, int minute, int second) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int weekday = java.time.LocalDate.of(year, month, day).getDayOfWeek().getValue() % 7;
        for (int v : new int[] {year, month, weekday, day, hour, minute, second, 0}) {
            b.putShort((short) v);
        }
        return b.array();
    }

    /**
     * networklist's facts from its text: each profile's assignments and its name (the line before its
     * Key LastWrite line), the lines under Domain/IP, and the decoded lines under Nla\Wireless.
     */
    private static List<String> networkListLines(List<String> lines) {
        List<String> out = new ArrayList<>(RegRipperCrossCheckTest.assignments(
                lines, "Key LastWrite", "DateLastConnected", "DateCreated", "DefaultGatewayMac", "Type"));
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith("Domain/IP") || l.equals("Nla\\Wireless")) {
                section = l.startsWith("Domain/IP") ? "Domain/IP=" : "SSID=";
            } else if (!section.isEmpty() && !l.isBlank()) {
                out.add(section + RegRipperCrossCheckTest.norm(l));
            } else {
                section = "";
            }
            if (i > 0 && l.startsWith("  Key LastWrite    : ")) {
                out.add("ProfileName=" + RegRipperCrossCheckTest.norm(lines.get(i - 1)));
            }
        }
        return out;
    }

    private static List<String> winverLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines.subList(Math.min(3, lines.size()), lines.size())) {
            if (l.length() > 26 && !l.isBlank()) {
                out.add(RegRipperCrossCheckTest.norm(l.substring(0, 25)) + "="
                        + RegRipperCrossCheckTest.norm(l.substring(26)));
            }
        }
        return out;
    }

    private static List<String> dcomLines(List<String> lines) {
        return matches(lines, DCOM);
    }

    /** The lines matching {@code NAME ... DATA}, as name=data. */
    private static List<String> matches(List<String> lines, Pattern nameAndData) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = nameAndData.matcher(l);
            if (m.matches()) {
                out.add(m.group(1) + "=" + RegRipperCrossCheckTest.norm(m.group(2)));
            }
        }
        return out;
    }

    /** The helpers, and the key's time as the fact that records the key itself. */
    private static List<String> netshLines(List<String> lines) {
        List<String> out = columns(lines, "Name ");
        lines.stream()
                .filter(l -> l.startsWith("LastWrite Time "))
                .forEach(l -> out.add(ValuePlugin.KEY_FACT + "=" + l.substring("LastWrite Time ".length())));
        return out;
    }

    /** A two-column table after the header line starting {@code header}: first word is the name. */
    private static List<String> columns(List<String> lines, String header) {
        List<String> out = new ArrayList<>();
        boolean table = false;
        for (String l : lines) {
            if (l.startsWith(header)) {
                table = true;
            } else if (table && !l.isBlank()) {
                String[] c = l.trim().split("\\s+", 2);
                out.add(c[0] + "=" + (c.length > 1 ? RegRipperCrossCheckTest.norm(c[1]) : ""));
            }
        }
        return out;
    }

    private static List<String> cardLines(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean table = false;
        for (String l : lines) {
            if (l.startsWith("Description ")) {
                table = true;
            } else if (table && l.length() > 51) {
                out.add("Description=" + RegRipperCrossCheckTest.norm(l.substring(0, 50)));
                out.add("Key LastWrite time=" + RegRipperCrossCheckTest.norm(l.substring(51)));
            }
        }
        return out;
    }
}
