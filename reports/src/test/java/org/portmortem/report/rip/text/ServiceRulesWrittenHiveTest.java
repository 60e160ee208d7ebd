package org.portmortem.report.rip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;

/**
 * services, svc, svcdll and svc_tln's alerts against RegRipper on SYSTEM hives written for the purpose
 * (the corpus raises only two of svc_tln's rules, and has no Services key missing or empty): a hive
 * with a service for each rule, odd Types, commas, a stale Description and a ServiceDll; one whose
 * Services key has no subkeys; one without a Services key. RegRipper's output is rewritten as in
 * {@link ServiceTextsTest}, and for one more bug of svc_tln that these hives show (a fourth hive pins
 * how services and svc print a value holding {@code |}, which RegRipper shifts):
 * <ul>
 *   <li><b>svc_tln's driver rule reads the previous service's Type where a service has none</b>
 *       ({@code $t} is only assigned when Type is read), so DrvNoType, which follows the driver Drv2,
 *       is said to be a driver whose ImagePath does not end in .sys. The rewrite drops that alert for
 *       a service key without a Type value.
 * </ul>
 */
class ServiceRulesWrittenHiveTest {
    private static final Instant FILE_TIME = Instant.parse("2002-06-01T12:00:00Z");
    /** Key times with a fraction, so Parse::Win32Registry's floating-point seconds are those of the FILETIME. */
    private static final Instant T1 = Instant.parse("2010-03-04T05:06:07.250Z");

    private static final Instant T1_LATER_FRACTION = Instant.parse("2010-03-04T05:06:07.750Z");
    private static final Instant T2 = Instant.parse("2011-08-09T10:11:12.500Z");
    private static final Instant T3 = Instant.parse("2009-01-01T00:00:01.125Z");

    @TempDir
    static Path dir;

    private static Path rules;
    private static Path empty;
    private static Path missing;
    private static Path pipe;

    @BeforeAll
    static void writeHives() throws IOException {
        rules = write("rules", rulesHive());
        MemoryHive e = system();
        empty = write("empty", e);
        MemoryHive m = system();
        m.deleteKey("ControlSet001\\Services");
        m.createKey("ControlSet001\\Control");
        missing = write("missing", m);
        MemoryHive p = system();
        service(p, "Piped", 0x10, T1, "C:\\piped.exe").putValue("DisplayName", 1, sz("Left|Right"));
        pipe = write("pipe", p);
    }

    private static Path write(String name, MemoryHive h) throws IOException {
        Path out = dir.resolve(name);
        HiveWriter.write(h, out, FILE_TIME);
        return out;
    }

    private static MemoryHive system() {
        MemoryHive h = MemoryHive.empty("SYSTEM", "SYSTEM");
        h.createKey("Select").putValue("Current", ValueType.REG_DWORD.id(), dword(1));
        h.createKey("ControlSet001\\Services");
        return h;
    }

    /** One service per svc_tln rule, and the Types, commas and missing values RegRipper prints oddly. */
    private static MemoryHive rulesHive() {
        MemoryHive h = system();
        service(h, "AlertDrv", 1, T1, "system32\\drivers\\alertdrv.exe")
                .putValue("DisplayName", 1, sz("Alert, Driver"));
        MemoryHive.MemoryKey bad =
                service(h, "BadDll", 0x20, T1_LATER_FRACTION, "%SystemRoot%\\system32\\svchost.exe -k netsvcs");
        bad.putValue("Description", 1, sz("Hosts, a bad dll"));
        bad.putValue("ObjectName", 1, sz("LocalSystem"));
        MemoryHive.MemoryKey parameters = h.createKey(bad.path() + "\\Parameters");
        parameters.putValue("ServiceDll", 2, sz("C:\\Windows\\Temp\\bad.dat"));
        parameters.setLastWritten(T2);
        MemoryHive.MemoryKey cfg = service(h, "Cfg", 0x10, T3, "C:\\Program Files\\cfg.exe");
        cfg.putValue("FailureAction", 1, sz("cmd.exe /c c:\\recycler\\x.exe"));
        cfg.putValue("ObjectName", 1, sz("NT SERVICE\\Cfg"));
        MemoryHive.MemoryKey drv2 = service(h, "Drv2", 1, T1, "\\??\\C:\\$Recycle.Bin\\drv2.sys");
        drv2.putValue("ObjectName", 1, sz("\\Driver\\Drv2"));
        drv2.putValue("Group", 1, sz("Base"));
        MemoryHive.MemoryKey noType = h.createKey("ControlSet001\\Services\\DrvNoType");
        noType.putValue("ImagePath", 2, sz("C:\\notype.exe"));
        noType.setLastWritten(T3);
        service(h, "Glob", 0x10, T2, "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\Users\\a\\AppData\\Roaming\\x.exe");
        service(h, "Hidden", 0x10, T2, "C:\\Windows\\svc.exe:ads");
        service(h, "Share", 0x120, T1, "C:\\Windows\\system32\\svchost.exe -k LocalService");
        service(h, "UserSvc_1", 0x60, T3, "C:\\Windows\\system32\\svchost.exe -k UnistackSvcGroup")
                .putValue("Description", 1, sz("User, service"));
        return h;
    }

    private static MemoryHive.MemoryKey service(MemoryHive h, String name, int type, Instant time, String imagePath) {
        MemoryHive.MemoryKey k = h.createKey("ControlSet001\\Services\\" + name);
        k.putValue("Type", ValueType.REG_DWORD.id(), dword(type));
        k.putValue("Start", ValueType.REG_DWORD.id(), dword(3));
        k.putValue("ImagePath", ValueType.REG_EXPAND_SZ.id(), sz(imagePath));
        k.setLastWritten(time);
        return k;
    }

    private static byte[] dword(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static byte[] sz(String s) {
        return (s + '\0').getBytes(StandardCharsets.UTF_16LE);
    }

    private static void assumeRegRipper() {
        assumeTrue(
                Files.isExecutable(RegRipperTextDiff.REGRIPPER),
                "regripper is not installed (Debian package regripper)");
    }

    @Test
    void servicesSvcAndSvcdllTextIsRegRippersOnAHiveWithEveryRule() throws Exception {
        assumeRegRipper();
        RegRipperTextDiff.assertSameText(rules, "services", ServiceTextsTest::servicesAsMeant);
        RegRipperTextDiff.assertSameText(rules, "svc", ServiceTextsTest::svcAsMeant);
        RegRipperTextDiff.assertSameText(rules, "svcdll", ServiceTextsTest::withoutUnreadable);
    }

    @Test
    void everySvcTlnRuleRaisesTheAlertsRegRipperRaises() throws Exception {
        assumeRegRipper();
        List<String> theirs = ServiceTextsTest.svcTlnAlerts(rules).stream()
                .filter(l -> !l.matches(".*\\|svc_tln: DrvNoType Driver does not end in \\.sys: .*"))
                .sorted()
                .toList();
        CommandRun r = CommandRun.of("rip", "-r", rules.toString(), "-p", "svc", "--format", "tln", "--raw");
        assertThat(r.exit()).as(r.err()).isZero();
        List<String> ours =
                r.out().lines().filter(l -> l.contains("|ALERT|")).sorted().toList();
        assertThat(ours).isEqualTo(theirs);
        long t1 = T1.getEpochSecond();
        long t2 = T2.getEpochSecond();
        long t3 = T3.getEpochSecond();
        assertThat(ours)
                .contains(
                        t1 + "|ALERT|||svc_tln: AlertDrv Driver does not end in .sys: system32\\drivers\\alertdrv.exe",
                        t2 + "|ALERT|||svc_tln: BadDll ServiceDll does not end in .dll.",
                        t1 + "|ALERT|||svc_tln: temp found in path: C:\\Windows\\Temp\\bad.dat",
                        t3 + "|ALERT|||svc_tln: Service Cfg has FailureAction value: cmd.exe /c c:\\recycler\\x.exe",
                        t3 + "|ALERT|||svc_tln: Cfg Unknown ObjectName: NT SERVICE\\Cfg",
                        t1 + "|ALERT|||svc_tln: recycle found in path: \\??\\C:\\$Recycle.Bin\\drv2.sys",
                        t1 + "|ALERT|||svc_tln: Drv2 Unknown ObjectName: \\Driver\\Drv2",
                        t2 + "|ALERT|||svc_tln: globalroot found in path: "
                                + "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\Users\\a\\AppData\\Roaming\\x.exe",
                        t2 + "|ALERT|||svc_tln: appdata found in path: "
                                + "\\\\?\\GLOBALROOT\\Device\\HarddiskVolume1\\Users\\a\\AppData\\Roaming\\x.exe",
                        t2 + "|ALERT|||svc_tln: Poss. ADS in path: C:\\Windows\\svc.exe:ads");
        assertThat(RegRipperTextDiff.regRipper(rules, "svc_tln"))
                .as("RegRipper's stale-Type alert the rewrite drops")
                .containsPattern(
                        Pattern.quote("|ALERT|||svc_tln: DrvNoType Driver does not end in .sys: C:\\notype.exe"));
    }

    @Test
    void aServicesKeyWithoutSubkeysPrintsRegRippersLines() throws Exception {
        assertEachPluginPrintsRegRippersText(empty, "ControlSet001\\Services has no subkeys.\n");
    }

    @Test
    void aMissingServicesKeyPrintsRegRippersLines() throws Exception {
        assertEachPluginPrintsRegRippersText(missing, "\nControlSet001\\Services not found.\n");
    }

    @Test
    void aValueHoldingAPipeIsPrintedWholeWhereRegRipperShiftsTheValuesAfterIt() throws Exception {
        assumeRegRipper();
        // RegRipper joins a service's values with | and splits them again
        assertThat(RegRipperTextDiff.regRipper(pipe, "services"))
                .contains("  Display   = Left\n  ImagePath = Right\n  Type      = C:\\piped.exe\n");
        assertThat(RegRipperTextDiff.regRipper(pipe, "svc"))
                .contains(",Piped,Left,Right,C:\\piped.exe,Own_Process,Manual,");
        assertThat(RegRipperTextDiff.ours(pipe, "services"))
                .contains("  Display   = Left|Right\n  ImagePath = C:\\piped.exe\n  Type      = Own_Process\n");
        assertThat(RegRipperTextDiff.ours(pipe, "svc"))
                .contains(",Piped,Left|Right,C:\\piped.exe,Own_Process,Manual,,\n");
    }

    private static void assertEachPluginPrintsRegRippersText(Path hive, String ending) throws Exception {
        assumeRegRipper();
        for (String plugin : List.of("services", "svc", "svcdll")) {
            RegRipperTextDiff.assertSameText(hive, plugin, t -> t);
            assertThat(RegRipperTextDiff.ours(hive, plugin)).endsWith(ending);
        }
    }
}
