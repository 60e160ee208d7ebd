package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemHiveBuilder;

/** The plugin registry, profiles, and the plugins defined as data, on hives built in memory. */
class RipPluginsTest {

    private static List<RipFact> run(String plugin, MemoryHive hive) throws IOException {
        return RipPlugins.named(plugin).orElseThrow().run(RipContext.of(hive, ModelOptions.DEFAULT));
    }

    /** An empty SOFTWARE hive: the key its kind is recognised by. */
    private static MemoryHive softwareHive() {
        MemoryHive software = MemoryHive.empty("SOFTWARE", "SOFTWARE");
        software.createKey("Microsoft\\Windows NT\\CurrentVersion");
        return software;
    }

    @Test
    void pluginNamesAreUniqueAndEachHasAHiveTypeAndDescription() {
        List<RipPlugin> all = RipPlugins.all();
        assertThat(new HashSet<>(all.stream().map(RipPlugin::name).toList())).hasSameSizeAs(all);
        assertThat(all).allSatisfy(p -> {
            assertThat(p.description()).isNotBlank().doesNotContain("\n");
            assertThat(p.hiveType()).isNotEqualTo(HiveType.OTHER);
        });
        assertThat(all.stream().map(RipPlugin::name)).contains("compname", "svc", "nic2", "rdpport", "llmnr");
    }

    @Test
    void systemProfileHoldsEveryAndOnlySystemPlugins() {
        assertThat(RipPlugins.profileType("System")).contains(HiveType.SYSTEM);
        assertThat(RipPlugins.profileType("nonsense")).isEmpty();
        assertThat(RipPlugins.profile(HiveType.SYSTEM))
                .extracting(RipPlugin::hiveType)
                .containsOnly(HiveType.SYSTEM);
        assertThat(RipPlugins.profile(HiveType.SOFTWARE))
                .extracting(RipPlugin::name)
                .containsExactly(
                        "dcom", "firewall", "llmnr", "netsh", "networkcards", "networklist", "termserv", "winver");
    }

    @Test
    void rdpPortIsReadFromTheControlSetSelectCurrentNames() throws IOException {
        SystemHiveBuilder b =
                SystemHiveBuilder.system().dword("Select", "Current", 2).inControlSet(2);
        b.dword(b.cs("Control\\Terminal Server\\WinStations\\RDP-Tcp"), "PortNumber", 3390);
        List<RipFact> facts = run("rdpport", b.build());
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("Remote Desktop Listening Port Number");
            assertThat(f.data()).isEqualTo("3390");
            assertThat(f.evidence().keyPath())
                    .isEqualTo("ControlSet002\\Control\\Terminal Server\\WinStations\\RDP-Tcp");
        });
    }

    @Test
    void aMissingValueIsReportedAsAbsentWithTheKeyLookedAt() throws IOException {
        SystemHiveBuilder b = SystemHiveBuilder.system();
        b.dword(b.cs("Services\\LanmanServer\\Parameters"), "SMB1", 0);
        List<RipFact> facts = run("smbserver", b.build());
        assertThat(facts)
                .filteredOn(f -> f.name().equals("SMB1"))
                .singleElement()
                .satisfies(f -> assertThat(f.data()).isEqualTo("0"));
        assertThat(facts)
                .filteredOn(f -> f.name().equals("SMB2"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.isAbsent()).isTrue();
                    assertThat(f.evidence().keyPath()).isEqualTo("ControlSet001\\Services\\LanmanServer\\Parameters");
                    assertThat(f.evidence().valueName()).isEqualTo("SMB2");
                });
    }

    @Test
    void aMissingKeyIsOneAbsentFactNamingIt() throws IOException {
        List<RipFact> facts = run("remoteaccess", SystemHiveBuilder.system().build());
        assertThat(facts).singleElement().satisfies(f -> {
            assertThat(f.isAbsent()).isTrue();
            // the path as remoteaccess.pl spells it ("services"), since that is the path its text prints
            assertThat(f.name()).isEqualTo("ControlSet001\\services\\RemoteAccess\\Parameters\\AccountLockout");
        });
    }

    @Test
    void llmnrPolicyIsReadFromTheSoftwareHiveRoot() throws IOException {
        MemoryHive software = softwareHive();
        software.createKey("Policies\\Microsoft\\Windows NT\\DNSClient")
                .putValue("EnableMulticast", ValueType.REG_DWORD.id(), new byte[] {0, 0, 0, 0});
        assertThat(HiveType.of(software)).isEqualTo(HiveType.SOFTWARE);
        assertThat(run("llmnr", software)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("EnableMulticast");
            assertThat(f.data()).isEqualTo("0");
        });
    }

    @Test
    void termservOnASoftwareHiveReportsTheMissingControlSetAndThePolicy() throws IOException {
        MemoryHive software = softwareHive();
        software.createKey("Policies\\Microsoft\\Windows NT\\Terminal Services")
                .putValue("fDenyTSConnections", ValueType.REG_DWORD.id(), new byte[] {1, 0, 0, 0});
        assertThat(RipPlugins.named("termserv").orElseThrow().hiveTypes())
                .containsExactly(HiveType.SYSTEM, HiveType.SOFTWARE);
        assertThat(RipPlugins.profile(HiveType.SOFTWARE))
                .extracting(RipPlugin::name)
                .contains("termserv");
        List<RipFact> facts = run("termserv", software);
        assertThat(facts.get(0)).satisfies(f -> {
            assertThat(f.isAbsent()).isTrue();
            assertThat(f.evidence().keyPath()).isEqualTo("Select");
        });
        assertThat(facts.subList(1, facts.size()))
                .extracting(f -> f.name() + "=" + f.data())
                .containsExactly(
                        "fDenyTSConnections=1",
                        "fAllowUnsolicited=null",
                        "fAllowUnsolicitedFullControl=null",
                        "UserAuthentication=null");
    }

    @Test
    void keysWithinAMissingKeyAreNotRead() throws IOException {
        List<RipFact> facts = run("termserv", SystemHiveBuilder.system().build());
        assertThat(facts)
                .extracting(f -> f.evidence().keyPath())
                .containsExactly(
                        "ControlSet001\\Control\\Terminal Server",
                        "Policies\\Microsoft\\Windows NT\\Terminal Services");
        assertThat(facts).allMatch(RipFact::isAbsent);
    }

    @Test
    void aKeyWhoseValuesAreListedIsReportedItselfWithItsTime() throws IOException {
        MemoryHive software = softwareHive();
        software.createKey("Microsoft\\Netsh").setLastWritten(java.time.Instant.parse("2004-08-04T12:00:00Z"));
        assertThat(run("netsh", software)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo(ValuePlugin.KEY_FACT);
            assertThat(f.data()).isEqualTo("2004-08-04 12:00:00Z");
            assertThat(f.evidence().valueName()).isNull();
        });
    }

    @Test
    void portProxyReadsEveryDirectionOfTheControlSetInUse() throws IOException {
        SystemHiveBuilder b =
                SystemHiveBuilder.system().dword("Select", "Current", 2).inControlSet(2);
        b.string(b.cs("Services\\PortProxy\\v4tov6\\tcp"), "0.0.0.0/8080", "fe80::1/80");
        List<RipFact> facts = run("portproxy", b.build());
        assertThat(facts)
                .extracting(f -> f.group() + ":" + f.name() + "=" + f.data())
                .containsExactly(
                        "ControlSet002\\Services\\PortProxy\\v4tov4\\tcp:ControlSet002\\Services\\PortProxy\\v4tov4\\tcp=null",
                        "ControlSet002\\Services\\PortProxy\\v4tov6\\tcp:Values=1",
                        "ControlSet002\\Services\\PortProxy\\v4tov6\\tcp:0.0.0.0/8080=fe80::1/80");
    }

    @Test
    void sharesReportEveryFieldOfEachShare() throws IOException {
        SystemHiveBuilder b = SystemHiveBuilder.system();
        b.multi(
                b.cs("Services\\LanmanServer\\Shares"),
                "Data",
                "CSCFlags=0",
                "MaxUses=4294967295",
                "Path=D:\\Data",
                "Permissions=0",
                "Remark=team files",
                "Type=0");
        b.dword(b.cs("Services\\LanmanServer\\Parameters"), "AutoShareServer", 0);
        List<RipFact> facts = run("shares", b.build());
        assertThat(facts)
                .extracting(f -> f.group() + ":" + f.name() + "=" + f.data())
                .contains(
                        "Data:Path=D:\\Data",
                        "Data:Remark=team files",
                        "Data:MaxUses=4294967295",
                        "ControlSet001\\Services\\LanmanServer\\Parameters:AutoShareServer=0");
    }

    @Test
    void routesSplitTheValueNameIntoAddressNetmaskGatewayAndMetric() throws IOException {
        SystemHiveBuilder b = SystemHiveBuilder.system();
        b.string(b.cs("Services\\Tcpip\\Parameters\\PersistentRoutes"), "10.1.0.0,255.255.0.0,192.168.1.254,5", "");
        assertThat(run("routes", b.build()))
                .extracting(f -> f.name() + "=" + f.data())
                .containsExactly(
                        "Values=1", "Address=10.1.0.0", "Netmask=255.255.0.0", "Gateway=192.168.1.254", "Metric=5");
    }

    @Test
    void regRipperDataPrintsNumbersInDecimalAndMultiStringsJoinedBySpace() {
        var dword = new org.portmortem.hive.Value(
                "K", "N", ValueType.REG_DWORD.id(), new byte[] {(byte) 0xff, 0, 0, (byte) 0x80});
        assertThat(RegRipperData.of(dword)).isEqualTo(Long.toString(0x800000ffL));
        var multi = new org.portmortem.hive.Value(
                "K", "M", ValueType.REG_MULTI_SZ.id(), "a\0b c\0\0".getBytes(StandardCharsets.UTF_16LE));
        assertThat(RegRipperData.of(multi)).isEqualTo("a b c");
        assertThat(RegRipperData.time(java.time.Instant.parse("2012-04-04T01:58:40Z")))
                .isEqualTo("2012-04-04 01:58:40Z");
    }
}
