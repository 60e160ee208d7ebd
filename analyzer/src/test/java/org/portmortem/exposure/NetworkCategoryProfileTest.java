package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portmortem.exposure.FirewallVerdict.Reachability;
import org.portmortem.model.WindowsFamily;

/** Vista and later: the profile in force comes from domain membership, else the network's stored category. */
class NetworkCategoryProfileTest {
    private static final String FW = "CS\\Services\\SharedAccess\\Parameters\\FirewallPolicy";
    private static final String NETWORKS = "SW\\Microsoft\\Windows NT\\CurrentVersion\\NetworkList\\Profiles";

    private static TestHost vista() {
        return new TestHost(WindowsFamily.WIN7_2008R2)
                .run("MpsSvc", "svchost.exe", "LocalServiceNoNetwork")
                .run("LanmanServer", "svchost.exe", "netsvcs")
                .dword(FW + "\\DomainProfile", "EnableFirewall", 1)
                .dword(FW + "\\StandardProfile", "EnableFirewall", 1)
                .dword(FW + "\\PublicProfile", "EnableFirewall", 1)
                .string(
                        FW + "\\FirewallRules",
                        "FPS-SMB-In-TCP",
                        "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Private|LPort=445|App=System|Name=SMB|");
    }

    private static Listener smb(Exposure e) {
        return e.listeners().stream()
                .filter(l -> Integer.valueOf(445).equals(l.port()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aPrivateNetworkPutsThePrivateProfileInForce() {
        Exposure e = vista().dword(NETWORKS + "\\{11111111-2222-3333-4444-555555555555}", "Category", 1)
                .string(NETWORKS + "\\{11111111-2222-3333-4444-555555555555}", "ProfileName", "Home")
                .predict();
        assertThat(e.firewallProfile().profile()).isEqualTo("Private");
        assertThat(e.firewallProfile().reason()).contains("\"Home\"").contains("Category 1");
        assertThat(smb(e).firewall().inForce()).isEqualTo("Private");
        assertThat(smb(e).firewall().inForceReachability()).isEqualTo(Reachability.REACHABLE);
    }

    @Test
    void withNoClassifiedNetworkThePublicProfileIsInForce() {
        Exposure e = vista().predict();
        assertThat(e.firewallProfile().profile()).isEqualTo("Public");
        assertThat(smb(e).firewall().inForceReachability()).isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void aDomainMemberUsesTheDomainProfileWhateverTheNetworkCategory() {
        Exposure e = vista().dword(NETWORKS + "\\{11111111-2222-3333-4444-555555555555}", "Category", 1)
                .string("CS\\Services\\Netlogon\\Parameters", "DynamicSiteName", "Default-First-Site-Name")
                .predict();
        assertThat(e.firewallProfile().profile()).isEqualTo("Domain");
        assertThat(e.firewallProfile().reason()).contains("Default-First-Site-Name");
        assertThat(smb(e).firewall().inForceReachability()).isEqualTo(Reachability.BLOCKED);
    }
}
