package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.FirewallVerdict.Reachability;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SharedCorpus;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;

/**
 * Predictions on the real SYSTEM hives of the shared corpus (no SOFTWARE hive there). The facts
 * asserted per hive were read by hand with reglookup 1.0 (values quoted in each test).
 */
class CorpusPredictionTest {

    static Stream<Path> systemHives() throws IOException {
        Assumptions.assumeTrue(
                SharedCorpus.root().isPresent(), "../shared/corpus not found: corpus predictions not checked");
        return SharedCorpus.systemHives().stream();
    }

    private static Exposure predict(String relative) throws IOException {
        Optional<Path> root = SharedCorpus.root();
        Assumptions.assumeTrue(root.isPresent(), "../shared/corpus not found: corpus predictions not checked");
        Path hive = root.get().resolve("hives").resolve(relative);
        Assumptions.assumeTrue(Files.exists(hive), hive + " not in the corpus");
        try (Hive h = Hive.open(hive)) {
            SystemModel m = SystemModel.read(h, null, ModelOptions.DEFAULT);
            return new ExposurePredictor().predict(m, BootPlan.of(m), RegistryScope.of(m, h, null));
        }
    }

    private static List<Listener> at(Exposure e, Protocol p, String address, Integer port) {
        return e.listeners().stream()
                .filter(l ->
                        l.protocol() == p && l.address().equals(address) && java.util.Objects.equals(l.port(), port))
                .toList();
    }

    private static Reachability fw(Listener l, String profile) {
        return l.firewall().profiles().get(profile).reachability();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("systemHives")
    void everyListenerOfEveryCorpusHiveHasAnOwnerAMechanismAndEvidence(Path hive) throws IOException {
        try (Hive h = Hive.open(hive)) {
            SystemModel m = SystemModel.read(h, null, ModelOptions.DEFAULT);
            Exposure e = new ExposurePredictor().predict(m, BootPlan.of(m), RegistryScope.of(m, h, null));
            for (Listener l : e.listeners()) {
                assertThat(l.owner().process()).as(l.localEndpoint()).isNotBlank();
                assertThat(l.mechanism().description()).as(l.localEndpoint()).isNotBlank();
                assertThat(l.evidence()).as(l.localEndpoint() + " evidence").isNotEmpty();
                assertThat(l.firewall().profiles())
                        .as(l.localEndpoint() + " firewall")
                        .isNotEmpty();
                if (l.certainty().level() != Certainty.Level.CERTAIN) {
                    assertThat(l.certainty().reason())
                            .as(l.localEndpoint() + " reason")
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void m57PatentsXpSp3NetbiosOnItsDhcpLeaseNoRdpAndStandardProfileFirewallOn() throws IOException {
        // reglookup: Tcpip\...\{58094C24-...}\DhcpIPAddress = 192.168.1.103, NetBT
        // ...Tcpip_{58094C24-...}\NetbiosOptions = 0,
        // Terminal Server\fDenyTSConnections = 1, FirewallPolicy\DomainProfile\EnableFirewall = 0,
        // StandardProfile\EnableFirewall = 1, DoNotAllowExceptions = 0, Control\Windows\CSDVersion = 0x300
        Exposure e = predict("bcc-m57/SYSTEM");
        assertThat(e.family()).isEqualTo(WindowsFamily.XP);
        assertThat(at(e, Protocol.TCP, "192.168.1.103", 139)).hasSize(1);
        assertThat(at(e, Protocol.UDP, "192.168.1.103", 137)).hasSize(1);
        assertThat(e.listeners()).noneMatch(l -> Integer.valueOf(3389).equals(l.port()));
        assertThat(e.listeners()).noneMatch(l -> Integer.valueOf(5000).equals(l.port()));
        Listener smb = at(e, Protocol.TCP, "0.0.0.0", 445).get(0);
        assertThat(fw(smb, "Domain")).isEqualTo(Reachability.REACHABLE);
        assertThat(smb.firewall().profiles().get("Domain").decidedBy()).contains("EnableFirewall=0");
        assertThat(fw(smb, "Standard")).isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void ieCompatXpSp3FirewallIsOnInBothProfilesByDefault() throws IOException {
        // reglookup: no EnableFirewall value under DomainProfile or StandardProfile (XP SP2+ default: on);
        // DhcpIPAddress = 192.168.131.67; NetbiosOptions = 0
        Exposure e = predict("dfwinreg-2016/SYSTEM");
        Listener smb = at(e, Protocol.TCP, "0.0.0.0", 445).get(0);
        assertThat(fw(smb, "Domain")).isEqualTo(Reachability.BLOCKED);
        assertThat(fw(smb, "Standard")).isEqualTo(Reachability.BLOCKED);
        assertThat(at(e, Protocol.TCP, "192.168.131.67", 139)).hasSize(1);
    }

    @Test
    void server2003DomainControllerListensForLdapAndKerberosWithItsFirewallServiceDisabled() throws IOException {
        // reglookup: Control\ProductOptions\ProductType = LanmanNT, Tcpip\...\{2B2A698E-...}\IPAddress = 192.168.1.2,
        // SharedAccess\Start = 4, fDenyTSConnections = 1, Control\Windows\CSDVersion = 0x100
        Exposure e = predict("gosecretsdump/system");
        assertThat(e.family()).isEqualTo(WindowsFamily.SERVER_2003);
        assertThat(at(e, Protocol.TCP, "0.0.0.0", 389))
                .extracting(l -> l.owner().process())
                .containsExactly("lsass.exe");
        assertThat(at(e, Protocol.UDP, "0.0.0.0", 88)).hasSize(1);
        assertThat(at(e, Protocol.TCP, "192.168.1.2", 139)).hasSize(1);
        assertThat(e.listeners()).noneMatch(l -> Integer.valueOf(3389).equals(l.port()));
        Listener ldap = at(e, Protocol.TCP, "0.0.0.0", 389).get(0);
        assertThat(fw(ldap, "all")).isEqualTo(Reachability.REACHABLE);
        assertThat(ldap.firewall().profiles().get("all").decidedBy()).contains("SharedAccess");
    }

    @Test
    void windows7WithRemoteDesktopEnabledListensOn3389ReachableInDomainAndPrivateOnly() throws IOException {
        // reglookup: fDenyTSConnections = 0, WinStations\RDP-Tcp\PortNumber = 0xD3D, EnableFirewall = 1 in all three
        // profiles, FirewallRules\RemoteDesktop-In-TCP Active=TRUE Profile=Domain|Private LPort=3389 App=System,
        // RemoteDesktop-In-TCP_1 (Public) Active=FALSE; IPAddress 10.3.58.5 and 192.168.1.123, NetbiosOptions = 0
        Exposure e = predict("regipy/SYSTEM");
        List<Listener> rdp = at(e, Protocol.TCP, "0.0.0.0", 3389);
        assertThat(rdp).hasSize(1);
        assertThat(rdp.get(0).owner().service()).isEqualTo("TermService");
        assertThat(rdp.get(0).mechanism().kind()).isEqualTo(Mechanism.Kind.REGISTRY_PORT);
        assertThat(fw(rdp.get(0), "Domain")).isEqualTo(Reachability.REACHABLE);
        assertThat(fw(rdp.get(0), "Private")).isEqualTo(Reachability.REACHABLE);
        assertThat(fw(rdp.get(0), "Public")).isEqualTo(Reachability.BLOCKED);
        assertThat(rdp.get(0).firewall().profiles().get("Domain").decidedBy()).contains("RemoteDesktop-In-TCP");
        assertThat(at(e, Protocol.TCP, "10.3.58.5", 139)).hasSize(1);
        assertThat(at(e, Protocol.TCP, "192.168.1.123", 139)).hasSize(1);
    }

    @Test
    void windows10WithRdpDeniedAndFileSharingRuleInactiveBlocks445() throws IOException {
        // reglookup: fDenyTSConnections = 1, EnableFirewall = 1 in all profiles,
        // FirewallRules\FPS-SMB-In-TCP Active=FALSE; the three interfaces are DHCP without a recorded lease
        Exposure e = predict("dissect-regf/SYSTEM");
        assertThat(e.listeners()).noneMatch(l -> Integer.valueOf(3389).equals(l.port()));
        Listener smb = at(e, Protocol.TCP, "0.0.0.0", 445).get(0);
        assertThat(fw(smb, "Private")).isEqualTo(Reachability.BLOCKED);
        assertThat(fw(smb, "Public")).isEqualTo(Reachability.BLOCKED);
        // NetBT is not dropped: predicted at the unknown DHCP address, uncertain (issue 13, item 4)
        assertThat(e.listeners())
                .filteredOn(l -> l.mechanism().kind() == Mechanism.Kind.NETBT)
                .isNotEmpty()
                .allMatch(l -> l.addressUnknown() && l.certainty().level() == Certainty.Level.UNCERTAIN);
    }
}
