package org.portmortem.report.rip.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.ripper.HiveType;

/**
 * The text of the plugins defined as data with RegRipper's lines (rdpport, remoteaccess, disableremotescm,
 * termserv, winver, dcom, netsh) is RegRipper's, line for line, on every hive of their kind (the corpus and
 * the reference systems written as regf) and on written variants of the reference systems that hold the data
 * those lack, or lack a key or value they hold, so that each plugin's lines for present and absent data are
 * both compared.
 *
 * <p>One RegRipper output is rewritten: rdpport prints Perl's die message when PortNumber is missing
 * ({@code Error getting PortNumber: Can't call method "get_data" on an undefined value at
 * /usr/lib/regripper/plugins/rdpport.pl line 51.} and the message's own line break); that names RegRipper's
 * source file and line, not the hive, so ours says {@code Error getting PortNumber: value not found.} and the
 * rewrite replaces exactly that message.
 */
class ValuePluginTextTest {
    private static final String XP = "winxp-default";
    private static final String TS = "ControlSet001\\Control\\Terminal Server";
    private static final Pattern PERL_DIE =
            Pattern.compile("Can't call method \"get_data\" on an undefined value at \\S+/rdpport\\.pl line \\d+\\.\n");

    /** rdpport's Perl die message replaced by the line ours prints. */
    static String rdpPortDie(String regRipper) {
        return PERL_DIE.matcher(regRipper).replaceAll("value not found.");
    }

    /**
     * The Windows XP SYSTEM with RDP-Tcp's PortNumber removed, remote access locked out after 3 denials,
     * DisableRemoteScmEndpoints set, and every Terminal Server value termserv reads: a program run at RDP
     * logon, a second startup program, NLA off, and an empty SysProcs key.
     */
    static Path xpSystemWithValues() {
        return RegRipperTextDiff.writtenVariant(XP, "SYSTEM", "values", h -> {
            h.createKey(TS + "\\WinStations\\RDP-Tcp").removeValue("PortNumber");
            dword(h, "ControlSet001\\Services\\RemoteAccess\\Parameters\\AccountLockout", "MaxDenials", 3);
            dword(h, "ControlSet001\\Control", "DisableRemoteScmEndpoints", 1);
            string(h, TS, "ProductVersion", "5.1");
            dword(h, TS, "AllowTSConnections", 1);
            dword(h, TS, "TSAdvertise", 1);
            dword(h, TS, "fAllowToGetHelp", 0);
            dword(h, TS, "fSingleSessionPerUser", 1);
            multi(h, TS + "\\Wds\\rdpwd", "StartupPrograms", "rdpclip", "evil");
            string(h, TS + "\\WinStations\\RDP-Tcp", "InitialProgram", "C:\\WINDOWS\\system32\\evil.exe");
            dword(h, TS + "\\WinStations\\RDP-Tcp", "SecurityLayer", 1);
            dword(h, TS + "\\WinStations\\RDP-Tcp", "UserAuthentication", 0);
            h.createKey(TS + "\\SysProcs");
        });
    }

    /**
     * The Windows XP SYSTEM with remote-access lockout off (MaxDenials 0) and a reset time, termserv's
     * fDenyTSConnections removed, a Wds key without StartupPrograms, RDP-Tcp replaced by a key holding only an
     * empty InitialProgram (RegRipper's {@code {blank}}), and SysProcs listing two programs.
     */
    static Path xpSystemWithLockoutOff() {
        return RegRipperTextDiff.writtenVariant(XP, "SYSTEM", "lockout-off", h -> {
            dword(h, "ControlSet001\\Services\\RemoteAccess\\Parameters\\AccountLockout", "MaxDenials", 0);
            dword(h, "ControlSet001\\Services\\RemoteAccess\\Parameters\\AccountLockout", "ResetTime (mins)", 60);
            h.createKey(TS).removeValue("fDenyTSConnections");
            h.createKey(TS + "\\Wds\\rdpwd");
            h.deleteKey(TS + "\\WinStations\\RDP-Tcp");
            string(h, TS + "\\WinStations\\RDP-Tcp", "InitialProgram", "");
            dword(h, TS + "\\SysProcs", "csrss.exe", 0);
            dword(h, TS + "\\SysProcs", "rdpclip.exe", 0);
        });
    }

    /** The Windows XP SYSTEM without the RDP-Tcp key, below a Terminal Server key that is there. */
    static Path xpSystemWithoutRdpTcp() {
        return RegRipperTextDiff.writtenVariant(
                XP, "SYSTEM", "no-rdp-tcp", h -> h.deleteKey(TS + "\\WinStations\\RDP-Tcp"));
    }

    /**
     * The Windows XP SOFTWARE with the keys and values it lacks: a DCOM port range (KB 154596), netsh helpers,
     * a service pack, build and edition strings and an InstallTime (a FILETIME off the whole second, so
     * RegRipper's floating-point conversion cannot land a second early), and the Terminal Services policy.
     */
    static Path xpSoftwareWithValues() {
        return RegRipperTextDiff.writtenVariant(XP, "SOFTWARE", "values", h -> {
            multi(h, "Microsoft\\Rpc\\Internet", "Ports", "5000-5100", "5200");
            string(h, "Microsoft\\Rpc\\Internet", "PortsInternetAvailable", "Y");
            string(h, "Microsoft\\Rpc\\Internet", "UseInternetPorts", "Y");
            for (String[] helper : new String[][] {
                {"ipmontr", "ipmontr.dll"},
                {"ipv6", "ipv6mon.dll"},
                {"ras", "rasmontr.dll"},
                {"dhcpclient", "dhcpcmonitor.dll"}
            }) {
                string(h, "Microsoft\\Netsh", helper[0], helper[1]);
            }
            String cv = "Microsoft\\Windows NT\\CurrentVersion";
            string(h, cv, "CSDVersion", "Service Pack 1");
            string(h, cv, "ReleaseId", "1709");
            string(h, cv, "BuildLabEx", "2600.1106.x86fre.xpsp1.020828-1920");
            string(h, cv, "CompositionEditionID", "Professional");
            long installTime = (Instant.parse("2002-08-20T14:03:51Z").getEpochSecond() + 11_644_473_600L) * 10_000_000L
                    + 4_321_987L;
            h.createKey(cv)
                    .putValue(
                            "InstallTime",
                            ValueType.REG_QWORD.id(),
                            ByteBuffer.allocate(8)
                                    .order(ByteOrder.LITTLE_ENDIAN)
                                    .putLong(installTime)
                                    .array());
            String policy = "Policies\\Microsoft\\Windows NT\\Terminal Services";
            dword(h, policy, "fDenyTSConnections", 0);
            dword(h, policy, "fAllowUnsolicited", 1);
            dword(h, policy, "fAllowUnsolicitedFullControl", 1);
            dword(h, policy, "UserAuthentication", 0);
        });
    }

    /** The Windows XP SOFTWARE with the keys dcom, netsh and termserv read present but empty. */
    static Path xpSoftwareWithEmptyKeys() {
        return RegRipperTextDiff.writtenVariant(XP, "SOFTWARE", "empty-keys", h -> {
            h.createKey("Microsoft\\Rpc\\Internet");
            h.createKey("Microsoft\\Netsh");
            h.createKey("Policies\\Microsoft\\Windows NT\\Terminal Services");
        });
    }

    private static Stream<DynamicTest> everywhere(
            HiveType type, String plugin, UnaryOperator<String> theirs, List<Path> variants) {
        return Stream.concat(
                RegRipperTextDiff.onEveryHive(type, plugin, theirs),
                RegRipperTextDiff.onHives(variants, plugin, theirs));
    }

    private static Stream<DynamicTest> onSystem(String plugin, UnaryOperator<String> theirs) {
        return everywhere(
                HiveType.SYSTEM,
                plugin,
                theirs,
                List.of(xpSystemWithValues(), xpSystemWithLockoutOff(), xpSystemWithoutRdpTcp()));
    }

    private static Stream<DynamicTest> onSoftware(String plugin) {
        return everywhere(
                HiveType.SOFTWARE,
                plugin,
                UnaryOperator.identity(),
                List.of(xpSoftwareWithValues(), xpSoftwareWithEmptyKeys()));
    }

    @TestFactory
    Stream<DynamicTest> rdpportTextIsRegRippersOnEverySystemHive() {
        return onSystem("rdpport", ValuePluginTextTest::rdpPortDie);
    }

    @TestFactory
    Stream<DynamicTest> remoteaccessTextIsRegRippersOnEverySystemHive() {
        return onSystem("remoteaccess", UnaryOperator.identity());
    }

    @TestFactory
    Stream<DynamicTest> disableremotescmTextIsRegRippersOnEverySystemHive() {
        return onSystem("disableremotescm", UnaryOperator.identity());
    }

    @TestFactory
    Stream<DynamicTest> termservTextIsRegRippersOnEverySystemHive() {
        return onSystem("termserv", UnaryOperator.identity());
    }

    @TestFactory
    Stream<DynamicTest> termservTextIsRegRippersOnEverySoftwareHive() {
        return onSoftware("termserv");
    }

    @TestFactory
    Stream<DynamicTest> winverTextIsRegRippersOnEverySoftwareHive() {
        return onSoftware("winver");
    }

    @TestFactory
    Stream<DynamicTest> dcomTextIsRegRippersOnEverySoftwareHive() {
        return onSoftware("dcom");
    }

    @TestFactory
    Stream<DynamicTest> netshTextIsRegRippersOnEverySoftwareHive() {
        return onSoftware("netsh");
    }

    @Test
    void zeroIsComparedAsPerlComparesANumberWithZero() {
        assertThat(ValuePluginText.perlZero("0")).isTrue();
        assertThat(ValuePluginText.perlZero(" 0.0e5 denials")).isTrue();
        assertThat(ValuePluginText.perlZero("none")).isTrue(); // Perl numifies a non-number to 0
        assertThat(ValuePluginText.perlZero("3")).isFalse();
        assertThat(ValuePluginText.perlZero("-1")).isFalse();
        assertThat(ValuePluginText.perlZero(".5")).isFalse();
    }

    static void dword(MemoryHive h, String key, String name, int v) {
        h.createKey(key)
                .putValue(
                        name,
                        ValueType.REG_DWORD.id(),
                        ByteBuffer.allocate(4)
                                .order(ByteOrder.LITTLE_ENDIAN)
                                .putInt(v)
                                .array());
    }

    static void string(MemoryHive h, String key, String name, String s) {
        h.createKey(key).putValue(name, ValueType.REG_SZ.id(), (s + "\0").getBytes(StandardCharsets.UTF_16LE));
    }

    static void multi(MemoryHive h, String key, String name, String... strings) {
        h.createKey(key)
                .putValue(
                        name,
                        ValueType.REG_MULTI_SZ.id(),
                        (String.join("\0", strings) + "\0\0").getBytes(StandardCharsets.UTF_16LE));
    }
}
