package org.portmortem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.portmortem.InputException;
import org.portmortem.hive.MemoryHive;

class SystemModelTest {
    private static final String CV = "Microsoft\\Windows NT\\CurrentVersion";

    private static SystemModel read(SystemHiveBuilder system, SystemHiveBuilder software) throws Exception {
        return SystemModel.read(system.build(), software == null ? null : software.build(), ModelOptions.DEFAULT);
    }

    @Test
    void imagePathsAreResolvedAgainstTheSystemRootFromSoftware() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .service("RpcSs", 0x20, 2, "%SystemRoot%\\system32\\svchost -k rpcss")
                .service("Dnscache", 0x20, 2, "%SystemRoot%\\system32\\svchost.exe -k NetworkService -p")
                .service("Tcpip", 1, 1, "System32\\DRIVERS\\tcpip.sys")
                .service("AFD", 1, 1, "\\SystemRoot\\System32\\drivers\\afd.sys")
                .service("Vendor", 0x10, 2, "\"C:\\Program Files\\Vendor App\\agent.exe\" /service --port 8080")
                .service("Raw", 0x10, 2, "\\??\\D:\\tools\\raw.exe")
                .service("Unquoted", 0x10, 2, "C:\\Program Files\\Tool\\run.exe -x");
        SystemHiveBuilder soft = SystemHiveBuilder.software().string(CV, "SystemRoot", "C:\\WINNT");
        SystemModel m = read(sys, soft);
        assertThat(m.service("rpcss").orElseThrow().image().file()).isEqualTo("C:\\WINNT\\system32\\svchost.exe");
        assertThat(m.service("rpcss").orElseThrow().svchostGroup()).isEqualTo("rpcss");
        assertThat(m.service("Dnscache").orElseThrow().svchostGroup()).isEqualTo("NetworkService");
        assertThat(m.service("Tcpip").orElseThrow().image().file())
                .isEqualTo("C:\\WINNT\\System32\\DRIVERS\\tcpip.sys");
        assertThat(m.service("AFD").orElseThrow().image().file()).isEqualTo("C:\\WINNT\\System32\\drivers\\afd.sys");
        ImagePath vendor = m.service("Vendor").orElseThrow().image();
        assertThat(vendor.file()).isEqualTo("C:\\Program Files\\Vendor App\\agent.exe");
        assertThat(vendor.arguments()).isEqualTo("/service --port 8080");
        assertThat(vendor.raw()).startsWith("\"C:\\Program Files");
        assertThat(m.service("Raw").orElseThrow().image().file()).isEqualTo("D:\\tools\\raw.exe");
        assertThat(m.service("Unquoted").orElseThrow().image().arguments()).isEqualTo("-x");
        assertThat(m.service("Tcpip").orElseThrow().image().systemRootAssumed()).isFalse();
    }

    @Test
    void withoutSoftwareTheSystemRootIsAssumedAndSaidSo() throws Exception {
        SystemModel m = read(SystemHiveBuilder.system().service("Tcpip", 1, 1, "System32\\DRIVERS\\tcpip.sys"), null);
        ImagePath p = m.service("Tcpip").orElseThrow().image();
        assertThat(p.file()).isEqualTo("C:\\Windows\\System32\\DRIVERS\\tcpip.sys");
        assertThat(p.systemRootAssumed()).isTrue();
        assertThat(m.warnings()).anyMatch(w -> w.message().startsWith("no SOFTWARE hive"));
    }

    @Test
    void serviceDllComesFromParametersOrTheKeyAndIndirectNamesStayReferences() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .service("Browser", 0x20, 2, "%SystemRoot%\\system32\\svchost.exe -k netsvcs")
                .service("Old", 0x20, 3, "%SystemRoot%\\system32\\svchost.exe -k netsvcs");
        sys.expandString(sys.cs("Services\\Browser\\Parameters"), "ServiceDll", "%SystemRoot%\\System32\\browser.dll")
                .string(sys.cs("Services\\Browser"), "DisplayName", "@%systemroot%\\system32\\browser.dll,-100")
                .expandString(sys.cs("Services\\Old"), "ServiceDll", "%SystemRoot%\\System32\\old.dll");
        SystemModel m = read(sys, null);
        Service browser = m.service("Browser").orElseThrow();
        assertThat(browser.serviceDll().value()).isEqualTo("%SystemRoot%\\System32\\browser.dll");
        assertThat(browser.serviceDll().evidence().keyPath()).endsWith("Services\\Browser\\Parameters");
        assertThat(browser.serviceDllPath().file()).isEqualTo("C:\\Windows\\System32\\browser.dll");
        assertThat(browser.displayName().value().isIndirect()).isTrue();
        assertThat(browser.displayName().value().resourceId()).contains(100);
        assertThat(m.service("Old").orElseThrow().serviceDll().value()).isEqualTo("%SystemRoot%\\System32\\old.dll");
        assertThat(m.svchostGroup("NETSVCS").orElseThrow().declaringServices()).containsExactly("Browser", "Old");
    }

    @Test
    void svchostGroupsListTheirMembersFromSoftware() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .service("Schedule", 0x20, 2, "%SystemRoot%\\system32\\svchost.exe -k netsvcs");
        SystemHiveBuilder soft = SystemHiveBuilder.software().multi(CV + "\\Svchost", "netsvcs", "Schedule", "Browser");
        SvchostGroup g = read(sys, soft).svchostGroup("netsvcs").orElseThrow();
        assertThat(g.listedMembers().value()).containsExactly("Schedule", "Browser");
        assertThat(g.declaringServices()).containsExactly("Schedule");
    }

    @Test
    void selectCurrentNamingAMissingSetFallsBackToDefaultWithAWarning() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .dword("Select", "Current", 3)
                .service("Tcpip", 1, 1, "System32\\DRIVERS\\tcpip.sys");
        SystemModel m = read(sys, null);
        assertThat(m.controlSets().inUse()).isEqualTo(1);
        assertThat(m.controlSets().inUseBasis()).contains("Select\\Current = 3 names a missing control set");
        assertThat(m.warnings()).anyMatch(w -> w.message().contains("Select\\Current = 3 names a missing control set"));
        assertThat(m.warnings())
                .anyMatch(w -> w.message().equals("Select\\LastKnownGood = 2 names a missing control set"));
        assertThat(m.service("Tcpip")).isPresent();
    }

    @Test
    void controlSetOverrideIsUsedAndAMissingOneIsAnInputError() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .service("Svc", 0x10, 2, "C:\\a.exe")
                .inControlSet(2)
                .service("Svc", 0x10, 4, "C:\\a.exe");
        SystemModel two = SystemModel.read(sys.build(), null, ModelOptions.withControlSet(2));
        assertThat(two.controlSetPath()).isEqualTo("ControlSet002");
        assertThat(two.service("Svc").orElseThrow().startType()).isEqualTo(StartType.DISABLED);
        assertThatThrownBy(() -> SystemModel.read(sys.build(), null, ModelOptions.withControlSet(7)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("control set 7")
                .hasMessageContaining("[1, 2]");
    }

    @Test
    void startValuesThatDifferBetweenSetsAreListed() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .service("Same", 0x10, 2, "C:\\a.exe")
                .service("Changed", 0x10, 4, "C:\\b.exe")
                .inControlSet(2)
                .service("Same", 0x10, 2, "C:\\a.exe")
                .service("Changed", 0x10, 2, "C:\\b.exe")
                .service("OnlyHere", 0x10, 3, "C:\\c.exe");
        ControlSets cs = read(sys, null).controlSets();
        assertThat(cs.sets()).extracting(ControlSet::number).containsExactly(1, 2);
        assertThat(cs.startDifferences()).extracting(StartDifference::service).containsExactly("Changed", "OnlyHere");
        StartDifference changed = cs.startDifferences().get(0);
        assertThat(changed.startBySet()).containsEntry(1, 4).containsEntry(2, 2);
        assertThat(cs.startDifferences().get(1).startBySet()).containsEntry(1, null);
    }

    @Test
    void aHiveWithoutControlSetsIsRefusedInOneLine() {
        MemoryHive empty = MemoryHive.empty("SYSTEM", "ROOT");
        assertThatThrownBy(() -> SystemModel.read(empty, null, ModelOptions.DEFAULT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not a SYSTEM hive")
                .hasMessageNotContaining("\n");
    }

    @Test
    void build22000IsWindows11EvenWhereProductNameSaysWindows10() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system();
        sys.string(sys.cs("Control\\ProductOptions"), "ProductType", "WinNT");
        SystemHiveBuilder soft = SystemHiveBuilder.software()
                .string(CV, "ProductName", "Windows 10 Pro")
                .string(CV, "CurrentBuildNumber", "22631")
                .string(CV, "CurrentVersion", "6.3")
                .dword(CV, "UBR", 2861);
        WindowsVersion v = read(sys, soft).version();
        assertThat(v.family()).isEqualTo(WindowsFamily.WIN11_2025);
        assertThat(v.familyBasis()).startsWith("build 22631").contains("ProductName still says 'Windows 10 Pro'");
        assertThat(v.ubr().value()).isEqualTo(2861);
        assertThat(v.productType().value()).isEqualTo(ProductType.WORKSTATION);
    }

    @Test
    void build3790IsXpOnAWorkstationAndServer2003OnAServer() throws Exception {
        for (String[] c : new String[][] {{"WinNT", "XP"}, {"ServerNT", "SERVER_2003"}, {"LanmanNT", "SERVER_2003"}}) {
            SystemHiveBuilder sys = SystemHiveBuilder.system();
            sys.string(sys.cs("Control\\ProductOptions"), "ProductType", c[0]);
            SystemHiveBuilder soft = SystemHiveBuilder.software().string(CV, "CurrentBuildNumber", "3790");
            assertThat(read(sys, soft).family()).as(c[0]).isEqualTo(WindowsFamily.valueOf(c[1]));
        }
    }

    @Test
    void identityAndLocalTimeFollowTheTimeZoneRules() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system();
        String tz = sys.cs("Control\\TimeZoneInformation");
        // W. Europe: UTC+1, daylight from the last Sunday of March 02:00 to the last Sunday of October 03:00.
        sys.dword(tz, "Bias", -60)
                .dword(tz, "StandardBias", 0)
                .dword(tz, "DaylightBias", -60)
                .binary(tz, "StandardStart", systemTime(0, 10, 0, 5, 3))
                .binary(tz, "DaylightStart", systemTime(0, 3, 0, 5, 2))
                .string(tz, "TimeZoneKeyName", "W. Europe Standard Time")
                .string(sys.cs("Control\\ComputerName\\ComputerName"), "ComputerName", "W2KSRV")
                .string(sys.cs("Services\\Tcpip\\Parameters"), "Domain", "corp.example")
                .binary(sys.cs("Control\\Windows"), "ShutdownTime", fileTime(Instant.parse("2002-08-29T16:47:05Z")));
        MachineIdentity id = read(sys, null).identity();
        assertThat(id.computerName().value()).isEqualTo("W2KSRV");
        assertThat(id.dnsDomain().value()).isEqualTo("corp.example");
        assertThat(id.lastShutdown().value()).isEqualTo(Instant.parse("2002-08-29T16:47:05Z"));
        MachineTimeZone zone = id.timeZone();
        assertThat(zone.toLocal(Instant.parse("2002-08-29T16:47:05Z")).toString())
                .isEqualTo("2002-08-29T18:47:05+02:00");
        assertThat(zone.toLocal(Instant.parse("2002-12-01T12:00:00Z")).toString())
                .isEqualTo("2002-12-01T13:00+01:00");
        // 2002: daylight saving began on 31 March at 01:00 UTC.
        assertThat(zone.toLocal(Instant.parse("2002-03-31T00:59:00Z"))
                        .getOffset()
                        .getTotalSeconds())
                .isEqualTo(3600);
        assertThat(zone.toLocal(Instant.parse("2002-03-31T01:00:00Z"))
                        .getOffset()
                        .getTotalSeconds())
                .isEqualTo(7200);
    }

    @Test
    void leaseTimesCountAsCalendarTimesFromNineteenNinety() {
        assertThat(InterfaceReader.EARLIEST_LEASE).isEqualTo(Instant.parse("1990-01-01T00:00:00Z"));
    }

    @Test
    void interfacesHaveStaticAddressesOrTheLastLeaseMarkedAsSuch() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system();
        String staticIf = sys.cs("Services\\Tcpip\\Parameters\\Interfaces\\{AAAA}");
        String dhcpIf = sys.cs("Services\\Tcpip\\Parameters\\Interfaces\\{BBBB}");
        sys.dword(staticIf, "EnableDHCP", 0)
                .multi(staticIf, "IPAddress", "192.70.106.143", "10.0.0.1")
                .multi(staticIf, "SubnetMask", "255.255.255.0", "255.0.0.0")
                .dword(dhcpIf, "EnableDHCP", 1)
                .string(dhcpIf, "DhcpIPAddress", "192.168.1.103")
                .string(dhcpIf, "DhcpSubnetMask", "255.255.255.0")
                .dword(dhcpIf, "LeaseObtainedTime", 1260316899)
                .string(
                        sys.cs("Control\\Network\\{4D36E972-E325-11CE-BFC1-08002BE10318}\\{AAAA}\\Connection"),
                        "Name",
                        "Local Area Connection")
                .dword(sys.cs("Services\\NetBT\\Parameters\\Interfaces\\Tcpip_{AAAA}"), "NetbiosOptions", 2);
        SystemModel m = read(sys, null);
        NetworkInterface a = m.networkInterfaces().get(0);
        assertThat(a.name().value()).isEqualTo("Local Area Connection");
        assertThat(a.bootAddresses())
                .extracting(InterfaceAddress::address)
                .containsExactly("192.70.106.143", "10.0.0.1");
        assertThat(a.bootAddresses().get(1).subnetMask()).isEqualTo("255.0.0.0");
        assertThat(a.bootAddresses()).allMatch(x -> x.source() == AddressSource.STATIC);
        assertThat(a.netbiosOptions().value()).isEqualTo(2);
        NetworkInterface b = m.networkInterfaces().get(1);
        assertThat(b.bootAddresses()).singleElement().satisfies(x -> {
            assertThat(x.source()).isEqualTo(AddressSource.DHCP_LAST_LEASE);
            assertThat(x.describe()).isEqualTo("192.168.1.103 (last DHCP lease)");
        });
        assertThat(b.leaseObtained().value()).isEqualTo(Instant.ofEpochSecond(1260316899));
        assertThat(b.netbiosOptions().isPresent()).isFalse();
    }

    @Test
    void triggersAreDecodedWithTheirDocumentedSubtypesAndWhetherTheyFireAtBoot() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system().service("Svc", 0x20, 3, "C:\\Windows\\svchost.exe -k x");
        String t1 = sys.cs("Services\\Svc\\TriggerInfo\\1");
        sys.startTrigger("Svc", 0, 2, "{4f27f2de-14e2-430b-a549-7cd48cbc8245}")
                .startTrigger("Svc", 1, 6, "{bc90d167-9470-4139-a9ba-be0bbbf5b74d}")
                .binary(t1, "Data0", "12345678-1234-abcd-ef00-0123456789ab\0".getBytes(StandardCharsets.UTF_16LE))
                .dword(t1, "DataType0", 2)
                .staticInterface("{AAAA}", "10.1.1.1");
        Service s = read(sys, null).service("Svc").orElseThrow();
        assertThat(s.triggers()).hasSize(2);
        ServiceTrigger ip = s.triggers().get(0);
        assertThat(ip.type()).isEqualTo(TriggerType.IP_ADDRESS_AVAILABILITY);
        assertThat(ip.subtypeName()).isEqualTo("first IP address available");
        assertThat(ip.firing()).isEqualTo(TriggerFiring.AT_BOOT);
        assertThat(ip.firingReason()).contains("10.1.1.1 (static)");
        ServiceTrigger rpc = s.triggers().get(1);
        assertThat(rpc.type()).isEqualTo(TriggerType.NETWORK_ENDPOINT);
        assertThat(rpc.subtype()).isEqualTo("{bc90d167-9470-4139-a9ba-be0bbbf5b74d}");
        assertThat(rpc.data()).containsExactly("12345678-1234-abcd-ef00-0123456789ab");
        assertThat(rpc.firing()).isEqualTo(TriggerFiring.ON_DEMAND);
        assertThat(s.isTriggerStart()).isTrue();
    }

    @Test
    void aValueOfTheWrongTypeIsIgnoredWithAWarning() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system().service("Odd", 0x10, 2, "C:\\o.exe");
        sys.string(sys.cs("Services\\Odd"), "Start", "2");
        SystemModel m = read(sys, null);
        assertThat(m.service("Odd").orElseThrow().start().isPresent()).isFalse();
        assertThat(m.service("Odd").orElseThrow().start().evidence().valueType())
                .isEqualTo("REG_SZ");
        assertThat(m.warnings()).anyMatch(w -> w.message().contains("Start is REG_SZ"));
    }

    private static byte[] systemTime(int year, int month, int dayOfWeek, int occurrence, int hour) {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) year)
                .putShort((short) month)
                .putShort((short) dayOfWeek)
                .putShort((short) occurrence)
                .putShort((short) hour);
        return b.array();
    }

    private static byte[] fileTime(Instant t) {
        long ticks = t.getEpochSecond() * 10_000_000L + t.getNano() / 100 + 116_444_736_000_000_000L;
        return ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putLong(ticks)
                .array();
    }

    @Test
    void aGroupsMembersAreTheServicesNamingItInAnyCaseAskedForInAnySpelling() throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .service("Tcpip", 1, 1, "System32\\DRIVERS\\tcpip.sys")
                .service("NetBT", 1, 1, "System32\\DRIVERS\\netbt.sys")
                .service("Afd", 1, 1, "System32\\DRIVERS\\afd.sys")
                .service("Other", 1, 3, "System32\\DRIVERS\\other.sys");
        sys.string(sys.cs("Services\\Tcpip"), "Group", "PNP_TDI")
                .string(sys.cs("Services\\NetBT"), "Group", "pnp_tdi")
                .string(sys.cs("Services\\Afd"), "Group", "TDI");
        SystemModel m = read(sys, null);
        assertThat(m.groupMembers("PNP_TDI")).extracting(Service::name).containsExactly("NetBT", "Tcpip");
        // asked again, and in another spelling: the same answer as the first scan
        assertThat(m.groupMembers("Pnp_Tdi")).isEqualTo(m.groupMembers("PNP_TDI"));
        assertThat(m.groupMembers("PNP_TDI")).isEqualTo(m.groupMembers("PNP_TDI"));
        assertThat(m.groupMembers("tdi")).extracting(Service::name).containsExactly("Afd");
        assertThat(m.groupMembers("NDIS")).isEmpty();
        assertThat(m.groupMembers(null)).isEmpty();
    }
}
