package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.model.WindowsFamily;

/** Each code mechanism on a host built in memory. */
class MechanismsTest {

    @Test
    void rpcInternetPortsUsedByDefaultWhenBothFlagsAgree() {
        Exposure e = new TestHost(WindowsFamily.XP)
                .run("Schedule", "svchost.exe", "netsvcs")
                .multi("SW\\Microsoft\\Rpc\\Internet", "Ports", "5000-6000")
                .string("SW\\Microsoft\\Rpc\\Internet", "PortsInternetAvailable", "Y")
                .string("SW\\Microsoft\\Rpc\\Internet", "UseInternetPorts", "Y")
                .predict();
        Listener dyn =
                e.listeners().stream().filter(Listener::dynamic).findFirst().orElseThrow();
        assertThat(dyn.portRange().first()).isEqualTo(5000);
        assertThat(dyn.portRange().last()).isEqualTo(6000);
        assertThat(dyn.evidence()).anyMatch(ev -> "Ports".equals(ev.valueName()));
    }

    @Test
    void rpcInternetPortsReservedForTheOtherKindLeaveTheDefaultRange() {
        Exposure e = new TestHost(WindowsFamily.XP)
                .run("Schedule", "svchost.exe", "netsvcs")
                .multi("SW\\Microsoft\\Rpc\\Internet", "Ports", "5000-6000")
                .string("SW\\Microsoft\\Rpc\\Internet", "PortsInternetAvailable", "Y")
                .string("SW\\Microsoft\\Rpc\\Internet", "UseInternetPorts", "N")
                .predict();
        assertThat(e.dynamicRange().first()).isEqualTo(1025);
        assertThat(e.dynamicRange().origin()).contains("outside Rpc\\Internet Ports 5000-6000");
    }

    @Test
    void anUnreadablePortsEntryFallsBackToTheDefaultWithAWarning() {
        Exposure e = new TestHost(WindowsFamily.XP)
                .multi("SW\\Microsoft\\Rpc\\Internet", "Ports", "lots")
                .predict();
        assertThat(e.dynamicRange().first()).isEqualTo(1025);
        assertThat(e.warnings()).anyMatch(w -> w.contains("\"lots\"") && w.contains("error 87"));
    }

    @Test
    void rdpPolicyCopyOverridesTheControlSetValue() {
        TestHost allowedLocally = new TestHost(WindowsFamily.WIN7_2008R2)
                .run("TermService", "svchost.exe", "NetworkService")
                .dword("CS\\Control\\Terminal Server", "fDenyTSConnections", 0)
                .dword("CS\\Control\\Terminal Server\\WinStations\\RDP-Tcp", "PortNumber", 3390);
        assertThat(TestHost.endpoints(allowedLocally.predict())).contains("TCP 0.0.0.0:3390 TermService");
        allowedLocally.dword("SW\\Policies\\Microsoft\\Windows NT\\Terminal Services", "fDenyTSConnections", 1);
        assertThat(allowedLocally.predict().listeners())
                .noneMatch(l -> Integer.valueOf(3390).equals(l.port()));
    }

    @Test
    void portProxyRulesListenForIpHelper() {
        Exposure e = new TestHost(WindowsFamily.WIN10_2016_2022)
                .run("iphlpsvc", "svchost.exe", "netsvcs")
                .string("CS\\Services\\PortProxy\\v4tov4\\tcp", "0.0.0.0/4325", "10.0.0.5/3389")
                .string("CS\\Services\\PortProxy\\v6tov4\\tcp", "*/8080", "10.0.0.5/80")
                .predict();
        assertThat(TestHost.endpoints(e)).contains("TCP 0.0.0.0:4325 iphlpsvc", "TCP [::]:8080 iphlpsvc");
        Listener l = e.listeners().stream()
                .filter(x -> Integer.valueOf(4325).equals(x.port()))
                .findFirst()
                .orElseThrow();
        assertThat(l.mechanism().kind()).isEqualTo(Mechanism.Kind.PORT_PROXY);
        assertThat(l.mechanism().description()).contains("10.0.0.5/3389");
    }

    @Test
    void winrmListenersComeFromTheWsmanKeysAndBelongToHttpSys() {
        TestHost h = new TestHost(WindowsFamily.WIN10_2016_2022).run("WinRM", "svchost.exe", "NetworkService");
        assertThat(h.predict().listeners()).noneMatch(l -> l.mechanism().kind() == Mechanism.Kind.WINRM_LISTENER);
        h.dword("SW\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Listener\\*+HTTP", "Port", 5985);
        List<Listener> w = h.predict().listeners().stream()
                .filter(l -> l.mechanism().kind() == Mechanism.Kind.WINRM_LISTENER)
                .toList();
        assertThat(w).extracting(Listener::localEndpoint).containsExactlyInAnyOrder("0.0.0.0:5985", "[::]:5985");
        assertThat(w).allMatch(l -> l.owner().process().equals("System"));
    }

    @Test
    void sqlServerStaticPortFromIpAll() {
        Exposure e = new TestHost(WindowsFamily.WIN10_2016_2022)
                .run("MSSQLSERVER", "sqlservr.exe", null)
                .string(
                        "SW\\Microsoft\\Microsoft SQL Server\\Instance Names\\SQL",
                        "MSSQLSERVER",
                        "MSSQL15.MSSQLSERVER")
                .string(
                        "SW\\Microsoft\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQLServer\\SuperSocketNetLib\\Tcp\\IPAll",
                        "TcpPort",
                        "1433")
                .predict();
        assertThat(TestHost.endpoints(e)).contains("TCP 0.0.0.0:1433 MSSQLSERVER");
    }

    @Test
    void interfaceRestrictionIsIgnoredOnXpAsThePaperFound() {
        Exposure e = new TestHost(WindowsFamily.XP)
                .run("Schedule", "svchost.exe", "netsvcs")
                .multi("CS\\Services\\Rpc\\Linkage", "Bind", "1")
                .predict();
        assertThat(e.listeners())
                .filteredOn(Listener::dynamic)
                .extracting(Listener::address)
                .containsOnly("0.0.0.0");
        assertThat(e.warnings()).anyMatch(w -> w.contains("only works on Windows 2000"));
    }

    @Test
    void listenOnInternetNMovesTheEndpointMapperToTheBoundInterfacesOnWindows2000() {
        Exposure e = new TestHost(WindowsFamily.WIN2000)
                .run("Schedule", "mstask.exe", null)
                .multi("CS\\Services\\Rpc\\Linkage", "Bind", "1")
                .string("CS\\Services\\RpcSs", "ListenOnInternet", "N")
                .predict();
        assertThat(TestHost.endpoints(e))
                .contains("TCP 127.0.0.1:135 RpcSs", "TCP 127.0.0.1:* Schedule")
                .doesNotContain("TCP 0.0.0.0:135 RpcSs");
    }

    @Test
    void windows10SplitsSvchostServicesIntoTheirOwnProcessUnlessSplittingIsDisabled() {
        TestHost h = new TestHost(WindowsFamily.WIN10_2016_2022)
                .run("Schedule", "svchost.exe", "netsvcs")
                .run("SessionEnv", "svchost.exe", "netsvcs");
        assertThat(h.predict().listeners())
                .filteredOn(l ->
                        l.dynamic() && l.ipVersion() == 4 && l.owner().process().equals("svchost.exe"))
                .hasSize(2);
        h.dword("CS\\Services\\Schedule", "SvcHostSplitDisable", 1)
                .dword("CS\\Services\\SessionEnv", "SvcHostSplitDisable", 1);
        List<Listener> shared = h.predict().listeners().stream()
                .filter(l ->
                        l.dynamic() && l.ipVersion() == 4 && l.owner().process().equals("svchost.exe"))
                .toList();
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).owner().sharedWith()).containsExactly("SessionEnv");
    }

    @Test
    void dhcpSuppliedNetbiosOptionTwoDisablesNetbiosOnThatInterface() {
        TestHost h = new TestHost(WindowsFamily.XP)
                .run("NetBT", "System", null)
                .nic("{A}", "10.0.0.2", true)
                .nic("{B}", "10.0.1.2", true)
                .dword("CS\\Services\\NetBT\\Parameters\\Interfaces\\Tcpip_{A}", "NetbiosOptions", 0)
                .dword("CS\\Services\\NetBT\\Parameters\\Interfaces\\Tcpip_{A}", "DhcpNetbiosOptions", 2);
        assertThat(TestHost.endpoints(h.predict()))
                .contains("TCP 10.0.1.2:139 NetBT")
                .doesNotContain("TCP 10.0.0.2:139 NetBT");
    }
}
