package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.report.CommandRun;
import org.portmortem.testing.SharedFolder;

/** {@code portmortem rip}, run in-process on hives of the shared corpus. */
class RipCommandTest {
    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** A hive of the shared corpus ({@code ../shared/corpus} beside the repository root), or null. */
    private static Path corpusHive(String relative) {
        return SharedFolder.corpus("hives/" + relative);
    }

    private static Path win7System() {
        Path h = corpusHive("regipy/SYSTEM");
        assumeTrue(h != null, "shared corpus hive regipy/SYSTEM not found beside the repository (../shared/corpus)");
        return h;
    }

    @Test
    void listShowsEveryPluginWithItsHiveType() {
        CommandRun r = run("rip", "--list");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .containsPattern("(?m)^compname +SYSTEM +Gets ComputerName")
                .containsPattern("(?m)^llmnr +SOFTWARE ")
                .containsPattern("(?m)^svc +SYSTEM ");
    }

    @Test
    void compnamePrintsRegRippersLinesForTheWindows7Hive() {
        CommandRun r = run("rip", "-r", win7System().toString(), "-p", "compname");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .startsWith("compname v.20090727\n(System) Gets ComputerName and Hostname values from System hive")
                .contains("\nComputerName    = WKS-WIN732BITA\nTCP/IP Hostname = WKS-WIN732BITA")
                .contains("PortMortem: control set: ControlSet001");
    }

    @Test
    void systemProfileRunsEverySystemPluginSeparatedAsRegRipperDoes() {
        CommandRun r = run("rip", "-r", win7System().toString(), "-f", "system");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "rdpport v.20200526",
                        "Remote Desktop Listening Port Number = 3389",
                        "\nTime,Name,DisplayName,ImagePath/ServiceDll,Type,Start,ObjectName\n",
                        "0.0.0.0          0.0.0.0         192.168.1.1     -1   ",
                        "-".repeat(40));
        assertThat(r.out()).doesNotContain("Error: ");
    }

    @Test
    void jsonCarriesEachFactWithItsEvidence() throws Exception {
        CommandRun r = run("rip", "-r", win7System().toString(), "-p", "timezone", "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertThat(doc.get("hiveType").asText()).isEqualTo("SYSTEM");
        JsonNode facts = doc.get("plugins").get(0).get("facts");
        JsonNode key = null;
        for (JsonNode f : facts) {
            if (f.get("name").asText().equals("TimeZoneKeyName")) {
                key = f;
            }
        }
        assertThat(key).isNotNull();
        assertThat(key.get("data").asText()).isEqualTo("Eastern Standard Time");
        assertThat(key.get("evidence").get("keyPath").asText())
                .isEqualTo("ControlSet001\\Control\\TimeZoneInformation");
        // Full FILETIME precision; local from the hive's own TimeZoneInformation: Bias 300, and its DaylightStart
        // (00 00 03 00 02 00 02 00 ...: March, second Tuesday) puts 11 March 2012 still in standard time.
        assertThat(key.get("lastWritten").get("utc").asText()).isEqualTo("2012-03-11T07:00:00.000642400Z");
        assertThat(key.get("evidence").get("lastWritten")).isEqualTo(key.get("lastWritten"));
        assertThat(key.get("lastWritten").get("local").asText())
                .startsWith("2012-03-11T02:00:00")
                .endsWith("-05:00");
    }

    @Test
    void csvHasOneRowPerFactWithItsEvidence() {
        CommandRun r = run("rip", "-r", win7System().toString(), "-p", "rdpport", "--format", "csv");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().toList())
                .containsExactly(
                        "plugin,group,name,data,absent,lastWritten,hive,keyPath,valueName,valueType,error",
                        "rdpport,ControlSet001\\Control\\Terminal Server\\WinStations\\RDP-Tcp,Remote Desktop Listening Port Number,"
                                + "3389,false," + lastWrittenOfRdpTcp(r)
                                + ",SYSTEM,ControlSet001\\Control\\Terminal Server\\WinStations\\RDP-Tcp,"
                                + "PortNumber,REG_DWORD,");
    }

    private static String lastWrittenOfRdpTcp(CommandRun r) {
        String row = r.out().lines().skip(1).findFirst().orElse("");
        return row.split(",")[5];
    }

    @Test
    void tlnWritesOneFiveFieldRegLinePerServiceKeyThenSvcTlnsAlerts() {
        CommandRun r = run("rip", "-r", win7System().toString(), "-p", "svc", "--format", "tln");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines().filter(l -> !l.contains("|ALERT|")))
                .hasSizeGreaterThan(300)
                .allMatch(l -> l.matches("\\d+\\|REG\\|WKS-WIN732BITA\\|\\|svc: .*"));
        assertThat(r.out()).contains("1333745007|REG|WKS-WIN732BITA||svc: BITS - DisplayName=");
        // what regripper -p svc_tln prints for this hive: a colon in COM+'s dllhost.exe arguments
        assertThat(r.out().lines().filter(l -> l.contains("|ALERT|")))
                .containsExactly(
                        "1247546229|ALERT|||svc_tln: "
                                + "Poss. ADS in path: %SystemRoot%\\system32\\dllhost.exe /Processid:{02D4B3F1-FD88-11D1-960D-00805FC79235}");
        assertThat(r.out()).endsWith("{02D4B3F1-FD88-11D1-960D-00805FC79235}\n");
    }

    @Test
    void tlnForAPluginWithoutATimelineIsAUsageError() {
        CommandRun r = run("rip", "-r", win7System().toString(), "-p", "compname", "--format", "tln");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no _tln variant of compname");
    }

    @Test
    void anUnknownPluginIsAUsageError() {
        CommandRun r = run("rip", "-r", "SYSTEM", "-p", "nosuchplugin");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no plugin named 'nosuchplugin'");
    }

    @Test
    void aMissingHiveIsBadInputOnOneLine(@TempDir Path dir) {
        CommandRun r = run("rip", "-r", dir.resolve("SYSTEM").toString(), "-p", "compname");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip()).doesNotContain("\n").contains("SYSTEM").contains("no such file");
    }

    @Test
    void aHiveOfAnotherKindIsBadInputNamingBoth() {
        Path ntuser = corpusHive("regipy/NTUSER.DAT");
        assumeTrue(ntuser != null, "shared corpus hive regipy/NTUSER.DAT not found");
        CommandRun r = run("rip", "-r", ntuser.toString(), "-p", "compname");
        assertThat(r.exit()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(r.err().strip())
                .doesNotContain("\n")
                .contains("NTUSER.DAT")
                .contains("plugin compname reads SYSTEM");
    }

    @Test
    void aDirtyHiveWithLogsIsReplayedAndTheOutputSaysSo() {
        Path dirty = corpusHive("regipy/SYSTEM_B");
        assumeTrue(dirty != null, "shared corpus hive regipy/SYSTEM_B (with .LOG1/.LOG2) not found");
        CommandRun replayed = run("rip", "-r", dirty.toString(), "-p", "compname");
        assertThat(replayed.exit()).as(replayed.err()).isZero();
        assertThat(replayed.out()).contains("PortMortem: transaction logs replayed in memory");
        CommandRun stale = run("rip", "-r", dirty.toString(), "-p", "compname", "--no-logs");
        assertThat(stale.out()).doesNotContain("transaction logs replayed").contains("PortMortem: the hive is dirty");
    }

    @Test
    void helpReadsLikeAManPage() {
        CommandRun r = run("rip", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out())
                .contains("Usage: portmortem rip", "Formats:", "Examples:", "Exit codes:", "--format", "--no-logs");
    }

    @Test
    void aCutHiveShowsTwentyReaderWarningsAndHowManyMoreWhileJsonListsThemAll(@TempDir Path dir) throws Exception {
        Path cut = dir.resolve("SYSTEM");
        try (var in = Files.newInputStream(win7System())) {
            Files.write(cut, in.readNBytes(100_000));
        }
        CommandRun text = run("rip", "-r", cut.toString(), "-p", "svc");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out().lines().filter(l -> l.startsWith("PortMortem: reader warning: ")))
                .hasSize(20);
        assertThat(text.out())
                .containsPattern("PortMortem: \\d+ more reader warnings not shown \\(--format json lists them all\\)");
        int more = Integer.parseInt(text.out().replaceAll("(?s).*PortMortem: (\\d+) more reader warnings.*", "$1"));
        CommandRun json = run("rip", "-r", cut.toString(), "-p", "svc", "--format", "json");
        JsonNode notes = new ObjectMapper().readTree(json.out()).get("notes");
        long warnings = 0;
        for (JsonNode n : notes) {
            warnings += n.asText().startsWith("reader warning: ") ? 1 : 0;
        }
        assertThat(warnings).isEqualTo(20L + more);
    }
}
