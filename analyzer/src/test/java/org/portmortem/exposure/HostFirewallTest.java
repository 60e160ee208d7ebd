package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portmortem.exposure.FirewallVerdict.Reachability;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;

/** Host-firewall verdicts on hosts built in memory. */
class HostFirewallTest {
    private static final String FW = "CS\\Services\\SharedAccess\\Parameters\\FirewallPolicy";
    private static final String RULES = FW + "\\FirewallRules";

    private static Listener port(Exposure e, int port) {
        return e.listeners().stream()
                .filter(l -> Integer.valueOf(port).equals(l.port()))
                .findFirst()
                .orElseThrow();
    }

    private static TestHost vista() {
        return new TestHost(WindowsFamily.WIN7_2008R2)
                .run("MpsSvc", "svchost.exe", "LocalServiceNoNetwork")
                .run("LanmanServer", "svchost.exe", "netsvcs")
                .run("Schedule", "svchost.exe", "netsvcs")
                .dword(FW + "\\DomainProfile", "EnableFirewall", 1)
                .dword(FW + "\\StandardProfile", "EnableFirewall", 1)
                .dword(FW + "\\PublicProfile", "EnableFirewall", 0);
    }

    @Test
    void anActiveAllowRuleForTheKernelOnThePortMakesSmbReachableInItsProfilesOnly() {
        Exposure e = vista().string(
                        RULES,
                        "FPS-SMB-In-TCP",
                        "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|Profile=Private|LPort=445|RA4=LocalSubnet|App=System|Name=SMB|")
                .predict();
        Listener smb = port(e, 445);
        assertThat(smb.firewall().profiles().get("Private").reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(smb.firewall().profiles().get("Private").decidedBy())
                .contains("SMB")
                .contains("LocalSubnet");
        assertThat(smb.firewall().profiles().get("Domain").reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(smb.firewall().profiles().get("Public").decidedBy()).contains("EnableFirewall=0");
    }

    @Test
    void aPredictorOfManyStatesReadsARuleAgainOnceItsValueIsReplaced() {
        TestHost h = vista().string(
                        RULES, "smb", "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=445|App=System|Name=a|");
        ExposurePredictor states = ExposurePredictor.forStatesOfOneMachine();
        assertThat(port(states.predict(h.host()), 445)
                        .firewall()
                        .profiles()
                        .get("Domain")
                        .reachability())
                .isEqualTo(Reachability.REACHABLE);
        // replaced in place, as a hardening step edits its copy of the hive
        h.string(RULES, "smb", "v2.10|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=445|Name=b|");
        Exposure second = states.predict(h.host());
        assertThat(port(second, 445).firewall().profiles().get("Domain").reachability())
                .isEqualTo(Reachability.BLOCKED);
        assertThat(second.listeners())
                .isEqualTo(new ExposurePredictor().predict(h.host()).listeners());
    }

    @Test
    void aBlockRuleWinsOverAnAllowRule() {
        Exposure e = vista().string(
                        RULES, "allow", "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=445|App=System|Name=a|")
                .string(RULES, "block", "v2.10|Action=Block|Active=TRUE|Dir=In|Protocol=6|LPort=445|Name=b|")
                .predict();
        assertThat(port(e, 445).firewall().profiles().get("Domain").reachability())
                .isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void inactiveOutboundAndOtherServiceRulesDoNotOpenAPort() {
        Exposure e = vista().string(
                        RULES, "off", "v2.10|Action=Allow|Active=FALSE|Dir=In|Protocol=6|LPort=445|Name=off|")
                .string(RULES, "out", "v2.10|Action=Allow|Active=TRUE|Dir=Out|Protocol=6|LPort=445|Name=out|")
                .string(RULES, "udp", "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=17|LPort=445|Name=udp|")
                .predict();
        assertThat(port(e, 445).firewall().profiles().get("Domain").reachability())
                .isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void theRpcKeywordMatchesTheServicesDynamicPortOnly() {
        Exposure e = vista().string(
                        RULES,
                        "RemoteTask-In-TCP",
                        "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=RPC|App=%SystemRoot%\\system32\\svchost.exe|Svc=schedule|Name=task|")
                .predict();
        Listener task = e.listeners().stream()
                .filter(l -> l.dynamic() && "Schedule".equals(l.owner().service()))
                .findFirst()
                .orElseThrow();
        assertThat(task.firewall().profiles().get("Domain").reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(port(e, 135).firewall().profiles().get("Domain").reachability())
                .isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void policyWithoutLocalMergeIgnoresLocalRulesAndItsEnableFirewallOverrides() {
        Exposure e = vista().string(
                        RULES, "allow", "v2.10|Action=Allow|Active=TRUE|Dir=In|Protocol=6|LPort=445|Name=a|")
                .dword("SW\\Policies\\Microsoft\\WindowsFirewall\\DomainProfile", "AllowLocalPolicyMerge", 0)
                .dword("SW\\Policies\\Microsoft\\WindowsFirewall\\PublicProfile", "EnableFirewall", 1)
                .predict();
        Listener smb = port(e, 445);
        assertThat(smb.firewall().profiles().get("Domain").reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(smb.firewall().profiles().get("Private").reachability()).isEqualTo(Reachability.REACHABLE);
        // Public: the policy turns the firewall on (local EnableFirewall=0), local rules still merge there
        assertThat(smb.firewall().profiles().get("Public").decidedBy()).isEqualTo("Public profile: allow rule a");
    }

    @Test
    void xpSp2PortExceptionsAndDoNotAllowExceptions() {
        Exposure e = new TestHost(WindowsFamily.XP)
                .run("SharedAccess", "svchost.exe", "netsvcs")
                .run("NetBT", "System", null)
                .dword("CS\\Control\\Windows", "CSDVersion", 0x200)
                .string(
                        FW + "\\StandardProfile\\GloballyOpenPorts\\List",
                        "445:TCP",
                        "445:TCP:*:Enabled:@xpsp2res.dll,-22005")
                .dword(FW + "\\DomainProfile", "DoNotAllowExceptions", 1)
                .string(FW + "\\DomainProfile\\GloballyOpenPorts\\List", "445:TCP", "445:TCP:*:Enabled:x")
                .predict();
        Listener smb = e.listeners().stream()
                .filter(l ->
                        l.protocol() == Protocol.TCP && Integer.valueOf(445).equals(l.port()))
                .findFirst()
                .orElseThrow();
        assertThat(smb.firewall().profiles().get("Standard").reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(smb.firewall().profiles().get("Standard").decidedBy()).contains("port exception 445:TCP");
        assertThat(smb.firewall().profiles().get("Domain").reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(smb.firewall().profiles().get("Domain").decidedBy()).contains("DoNotAllowExceptions=1");
    }

    @Test
    void xpBeforeSp2HasNoRegistryFirewall() {
        Exposure e = new TestHost(WindowsFamily.XP)
                .run("SharedAccess", "svchost.exe", "netsvcs")
                .dword("CS\\Control\\Windows", "CSDVersion", 0x100)
                .predict();
        assertThat(port(e, 135).firewall().profiles().get("all").reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(port(e, 135).firewall().profiles().get("all").decidedBy()).contains("before XP SP2");
    }

    private static final String XP_POLICY = "SW\\Policies\\Microsoft\\WindowsFirewall";

    private static TestHost xpSp2() {
        return new TestHost(WindowsFamily.XP)
                .run("SharedAccess", "svchost.exe", "netsvcs")
                .run("NetBT", "System", null)
                .dword("CS\\Control\\Windows", "CSDVersion", 0x200);
    }

    private static Listener tcp(Exposure e, int port) {
        return e.listeners().stream()
                .filter(l ->
                        l.protocol() == Protocol.TCP && Integer.valueOf(port).equals(l.port()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void xpPolicyFileAndPrintingExceptionOpensSmbWithItsScope() {
        Exposure e = xpSp2().dword(XP_POLICY + "\\StandardProfile\\Services\\FileAndPrint", "Enabled", 1)
                .string(XP_POLICY + "\\StandardProfile\\Services\\FileAndPrint", "RemoteAddresses", "localsubnet")
                .predict();
        FirewallVerdict.Decision standard = tcp(e, 445).firewall().profiles().get("Standard");
        assertThat(standard.reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(standard.decidedBy()).contains("policy File and Printer Sharing exception (scope localsubnet)");
        assertThat(standard.evidence())
                .anyMatch(
                        ev -> "Enabled".equals(ev.valueName())
                                && ev.keyPath()
                                        .equals(
                                                "Policies\\Microsoft\\WindowsFirewall\\StandardProfile\\Services\\FileAndPrint"));
        assertThat(tcp(e, 445).firewall().profiles().get("Domain").reachability())
                .isEqualTo(Reachability.BLOCKED);
    }

    @Test
    void xpPolicyDisablingFileAndPrintingBlocksSmbDespiteALocalPortException() {
        Exposure e = xpSp2().string(
                        FW + "\\StandardProfile\\GloballyOpenPorts\\List", "445:TCP", "445:TCP:*:Enabled:smb")
                .dword(XP_POLICY + "\\StandardProfile\\Services\\FileAndPrint", "Enabled", 0)
                .predict();
        FirewallVerdict.Decision standard = tcp(e, 445).firewall().profiles().get("Standard");
        assertThat(standard.reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(standard.decidedBy()).contains("policy disables the File and Printer Sharing exception");
    }

    @Test
    void xpPolicyRemoteAdministrationOpensTheEndpointMapperAndDisablingItBlocksNothing() {
        Exposure on = xpSp2().dword(XP_POLICY + "\\DomainProfile\\RemoteAdminSettings", "Enabled", 1)
                .predict();
        assertThat(tcp(on, 135).firewall().profiles().get("Domain").decidedBy())
                .contains("policy remote administration exception");
        Exposure off = xpSp2().string(
                        FW + "\\DomainProfile\\GloballyOpenPorts\\List", "135:TCP", "135:TCP:*:Enabled:epm")
                .dword(XP_POLICY + "\\DomainProfile\\RemoteAdminSettings", "Enabled", 0)
                .predict();
        assertThat(tcp(off, 135).firewall().profiles().get("Domain").reachability())
                .isEqualTo(Reachability.REACHABLE);
        assertThat(tcp(off, 135).firewall().profiles().get("Domain").decidedBy())
                .contains("port exception 135:TCP");
    }

    @Test
    void xpPolicyWithoutUserPreferenceMergeIgnoresLocalPortExceptions() {
        Exposure e = xpSp2().string(
                        FW + "\\StandardProfile\\GloballyOpenPorts\\List", "445:TCP", "445:TCP:*:Enabled:smb")
                .dword(XP_POLICY + "\\StandardProfile\\GloballyOpenPorts", "AllowUserPrefMerge", 0)
                .predict();
        FirewallVerdict.Decision standard = tcp(e, 445).firewall().profiles().get("Standard");
        assertThat(standard.reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(standard.decidedBy()).contains("AllowUserPrefMerge=0");
        assertThat(standard.evidence()).anyMatch(ev -> "AllowUserPrefMerge".equals(ev.valueName()));
    }

    @Test
    void withoutTheSoftwareHiveAVerdictSaysGroupPolicyWasNotChecked() {
        Exposure e = vista().withoutSoftware().predict();
        FirewallVerdict.Decision domain = port(e, 445).firewall().profiles().get("Domain");
        assertThat(domain.reachability()).isEqualTo(Reachability.BLOCKED);
        assertThat(domain.decidedBy()).contains("SOFTWARE hive not supplied").contains("Group Policy");
        assertThat(port(vista().predict(), 445)
                        .firewall()
                        .profiles()
                        .get("Domain")
                        .decidedBy())
                .doesNotContain("SOFTWARE hive not supplied");
    }
}
