package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.exposure.knowledge.ConfiguredPort;
import org.portmortem.exposure.knowledge.KnowledgeBase;
import org.portmortem.model.WindowsFamily;

/**
 * The knowledge added for issue 13's gaps, on hosts built in memory: the ports the code mechanisms
 * are declared to open, WinRM's default ports, IPsec NAT-T, the DHCP client's certainty and the
 * services of KB 832017's tables with a configurable port.
 */
class KnowledgeGapsTest {
    private static final String WSMAN = "SW\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Listener\\";

    private static List<Listener> winrm(Exposure e) {
        return e.listeners().stream()
                .filter(l -> l.mechanism().kind() == Mechanism.Kind.WINRM_LISTENER)
                .toList();
    }

    @Test
    void aWinrmListenerWithoutPortTakesTheDefaultTheKnowledgeBaseGivesItsFamily() {
        TestHost w10 = new TestHost(WindowsFamily.WIN10_2016_2022)
                .run("WinRM", "svchost.exe", "NetworkService")
                .string(WSMAN + "*+HTTP", "uriprefix", "wsman")
                .string(WSMAN + "*+HTTPS", "uriprefix", "wsman");
        assertThat(winrm(w10.predict()))
                .extracting(Listener::localEndpoint)
                .containsExactlyInAnyOrder("0.0.0.0:5985", "[::]:5985", "0.0.0.0:5986", "[::]:5986");
        Listener http = winrm(w10.predict()).get(0);
        assertThat(http.evidence()).anySatisfy(ev -> {
            assertThat(ev.valueName()).isEqualTo("Port");
            assertThat(ev.data()).isNull();
            assertThat(ev.note()).contains("absent = 598");
        });
        TestHost xp = new TestHost(WindowsFamily.XP)
                .run("WinRM", "svchost.exe", "NetworkService")
                .string(WSMAN + "*+HTTP", "uriprefix", "wsman");
        assertThat(winrm(xp.predict())).extracting(Listener::port).containsOnly(80);
    }

    @Test
    void aWinrmPortThatIsNoNumberFallsBackToTheDefaultAsUncertain() {
        TestHost h = new TestHost(WindowsFamily.WIN81_2012R2)
                .run("WinRM", "svchost.exe", "NetworkService")
                .string(WSMAN + "IP:10.0.0.5+HTTP", "Port", "http");
        Listener l = winrm(h.predict()).get(0);
        assertThat(l.localEndpoint()).isEqualTo("10.0.0.5:5985");
        assertThat(l.certainty().level()).isEqualTo(Certainty.Level.UNCERTAIN);
        assertThat(l.certainty().reason()).contains("\"http\"");
    }

    @Test
    void everyWinrmDefaultDeclaredInTheKnowledgeBaseIsWhatTheMechanismOpens() {
        for (ConfiguredPort c :
                KnowledgeBase.bundled().entry("WinRM").orElseThrow().configuredPorts()) {
            for (WindowsFamily f : c.families()) {
                TestHost h = new TestHost(f)
                        .run("WinRM", "svchost.exe", "NetworkService")
                        .string(WSMAN + "IP:10.1.1.1+" + c.role(), "uriprefix", "wsman");
                assertThat(winrm(h.predict()))
                        .as(f + " " + c.role())
                        .extracting(Listener::port)
                        .containsOnly(c.port());
            }
        }
    }

    @Test
    void everyEndpointMapperPortDeclaredForRpcSsIsWhatTheMechanismOpens() {
        for (ConfiguredPort c :
                KnowledgeBase.bundled().entry("RpcSs").orElseThrow().configuredPorts()) {
            assertThat(c.mechanism()).isEqualTo(Mechanism.Kind.ENDPOINT_MAPPER);
            for (WindowsFamily f : c.families()) {
                // Messenger registers ncadg_ip_udp (pre-Vista), Schedule ncacn_ip_tcp: together they open both.
                TestHost h = new TestHost(f)
                        .run("Schedule", "svchost.exe", "netsvcs")
                        .run("Messenger", "svchost.exe", "netsvcs");
                assertThat(h.predict().listeners())
                        .as(f + " " + c.protocol())
                        .anyMatch(l -> l.protocol() == c.protocol()
                                && Integer.valueOf(c.port()).equals(l.port())
                                && l.mechanism().kind() == Mechanism.Kind.ENDPOINT_MAPPER);
            }
        }
    }

    @Test
    void ipsecNatTraversalListensInLsassFromXpServicePack2() {
        TestHost sp1 = new TestHost(WindowsFamily.XP)
                .run("PolicyAgent", "lsass.exe", null)
                .dword("CS\\Control\\Windows", "CSDVersion", 0x100);
        assertThat(TestHost.endpoints(sp1.predict()))
                .contains("UDP 0.0.0.0:500 PolicyAgent")
                .doesNotContain("UDP 0.0.0.0:4500 PolicyAgent");
        TestHost sp2 = new TestHost(WindowsFamily.XP)
                .run("PolicyAgent", "lsass.exe", null)
                .dword("CS\\Control\\Windows", "CSDVersion", 0x200);
        Listener natt = sp2.predict().listeners().stream()
                .filter(l -> Integer.valueOf(4500).equals(l.port()))
                .findFirst()
                .orElseThrow();
        assertThat(natt.owner().process()).isEqualTo("lsass.exe");
        assertThat(natt.certainty().level()).isEqualTo(Certainty.Level.LIKELY);
        assertThat(natt.evidence()).anyMatch(ev -> "CSDVersion".equals(ev.valueName()));
        TestHost w2003sp1 = new TestHost(WindowsFamily.SERVER_2003)
                .run("PolicyAgent", "lsass.exe", null)
                .string("SW\\Microsoft\\Windows NT\\CurrentVersion", "CSDVersion", "Service Pack 1")
                .dword("CS\\Control\\Windows", "CSDVersion", 0x100);
        assertThat(TestHost.endpoints(w2003sp1.predict())).contains("UDP 0.0.0.0:4500 PolicyAgent");
    }

    @Test
    void theDhcpClientPortIsCertainFromVistaAndOnlyLikelyBefore() {
        Listener xp = new TestHost(WindowsFamily.XP)
                .run("Dhcp", "svchost.exe", "netsvcs").nic("{A}", "10.0.0.7", true).predict().listeners().stream()
                        .filter(l -> Integer.valueOf(68).equals(l.port()))
                        .findFirst()
                        .orElseThrow();
        assertThat(xp.localEndpoint()).isEqualTo("10.0.0.7:68");
        assertThat(xp.certainty().level()).isEqualTo(Certainty.Level.LIKELY);
        assertThat(xp.certainty().reason()).contains("RFC2131");
        Listener w7 = new TestHost(WindowsFamily.WIN7_2008R2)
                        .run("Dhcp", "svchost.exe", "LocalServiceNetworkRestricted")
                        .nic("{A}", "10.0.0.7", true)
                        .predict()
                        .listeners()
                        .stream()
                        .filter(l -> Integer.valueOf(68).equals(l.port()))
                        .findFirst()
                        .orElseThrow();
        assertThat(w7.certainty().level()).isEqualTo(Certainty.Level.CERTAIN);
    }

    @Test
    void aspNetStateListensOnLoopbackUnlessRemoteConnectionsAreAllowed() {
        TestHost h = new TestHost(WindowsFamily.SERVER_2003)
                .run("aspnet_state", "aspnet_state.exe", null)
                .dword("CS\\Services\\aspnet_state\\Parameters", "Port", 42500);
        assertThat(TestHost.endpoints(h.predict()))
                .contains("TCP 127.0.0.1:42500 aspnet_state")
                .doesNotContain("TCP 0.0.0.0:42500 aspnet_state");
        h.dword("CS\\Services\\aspnet_state\\Parameters", "AllowRemoteConnection", 1);
        assertThat(TestHost.endpoints(h.predict()))
                .contains("TCP 0.0.0.0:42500 aspnet_state")
                .doesNotContain("TCP 127.0.0.1:42500 aspnet_state");
    }

    @Test
    void dfsrUsesItsFixedPortOnlyOnWindowsServer2008DomainControllers() {
        TestHost dc = new TestHost(WindowsFamily.WIN7_2008R2)
                .run("DFSR", "dfsrs.exe", null)
                .string("CS\\Control\\ProductOptions", "ProductType", "LanmanNT");
        assertThat(TestHost.endpoints(dc.predict())).contains("TCP 0.0.0.0:5722 DFSR");
        TestHost member = new TestHost(WindowsFamily.WIN7_2008R2)
                .run("DFSR", "dfsrs.exe", null)
                .string("CS\\Control\\ProductOptions", "ProductType", "ServerNT");
        assertThat(member.predict().listeners())
                .noneMatch(l -> Integer.valueOf(5722).equals(l.port()));
        TestHost w2012dc = new TestHost(WindowsFamily.WIN81_2012R2)
                .run("DFSR", "dfsrs.exe", null)
                .string("CS\\Control\\ProductOptions", "ProductType", "LanmanNT");
        assertThat(w2012dc.predict().listeners())
                .noneMatch(l -> Integer.valueOf(5722).equals(l.port()));
    }

    @Test
    void wdsListensOnTheDhcpPortUnlessToldNotTo() {
        TestHost h = new TestHost(WindowsFamily.WIN81_2012R2).run("WDSServer", "svchost.exe", "WdsSvcGroup");
        assertThat(TestHost.endpoints(h.predict()))
                .contains("UDP 0.0.0.0:4011 WDSServer", "UDP 0.0.0.0:69 WDSServer", "UDP 0.0.0.0:67 WDSServer");
        h.dword("CS\\Services\\WDSServer\\Providers\\WDSPXE", "UseDHCPPorts", 0);
        assertThat(TestHost.endpoints(h.predict())).doesNotContain("UDP 0.0.0.0:67 WDSServer");
    }

    @Test
    void httpsThroughHttpSysIsPredictedForIisOnlyWhenACertificateIsBound() {
        TestHost h = new TestHost(WindowsFamily.SERVER_2003).run("W3SVC", "svchost.exe", "iissvcs");
        assertThat(h.predict().listeners()).noneMatch(l -> Integer.valueOf(443).equals(l.port()));
        h.put(
                "CS\\Services\\HTTP\\Parameters\\SslBindingInfo\\0.0.0.0:443",
                "SslCertHash",
                org.portmortem.hive.ValueType.REG_BINARY,
                new byte[20]);
        Listener https = h.predict().listeners().stream()
                .filter(l -> Integer.valueOf(443).equals(l.port()))
                .findFirst()
                .orElseThrow();
        assertThat(https.owner().process()).isEqualTo("System");
        assertThat(https.owner().service()).isEqualTo("W3SVC");
    }
}
