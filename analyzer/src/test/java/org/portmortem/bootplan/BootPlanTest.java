package org.portmortem.bootplan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemHiveBuilder;
import org.portmortem.model.SystemModel;

class BootPlanTest {
    private static final int SHARE = 0x20;
    private static final int OWN = 0x10;
    private static final String INETINFO = "C:\\WINNT\\system32\\inetsrv\\inetinfo.exe";

    /** IIS as Windows 2000 Server installs it: W3SVC and SMTPSVC live in inetinfo and need IISADMIN. */
    private static SystemHiveBuilder iis(int iisadminStart) {
        return SystemHiveBuilder.system()
                .service("RpcSs", SHARE, 2, "%SystemRoot%\\system32\\svchost -k rpcss")
                .service("IISADMIN", SHARE, iisadminStart, INETINFO, "RPCSS", "ProtectedStorage")
                .service("ProtectedStorage", SHARE, 2, "%SystemRoot%\\system32\\services.exe")
                .service("W3SVC", SHARE, 2, INETINFO, "IISADMIN")
                .service("SMTPSVC", SHARE, 2, INETINFO, "IISADMIN")
                .service("Tcpip", 1, 1, "System32\\DRIVERS\\tcpip.sys");
    }

    private static BootPlan plan(SystemHiveBuilder b) throws Exception {
        return BootPlan.of(SystemModel.read(b.build(), null, ModelOptions.DEFAULT));
    }

    @Test
    void automaticServicesAndBootDriversRun() throws Exception {
        BootPlan plan = plan(iis(2));
        assertThat(plan.entry("W3SVC").orElseThrow().decision()).isEqualTo(BootDecision.RUNS);
        assertThat(plan.entry("iisadmin").orElseThrow().willRun()).isTrue();
        BootPlanEntry tcpip = plan.entry("Tcpip").orElseThrow();
        assertThat(tcpip.decision()).isEqualTo(BootDecision.RUNS);
        assertThat(tcpip.host().image()).isEqualTo("System");
    }

    @Test
    void disabledDependencyMakesDependentsFailWithTheChain() throws Exception {
        BootPlan plan = plan(iis(4));
        BootPlanEntry w3 = plan.entry("W3SVC").orElseThrow();
        assertThat(w3.decision()).isEqualTo(BootDecision.FAILS_TO_START);
        assertThat(w3.willRun()).isFalse();
        assertThat(w3.failureChain()).containsExactly("W3SVC", "IISADMIN");
        assertThat(w3.reason()).contains("IISADMIN is disabled (Start=4)");
        assertThat(plan.entry("SMTPSVC").orElseThrow().decision()).isEqualTo(BootDecision.FAILS_TO_START);
        BootPlanEntry admin = plan.entry("IISADMIN").orElseThrow();
        assertThat(admin.decision()).isEqualTo(BootDecision.DISABLED);
        assertThat(admin.reason()).contains("needed by SMTPSVC, W3SVC");
    }

    @Test
    void demandStartDependencyIsPulledIn() throws Exception {
        BootPlan plan = plan(iis(3));
        BootPlanEntry admin = plan.entry("IISADMIN").orElseThrow();
        assertThat(admin.decision()).isEqualTo(BootDecision.RUNS_AS_DEPENDENCY);
        assertThat(admin.requiredBy()).containsExactly("SMTPSVC", "W3SVC");
        assertThat(admin.willRun()).isTrue();
    }

    @Test
    void missingDependencyFails() throws Exception {
        BootPlan plan = plan(iis(2).service("Orphan", OWN, 2, "C:\\x\\orphan.exe", "NoSuchService"));
        BootPlanEntry orphan = plan.entry("Orphan").orElseThrow();
        assertThat(orphan.decision()).isEqualTo(BootDecision.FAILS_TO_START);
        assertThat(orphan.reason()).contains("NoSuchService does not exist");
        assertThat(orphan.evidence()).anyMatch(e -> e.keyPath().endsWith("Services\\NoSuchService"));
    }

    @Test
    void dependencyCycleFailsEveryMemberWithAWarning() throws Exception {
        BootPlan plan = plan(iis(2).service("Alpha", OWN, 2, "C:\\a.exe", "Beta")
                .service("Beta", OWN, 3, "C:\\b.exe", "Gamma")
                .service("Gamma", OWN, 3, "C:\\c.exe", "Alpha"));
        for (String n : new String[] {"Alpha", "Beta", "Gamma"}) {
            BootPlanEntry e = plan.entry(n).orElseThrow();
            assertThat(e.decision()).as(n).isEqualTo(BootDecision.FAILS_TO_START);
            assertThat(e.failureChain()).as(n).containsExactly("Alpha", "Beta", "Gamma", "Alpha");
        }
        assertThat(plan.warnings())
                .anyMatch(w -> w.message().contains("dependency cycle: Alpha -> Beta -> Gamma -> Alpha"));
        assertThat(plan.entry("W3SVC").orElseThrow().willRun()).isTrue();
    }

    @Test
    void groupDependencyIsMetByAnyStartingMember() throws Exception {
        SystemHiveBuilder b = iis(2).service("NetDriverA", 1, 3, "system32\\drivers\\a.sys")
                .service("NetDriverB", 1, 4, "system32\\drivers\\b.sys")
                .service("Client", OWN, 2, "C:\\client.exe");
        b.string(b.cs("Services\\NetDriverA"), "Group", "PNP_TDI")
                .string(b.cs("Services\\NetDriverB"), "Group", "PNP_TDI")
                .multi(b.cs("Services\\Client"), "DependOnGroup", "PNP_TDI");
        BootPlan plan = plan(b);
        assertThat(plan.entry("Client").orElseThrow().willRun()).isTrue();
        assertThat(plan.entry("NetDriverA").orElseThrow().decision()).isEqualTo(BootDecision.RUNS_AS_DEPENDENCY);
        assertThat(plan.entry("NetDriverB").orElseThrow().decision()).isEqualTo(BootDecision.DISABLED);
    }

    @Test
    void aPlusEntryInDependOnServiceNamesAGroup() throws Exception {
        SystemHiveBuilder b = iis(2).service("TdiDriver", 1, 4, "system32\\drivers\\t.sys")
                .service("NeedsTdi", OWN, 2, "C:\\n.exe", "+TDI");
        b.string(b.cs("Services\\TdiDriver"), "Group", "TDI");
        BootPlanEntry e = plan(b).entry("NeedsTdi").orElseThrow();
        assertThat(e.decision()).isEqualTo(BootDecision.FAILS_TO_START);
        assertThat(e.failureChain()).containsExactly("NeedsTdi", "group TDI");
        assertThat(e.reason()).contains("no member of group TDI can start (TdiDriver)");
    }

    @Test
    void delayedAndTriggerStartServicesAreMarked() throws Exception {
        SystemHiveBuilder b = iis(2).service("Late", OWN, 2, "C:\\late.exe")
                .service("OnIp", OWN, 3, "C:\\ip.exe")
                .service("OnRpc", OWN, 3, "C:\\rpc.exe");
        b.dword(b.cs("Services\\Late"), "DelayedAutostart", 1);
        b.startTrigger("OnIp", 0, 2, "{4f27f2de-14e2-430b-a549-7cd48cbc8245}")
                .startTrigger("OnRpc", 0, 6, "{bc90d167-9470-4139-a9ba-be0bbbf5b74d}")
                .staticInterface("{AAAA}", "10.0.0.5");
        BootPlan plan = plan(b);
        BootPlanEntry late = plan.entry("Late").orElseThrow();
        assertThat(late.decision()).isEqualTo(BootDecision.DELAYED);
        assertThat(late.willRun()).isTrue();
        BootPlanEntry onIp = plan.entry("OnIp").orElseThrow();
        assertThat(onIp.decision()).isEqualTo(BootDecision.TRIGGER_START);
        assertThat(onIp.willRun()).isTrue();
        assertThat(onIp.reason()).contains("first IP address available").contains("10.0.0.5 (static)");
        BootPlanEntry onRpc = plan.entry("OnRpc").orElseThrow();
        assertThat(onRpc.decision()).isEqualTo(BootDecision.TRIGGER_START);
        assertThat(onRpc.willRun()).isFalse();
        assertThat(onRpc.reason())
                .contains("no start trigger is known to fire at a normal boot")
                .contains("on demand: ");
    }

    @Test
    void serviceWithoutStartValueIsNotStartedAndWarned() throws Exception {
        SystemHiveBuilder b = iis(2).service("NoStart", OWN, 2, "C:\\n.exe");
        b.key(b.cs("Services\\NoStart")).removeValue("Start");
        SystemModel model = SystemModel.read(b.build(), null, ModelOptions.DEFAULT);
        BootPlan plan = BootPlan.of(model);
        assertThat(plan.entry("NoStart").orElseThrow().decision()).isEqualTo(BootDecision.NOT_STARTED);
        assertThat(plan.entry("NoStart").orElseThrow().reason()).contains("no Start value");
        assertThat(model.warnings()).anyMatch(w -> w.message().contains("NoStart has no usable Start value"));
    }

    @Test
    void hostProcessFollowsTypeAndImagePath() throws Exception {
        SystemModel model = SystemModel.read(iis(2).build(), null, ModelOptions.DEFAULT);
        assertThat(BootPlan.hostProcess(model.service("RpcSs").orElseThrow()).describe())
                .isEqualTo("svchost.exe -k rpcss");
        assertThat(BootPlan.hostProcess(model.service("ProtectedStorage").orElseThrow())
                        .image())
                .isEqualTo("services.exe");
        HostProcess w3 = BootPlan.hostProcess(model.service("W3SVC").orElseThrow());
        assertThat(w3.kind()).isEqualTo(HostProcess.Kind.SHARED_PROCESS);
        assertThat(w3.image()).isEqualTo("inetinfo.exe");
    }
}
