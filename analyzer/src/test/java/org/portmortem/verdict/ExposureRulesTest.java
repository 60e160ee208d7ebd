package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.ExposurePredictor;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.exposure.remediation.HardeningPlan;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/** Findings from the prediction alone, on the seed paper's default installations. */
class ExposureRulesTest {

    private static List<Finding> findings(String system, String step) throws IOException {
        ReferenceSystems.Step s = ReferenceSystems.step(system, step);
        return s.comparison().compare(List.of(), null).findings();
    }

    private static Finding byId(List<Finding> findings, String id) {
        return findings.stream()
                .filter(f -> f.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no finding " + id + " in "
                        + findings.stream().map(Finding::id).toList()));
    }

    @Test
    void netbiosOnTheInterfaceIsMediumWithTheWinsTabAndNetbiosOptionsCommand() throws IOException {
        Finding f = byId(findings(ReferenceSystems.WIN2000, "00"), "exposure.netbt:NetBT");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.listeners())
                .extracting(l -> l.protocol() + " " + l.localEndpoint())
                .containsExactlyInAnyOrder(
                        "TCP 192.70.106.143:139", "UDP 192.70.106.143:137", "UDP 192.70.106.143:138");
        assertThat(f.remediations()).singleElement().satisfies(r -> {
            assertThat(r.commands())
                    .singleElement()
                    .asString()
                    .startsWith(
                            "reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\\Interfaces\\Tcpip_{")
                    .contains("/v \"NetbiosOptions\" /t REG_DWORD /d 2 /f");
            assertThat(r.guiPath()).contains("WINS tab").contains("Disable NetBIOS over TCP/IP");
            assertThat(r.remediation()).isNotNull();
        });
        assertThat(f.evidence()).anyMatch(e -> e.keyPath().contains("NetBT"));
    }

    @Test
    void dcomOverTcpWithDcomEnabledIsMediumWithDefaultProtocolsAndEnableDcomRemediations() throws IOException {
        Finding f = byId(findings(ReferenceSystems.WINXP, "00"), "exposure.dcom-tcp:RpcSs");
        assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(f.listeners())
                .extracting(l -> l.protocol() + " " + l.localEndpoint())
                .containsExactly("TCP 0.0.0.0:135");
        assertThat(f.evidence()).anyMatch(e -> "EnableDCOM".equals(e.valueName()));
        assertThat(f.remediations())
                .extracting(RemediationRef::commands)
                .containsExactly(
                        List.of("reg add \"HKLM\\SOFTWARE\\Microsoft\\Rpc\" /v \"DCOM Protocols\" /t REG_MULTI_SZ"
                                + " /d \"ncadg_ip_udp\\0ncacn_http\" /f"),
                        List.of("reg add \"HKLM\\SOFTWARE\\Microsoft\\Ole\" /v \"EnableDCOM\" /t REG_SZ /d \"N\" /f"));
        assertThat(f.remediations().get(0).guiPath()).contains("Default Protocols");
    }

    @Test
    void messengerIsLowWithScConfigAndServicesMsc() throws IOException {
        Finding f = byId(findings(ReferenceSystems.WIN2000, "00"), "exposure.messenger:Messenger");
        assertThat(f.severity()).isEqualTo(Severity.LOW);
        assertThat(f.remediations()).singleElement().satisfies(r -> {
            assertThat(r.commands()).containsExactly("sc config Messenger start= disabled");
            assertThat(r.guiPath()).startsWith("services.msc: Messenger").contains("Startup Type");
        });
    }

    @Test
    void hardenedWindows2000KeepsOnlyTheFindingsThePaperLeavesOpen() throws IOException {
        List<Finding> f = findings(ReferenceSystems.WIN2000, "05");
        assertThat(f)
                .extracting(Finding::id)
                .containsExactly(
                        "exposure.dcom-tcp:RpcSs",
                        "exposure.dynamic-rpc-all-interfaces:Schedule",
                        "exposure.messenger:Messenger",
                        "exposure.rpc-endpoint-mapper:RpcSs");
    }

    /** Findings of a corpus SYSTEM hive read alone, with no hardening plan (remediations are not asserted). */
    private static List<Finding> corpusFindings(String hive) throws IOException {
        Path system = ReferenceSystems.corpusFile("hives/" + hive);
        try (Hive h = Hive.open(system)) {
            SystemModel model = SystemModel.read(h, null, ModelOptions.DEFAULT);
            RegistryScope registry = RegistryScope.of(model, h, null);
            Exposure exposure = new ExposurePredictor().predict(model, BootPlan.of(model), registry);
            return ExposureRules.bundled().findings(model, registry, exposure, new HardeningPlan(exposure, List.of()));
        }
    }

    /** regipy's Windows 7 hive allows Remote Desktop, reachable in the domain and private profiles. */
    @Test
    void remoteDesktopReachableThroughTheFirewallIsHigh() throws IOException {
        Finding rdp = byId(corpusFindings("regipy/SYSTEM"), "exposure.rdp:TermService");
        assertThat(rdp.severity()).isEqualTo(Severity.HIGH);
        assertThat(rdp.listeners())
                .extracting(l -> l.protocol() + " " + l.localEndpoint())
                .containsExactlyInAnyOrder("TCP 0.0.0.0:3389", "TCP [::]:3389");
    }

    /** dissect.regf's Windows 10 hive: the firewall blocks SMB (445) in every profile. */
    @Test
    void listenerBlockedInEveryFirewallProfileDropsOneLevel() throws IOException {
        Finding smb = byId(corpusFindings("dissect-regf/SYSTEM"), "exposure.smb-direct-host:LanmanServer");
        assertThat(smb.severity()).isEqualTo(Severity.LOW);
        assertThat(smb.description()).contains("one level lower than medium");
    }

    /**
     * Without SOFTWARE, EnableDCOM cannot be read: Windows' default (Y) is assumed and said. M57-PAT is a
     * workgroup XP SP3, so the Standard profile is in force, and it blocks 135: one level lower.
     */
    @Test
    void dcomRuleWithoutSoftwareHiveAssumesTheDefaultAndSaysSo() throws IOException {
        Finding dcom = byId(corpusFindings("bcc-m57/SYSTEM"), "exposure.dcom-tcp:RpcSs");
        assertThat(dcom.severity()).isEqualTo(Severity.LOW);
        assertThat(dcom.description()).contains("Standard profile, in force");
        assertThat(dcom.evidence())
                .anyMatch(e -> "EnableDCOM".equals(e.valueName()) && e.note().contains("default Y assumed"));
    }

    @Test
    void everyRuleCitesItsSource() {
        ExposureRules rules = ExposureRules.bundled();
        assertThat(rules.rules()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.justification()).isNotBlank();
            assertThat(r.description()).isNotBlank();
        });
        assertThat(rules.guiPaths()).allSatisfy(g -> assertThat(g.source()).contains("seed paper"));
    }
}
