package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.analysis.HardeningStep;
import org.portmortem.cases.CaseFiles;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;

/**
 * Steps that close administrators' remote access come after every step that does not, and say what access
 * goes and where to keep it: the XP reference system with Telnet and Remote Desktop turned on by a crafted
 * overlay ({@code remote-admin.reg}).
 */
class RemoteManagementOrderTest {

    @Test
    void stepsThatRemoveRemoteManagementComeLastAndSaySo() throws Exception {
        Path xp = ReferenceSystems.fixtures().resolve(ReferenceSystems.WINXP);
        Path overlay = Path.of(
                RemoteManagementOrderTest.class.getResource("remote-admin.reg").toURI());
        Analysis a = CaseAnalysis.run(new AnalysisRequest(
                CaseFiles.locate(xp, null, null),
                List.of(),
                List.of(overlay),
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo("test", Instant.parse("2026-01-01T00:00:00Z"), null, null)));
        List<HardeningStep> steps =
                a.hardeningPlan().subList(1, a.hardeningPlan().size());
        List<Boolean> management =
                steps.stream().map(s -> s.remoteManagement() != null).toList();
        assertThat(management).contains(true, false);
        // Every step without a remote-management cut precedes every step with one.
        assertThat(management.indexOf(true)).isGreaterThan(management.lastIndexOf(false));

        HardeningStep telnet = steps.stream()
                .filter(s -> "TlntSvr".equals(s.remediation().serviceToDisable()))
                .findFirst()
                .orElseThrow();
        assertThat(telnet.remoteManagement().services()).containsExactly("TlntSvr");
        assertThat(telnet.remoteManagement().note())
                .startsWith("Removes administrators' remote access: the Telnet server")
                .contains("encrypted remote shell");
        HardeningStep rdp = steps.stream()
                .filter(s ->
                        s.remediation().edits().stream().anyMatch(e -> e.value().equals("fDenyTSConnections")))
                .findFirst()
                .orElseThrow();
        assertThat(rdp.remoteManagement().services()).containsExactly("TermService");
        assertThat(rdp.remoteManagement().note())
                .contains("Remote Desktop (TermService)")
                .contains("jump host");
        // Telnet is the most severe finding (high) yet no longer the first step: management goes last.
        assertThat(a.findings())
                .anyMatch(f ->
                        f.id().startsWith("exposure.telnet") && f.severity().compareTo(Severity.MEDIUM) < 0);
        assertThat(steps.get(0).remoteManagement()).isNull();
    }
}
