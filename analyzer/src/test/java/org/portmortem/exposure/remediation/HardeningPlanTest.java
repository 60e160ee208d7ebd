package org.portmortem.exposure.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.ReferenceSystems;
import org.portmortem.hive.Key;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;

class HardeningPlanTest {

    private static ReferenceSystems.Hives system(String name) throws IOException {
        Path fx = ReferenceSystems.fixtures().orElse(null);
        Assumptions.assumeTrue(fx != null, "fixtures folder not found beside the analyzer module");
        return ReferenceSystems.build(fx.resolve(name), List.of());
    }

    private static HardeningPlan.Baseline baseline(ReferenceSystems.Hives h) throws IOException {
        return HardeningPlan.Baseline.read(h.system(), h.software(), ModelOptions.DEFAULT);
    }

    @Test
    void proposedPlanForTheDefaultWindows2000ServerClosesEveryListenerInThePapersOrder() throws IOException {
        ReferenceSystems.Hives h = system("win2000-server-default");
        HardeningPlan.Baseline baseline = baseline(h);
        List<Remediation> plan = HardeningPlan.propose(baseline);
        HardeningPlan result = HardeningPlan.evaluate(baseline, plan);

        assertThat(result.baseline().listeners()).hasSize(19);
        assertThat(result.steps().get(result.steps().size() - 1).after().listeners())
                .isEmpty();
        List<String> titles = plan.stream().map(Remediation::title).toList();
        // As in the paper, IIS goes first and by its root service: net stop iisadmin also stops W3SVC and
        // SMTPSVC, which depend on it.
        assertThat(titles.get(0)).isEqualTo("Disable the IISADMIN service");
        assertThat(titles).doesNotContain("Disable the SMTPSVC service", "Disable the W3SVC service");
        assertThat(result.steps().get(0).closed())
                .extracting(l -> l.owner().service())
                .contains("SMTPSVC", "W3SVC", "IISADMIN");
        assertThat(titles)
                .contains(
                        "Disable the PolicyAgent service",
                        "Disable the Messenger service",
                        "Disable the Schedule service",
                        "Remove ncacn_ip_tcp from DCOM Protocols");
        assertThat(titles.indexOf("Disable the PolicyAgent service"))
                .isLessThan(titles.indexOf("Stop NetBT opening the SMB device (445)"));
        assertThat(titles.indexOf("Stop NetBT opening the SMB device (445)"))
                .isLessThan(titles.indexOf("Disable the Messenger service"));
        assertThat(titles.get(titles.size() - 1)).isEqualTo("Remove ncacn_ip_tcp from DCOM Protocols");
        for (HardeningPlan.Step s : result.steps()) {
            assertThat(s.closed())
                    .as("step %s closes something", s.remediation().title())
                    .isNotEmpty();
        }
    }

    @Test
    void aReorderedPlanReadsOnlyTheHiveStatesTheEarlierOrderDidNotReach() throws IOException {
        HardeningPlan.Baseline baseline = baseline(system("win2000-server-default"));
        List<Remediation> paperOrder = HardeningPlan.propose(baseline);
        HardeningPlan paper = HardeningPlan.evaluate(baseline, paperOrder);
        int n = paperOrder.size();
        List<Remediation> lastTwoSwapped = new java.util.ArrayList<>(paperOrder);
        java.util.Collections.swap(lastTwoSwapped, n - 1, n - 2);

        HardeningPlan reusing = HardeningPlan.evaluate(baseline, lastTwoSwapped, paper);
        HardeningPlan fresh = HardeningPlan.evaluate(baseline, lastTwoSwapped);

        for (int i = 0; i < n - 2; i++) {
            assertThat(reusing.steps().get(i))
                    .as("step %d, same edits in the same order", i)
                    .isSameAs(paper.steps().get(i));
        }
        assertThat(reusing.steps().get(n - 2)).isNotSameAs(paper.steps().get(n - 2));
        assertThat(described(reusing)).isEqualTo(described(fresh));
    }

    /** Each step's remediation, listeners after it and listeners it closed, as text. */
    private static List<String> described(HardeningPlan plan) {
        return plan.steps().stream()
                .map(s -> s.remediation().title() + " | after "
                        + s.after().listeners().stream()
                                .map(l -> l.protocol() + " " + l.localEndpoint() + " "
                                        + l.owner().display())
                                .toList()
                        + " | closed "
                        + s.closed().stream()
                                .map(l -> l.protocol() + " " + l.localEndpoint())
                                .toList())
                .toList();
    }

    @Test
    void messengerStepClosesItsUdpPortAndUdp135Together() throws IOException {
        ReferenceSystems.Hives h = system("winxp-default");
        HardeningPlan result =
                HardeningPlan.evaluate(baseline(h), List.of(Remediation.disableService("Messenger", "test")));
        List<String> closed = result.steps().get(0).closed().stream()
                .map(l -> l.protocol() + " " + l.address() + ":" + (l.dynamic() ? "*" : l.port()) + " "
                        + l.owner().service())
                .toList();
        assertThat(closed).containsExactlyInAnyOrder("UDP 0.0.0.0:* Messenger", "UDP 0.0.0.0:135 RpcSs");
    }

    @Test
    void evaluatingAPlanLeavesTheInputHivesUnchanged() throws IOException {
        ReferenceSystems.Hives h = system("winxp-default");
        int before = h.system()
                .key("ControlSet001\\Services\\Messenger")
                .orElseThrow()
                .value("Start")
                .orElseThrow()
                .asInt();
        HardeningPlan.evaluate(baseline(h), List.of(Remediation.disableService("Messenger", "test")));
        assertThat(h.system()
                        .key("ControlSet001\\Services\\Messenger")
                        .orElseThrow()
                        .value("Start")
                        .orElseThrow()
                        .asInt())
                .isEqualTo(before)
                .isEqualTo(2);
    }

    @Test
    void remediationsRenderAsTheCommandsAUserWouldRun() {
        assertThat(Remediation.disableService("Messenger", "x").commands())
                .containsExactly("sc config Messenger start= disabled");
        assertThat(Remediation.setDword("t", "CS\\Services\\NetBT\\Parameters", "SMBDeviceEnabled", 0, "x")
                        .commands())
                .containsExactly("reg add \"HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters\" /v"
                        + " \"SMBDeviceEnabled\" /t REG_DWORD /d 0 /f");
        Remediation dcom = Remediation.removeDcomProtocol(
                List.of("ncacn_ip_tcp", "ncadg_ip_udp", "ncacn_http"), "ncacn_ip_tcp", "x");
        assertThat(dcom.commands())
                .containsExactly("reg add \"HKLM\\SOFTWARE\\Microsoft\\Rpc\" /v \"DCOM Protocols\""
                        + " /t REG_MULTI_SZ /d \"ncadg_ip_udp\\0ncacn_http\" /f");
        assertThat(dcom.edits().get(0).type()).isEqualTo(ValueType.REG_MULTI_SZ);
    }

    @Test
    void disablingNetbiosOnTheAdapterMovesNothingElse() throws IOException {
        ReferenceSystems.Hives h = system("winxp-default");
        HardeningPlan result = HardeningPlan.evaluate(
                baseline(h),
                List.of(Remediation.disableNetbios("{9A3F1D27-58C4-4E2B-A6D0-71E5C3B8F294}", "192.70.106.143", "x")));
        List<Listener> closed = result.steps().get(0).closed();
        assertThat(closed).extracting(Listener::port).containsExactlyInAnyOrder(137, 138, 139);
    }

    @Test
    void aControlSetOverrideHoldsForEveryStepNotOnlyTheBaseline() throws IOException {
        ReferenceSystems.Hives h = system("win2000-server-default");
        // ControlSet002: a copy of ControlSet001 in which Messenger is disabled.
        MemoryHive.MemoryKey set2 = h.system().createKey("ControlSet002");
        copy(h.system().key("ControlSet001").orElseThrow(), set2);
        h.system()
                .key("ControlSet002\\Services\\Messenger")
                .map(MemoryHive.MemoryKey.class::cast)
                .orElseThrow()
                .putValue("Start", ValueType.REG_DWORD.id(), new byte[] {4, 0, 0, 0});
        ModelOptions set2Options = ModelOptions.withControlSet(2);

        HardeningPlan.Baseline onSet2 = HardeningPlan.Baseline.read(h.system(), h.software(), set2Options);
        List<Remediation> plan = HardeningPlan.propose(onSet2);
        HardeningPlan result = HardeningPlan.evaluate(onSet2, plan);

        assertThat(plan).extracting(Remediation::title).doesNotContain("Disable the Messenger service");
        assertThat(result.baseline().listeners())
                .extracting(l -> l.owner().service())
                .doesNotContain("Messenger");
        // 19 less Messenger's UDP port; UDP 135 stays, as inetinfo also registers ncadg_ip_udp.
        assertThat(result.baseline().listeners()).hasSize(18);
        assertThat(result.steps().get(result.steps().size() - 1).after().listeners())
                .isEmpty();
        // Without the override the same hives give the Select\\Current (ControlSet001) plan, Messenger included.
        assertThat(HardeningPlan.propose(baseline(h)))
                .extracting(Remediation::title)
                .contains("Disable the Messenger service");
    }

    private static void copy(Key from, MemoryHive.MemoryKey to) {
        for (Value v : from.values()) {
            to.putValue(v.name(), v.typeId(), v.raw());
        }
        for (Key sub : from.subkeys()) {
            copy(sub, to.createSubkey(sub.name()));
        }
    }
}
