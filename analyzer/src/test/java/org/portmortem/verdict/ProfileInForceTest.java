package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.cases.CaseFiles;
import org.portmortem.exposure.FirewallVerdict.Reachability;
import org.portmortem.exposure.Listener;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;

/** The firewall profile in force decides severities and titles, on the XP reference system made XP SP3. */
class ProfileInForceTest {
    private static Analysis analyse(Path overlay) throws Exception {
        Path xp = ReferenceSystems.fixtures().resolve(ReferenceSystems.WINXP);
        return CaseAnalysis.run(new AnalysisRequest(
                CaseFiles.locate(xp, null, null),
                List.of(),
                List.of(overlay),
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", Instant.parse("2026-01-01T00:00:00Z"), null, null)));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ProfileInForceTest.class.getResource(name).toURI());
    }

    @Test
    void aWorkgroupXpSp3WithTheStandardProfileAndNoExceptionsReachesNothing() throws Exception {
        Analysis a = analyse(resource("xp-sp3-workgroup-standard-no-exceptions.reg"));

        assertThat(a.exposure().firewallProfile().profile()).isEqualTo("Standard");
        assertThat(a.exposure().firewallProfile().reason()).contains("not a member of a domain");
        assertThat(a.exposure().firewallProfile().evidence())
                .extracting(e -> e.keyPath() + "|" + e.valueName())
                .contains(
                        "ControlSet001\\Services\\Netlogon|Start",
                        "Microsoft\\Windows NT\\CurrentVersion\\Winlogon|DefaultDomainName")
                .anyMatch(k -> k.startsWith("Microsoft\\Windows\\CurrentVersion\\Group Policy\\History"));
        assertThat(a.exposure().listeners()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.firewall().inForce()).isEqualTo("Standard");
            assertThat(l.firewall().inForceReachability()).isEqualTo(Reachability.BLOCKED);
        });
        // The Domain profile's exceptions still open NetBIOS there: shown, as a hypothesis only.
        Listener nbss = a.exposure().listeners().stream()
                .filter(l -> Integer.valueOf(139).equals(l.port()))
                .findFirst()
                .orElseThrow();
        assertThat(nbss.firewall().profiles().get("Domain").reachability()).isEqualTo(Reachability.REACHABLE);
        assertThat(a.findings())
                .filteredOn(f -> f.basis() == Finding.Basis.PREDICTION)
                .isNotEmpty()
                .allSatisfy(f -> {
                    assertThat(f.severity()).isGreaterThanOrEqualTo(Severity.LOW);
                    assertThat(f.title()).doesNotContainIgnoringCase("reachable");
                });
        Finding netbt = a.findings().stream()
                .filter(f -> f.id().startsWith("exposure.netbt"))
                .findFirst()
                .orElseThrow();
        assertThat(netbt.description())
                .contains("If the machine were on its domain's network (Domain profile): reachable");
        assertThat(a.summary()).anySatisfy(line -> assertThat(line).contains("Standard profile"));
    }
}
