package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemHiveBuilder;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsFamily;

/**
 * Third-party remote-access servers on hives crafted here, through the whole pipeline (model, boot
 * plan, prediction): each installed as its installer registers it (own-process service, automatic
 * start), its port taken from the registry value that holds it, with that value as evidence.
 */
class RemoteAccessServicesTest {
    private static final int OWN = 0x10;
    private static final String CV = "Microsoft\\Windows NT\\CurrentVersion";

    /** A Windows 7 SP1 machine with RPC and one service of the given image, plus whatever else is set. */
    private static Exposure predict(
            String service,
            String image,
            UnaryOperator<SystemHiveBuilder> system,
            UnaryOperator<SystemHiveBuilder> software)
            throws Exception {
        SystemHiveBuilder sys = SystemHiveBuilder.system()
                .service("RpcSs", 0x20, 2, "%SystemRoot%\\system32\\svchost -k rpcss")
                .service(service, OWN, 2, image);
        SystemHiveBuilder soft = SystemHiveBuilder.software()
                .string(CV, "CurrentVersion", "6.1")
                .string(CV, "CurrentBuildNumber", "7601")
                .string(CV, "ProductName", "Windows 7 Professional")
                .string(CV, "CSDVersion", "Service Pack 1");
        org.portmortem.hive.Hive systemHive = system.apply(sys).build();
        org.portmortem.hive.Hive softwareHive = software.apply(soft).build();
        SystemModel m = SystemModel.read(systemHive, softwareHive, ModelOptions.DEFAULT);
        Exposure e = new ExposurePredictor().predict(m, BootPlan.of(m), RegistryScope.of(m, systemHive, softwareHive));
        assertThat(e.family()).isEqualTo(WindowsFamily.WIN7_2008R2);
        return e;
    }

    private static List<Listener> owned(Exposure e, String service) {
        return e.listeners().stream()
                .filter(l -> service.equals(l.owner().service()))
                .toList();
    }

    private static Evidence evidence(Listener l, String valueName) {
        return l.evidence().stream()
                .filter(ev -> valueName.equals(ev.valueName()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void tightVncListensOnItsConfiguredRfbAndHttpPortsWithTheValuesAsEvidence() throws Exception {
        Exposure e = predict(
                "tvnserver",
                "\"C:\\Program Files\\TightVNC\\tvnserver.exe\" -service",
                s -> s,
                s -> s.dword("TightVNC\\Server", "RfbPort", 5901).dword("TightVNC\\Server", "HttpPort", 5801));
        List<Listener> l = owned(e, "tvnserver");
        assertThat(l).extracting(Listener::localEndpoint).containsExactlyInAnyOrder("0.0.0.0:5901", "0.0.0.0:5801");
        Listener rfb = l.stream().filter(x -> x.port() == 5901).findFirst().orElseThrow();
        assertThat(rfb.mechanism().kind()).isEqualTo(Mechanism.Kind.REGISTRY_PORT);
        assertThat(rfb.owner().process()).isEqualToIgnoringCase("tvnserver.exe");
        assertThat(evidence(rfb, "RfbPort").keyPath()).isEqualTo("TightVNC\\Server");
        assertThat(evidence(rfb, "RfbPort").data()).contains("5901");
    }

    @Test
    void tightVncLoopbackOnlyMovesRfbToLoopbackAndAcceptHttpOffClosesTheWebServer() throws Exception {
        Exposure e = predict(
                "tvnserver",
                "C:\\Program Files\\TightVNC\\tvnserver.exe -service",
                s -> s,
                s -> s.dword("TightVNC\\Server", "LoopbackOnly", 1)
                        .dword("TightVNC\\Server", "AcceptHttpConnections", 0));
        assertThat(owned(e, "tvnserver")).extracting(Listener::localEndpoint).containsExactly("127.0.0.1:5900");
    }

    @Test
    void realVncTakesItsPortFromTheRfbPortString() throws Exception {
        Exposure e = predict(
                "vncserver",
                "\"C:\\Program Files\\RealVNC\\VNC Server\\vncserver.exe\" -service",
                s -> s,
                s -> s.string("RealVNC\\vncserver", "RfbPort", "5999"));
        List<Listener> l = owned(e, "vncserver");
        assertThat(l).extracting(Listener::localEndpoint).containsExactlyInAnyOrder("0.0.0.0:5999", "[::]:5999");
        assertThat(evidence(l.get(0), "RfbPort").data()).contains("5999");
    }

    @Test
    void realVncWithoutRfbPortListensOn5900AndSaysTheValueIsAbsent() throws Exception {
        Exposure e =
                predict("vncserver", "C:\\Program Files\\RealVNC\\VNC Server\\vncserver.exe -service", s -> s, s -> s);
        Listener l = owned(e, "vncserver").get(0);
        assertThat(l.port()).isEqualTo(5900);
        assertThat(l.evidence()).anySatisfy(ev -> {
            assertThat(ev.keyPath()).isEqualTo("RealVNC\\vncserver");
            assertThat(ev.data()).isNull();
            assertThat(ev.note()).contains("absent = 5900");
        });
    }

    @Test
    void ultraVncIsPredictedOnItsDefaultPortsWithTheIniFileNamedAsWhereTheyLive() throws Exception {
        Exposure e = predict(
                "uvnc_service", "\"C:\\Program Files\\uvnc bvba\\UltraVNC\\winvnc.exe\" -service", s -> s, s -> s);
        List<Listener> l = owned(e, "uvnc_service");
        assertThat(l).extracting(Listener::port).containsExactlyInAnyOrder(5900, 5800);
        assertThat(l).allSatisfy(x -> assertThat(x.certainty().reason()).contains("ultravnc.ini"));
    }

    @Test
    void radminListensOnThePortInItsBinaryValueOutsideTheControlSet() throws Exception {
        Exposure e = predict(
                "RServer3",
                "C:\\Windows\\SysWOW64\\rserver30\\rserver3.exe /service",
                s -> s.binary("RAdmin\\v2.0\\Server\\Parameters", "Port", new byte[] {0x22, 0x13, 0, 0}),
                s -> s);
        Listener l = owned(e, "RServer3").get(0);
        assertThat(l.localEndpoint()).isEqualTo("0.0.0.0:4898");
        Evidence port = evidence(l, "Port");
        assertThat(port.hive()).isEqualTo("SYSTEM");
        assertThat(port.keyPath()).isEqualTo("RAdmin\\v2.0\\Server\\Parameters");
    }

    @Test
    void radminPortValueOfTheWrongSizeFallsBackTo4899AsUncertain() throws Exception {
        Exposure e = predict(
                "RServer3",
                "C:\\Windows\\SysWOW64\\rserver30\\rserver3.exe /service",
                s -> s.binary("RAdmin\\v2.0\\Server\\Parameters", "Port", new byte[] {0x22, 0x13}),
                s -> s);
        Listener l = owned(e, "RServer3").get(0);
        assertThat(l.port()).isEqualTo(4899);
        assertThat(l.certainty().level()).isEqualTo(Certainty.Level.UNCERTAIN);
        assertThat(l.certainty().reason()).contains("REG_BINARY of 2 bytes");
    }

    @Test
    void teamViewerListensOnlyWhenIncomingLanConnectionsAreOn() throws Exception {
        String image = "\"C:\\Program Files (x86)\\TeamViewer\\TeamViewer_Service.exe\"";
        assertThat(owned(predict("TeamViewer", image, s -> s, s -> s), "TeamViewer"))
                .isEmpty();
        Exposure e =
                predict("TeamViewer", image, s -> s, s -> s.dword("WOW6432Node\\TeamViewer", "General_DirectLAN", 1));
        Listener l = owned(e, "TeamViewer").get(0);
        assertThat(l.localEndpoint()).isEqualTo("0.0.0.0:5938");
        assertThat(evidence(l, "General_DirectLAN").keyPath()).isEqualTo("WOW6432Node\\TeamViewer");
    }

    @Test
    void anyDeskSplashtopAndScreenConnectAreKnownByTheirServiceNames() throws Exception {
        assertThat(owned(
                        predict(
                                "AnyDesk",
                                "\"C:\\Program Files (x86)\\AnyDesk\\AnyDesk.exe\" --service",
                                s -> s,
                                s -> s),
                        "AnyDesk"))
                .extracting(Listener::port)
                .containsExactly(7070);
        assertThat(owned(
                        predict(
                                "SplashtopRemoteService",
                                "\"C:\\Program Files (x86)\\Splashtop\\Splashtop Remote\\Server\\SRService.exe\"",
                                s -> s,
                                s -> s),
                        "SplashtopRemoteService"))
                .extracting(Listener::port)
                .containsExactlyInAnyOrder(6783, 6784, 6785);
        assertThat(owned(
                        predict(
                                "ScreenConnect Relay",
                                "\"C:\\Program Files (x86)\\ScreenConnect\\ScreenConnect.Service.exe\" relay",
                                s -> s,
                                s -> s),
                        "ScreenConnect Relay"))
                .extracting(Listener::localEndpoint)
                .containsExactlyInAnyOrder("0.0.0.0:8041", "[::]:8041");
    }

    @Test
    void aDisabledRemoteAccessServiceOpensNothing() throws Exception {
        Exposure e = predict(
                "tvnserver",
                "C:\\Program Files\\TightVNC\\tvnserver.exe -service",
                s -> s.dword(s.cs("Services\\tvnserver"), "Start", 4),
                s -> s);
        assertThat(owned(e, "tvnserver")).isEmpty();
    }

    @Test
    void sqlServerNamedInstanceWithADynamicPortIsPredictedAsDynamicWithItsKeysAsEvidence() throws Exception {
        String inst = "Microsoft\\Microsoft SQL Server\\MSSQL10_50.SQLEXPRESS\\MSSQLServer\\SuperSocketNetLib\\Tcp";
        Exposure e = predict(
                "MSSQL$SQLEXPRESS",
                "\"c:\\Program Files\\Microsoft SQL Server\\MSSQL10_50.SQLEXPRESS\\MSSQL\\Binn\\sqlservr.exe\" -sSQLEXPRESS",
                s -> s,
                s -> s.string(
                                "Microsoft\\Microsoft SQL Server\\Instance Names\\SQL",
                                "SQLEXPRESS",
                                "MSSQL10_50.SQLEXPRESS")
                        .dword(inst, "Enabled", 1)
                        .string(inst + "\\IPAll", "TcpPort", "")
                        .string(inst + "\\IPAll", "TcpDynamicPorts", "49172"));
        Listener l = owned(e, "MSSQL$SQLEXPRESS").get(0);
        assertThat(l.dynamic()).isTrue();
        assertThat(l.portRange().origin()).contains("49172");
        assertThat(evidence(l, "TcpDynamicPorts").data()).contains("49172");
    }

    @Test
    void sqlServerStaticPortsAreEachPredicted() throws Exception {
        String inst = "Microsoft\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQLServer\\SuperSocketNetLib\\Tcp";
        Exposure e = predict(
                "MSSQLSERVER",
                "\"C:\\Program Files\\Microsoft SQL Server\\MSSQL15.MSSQLSERVER\\MSSQL\\Binn\\sqlservr.exe\" -sMSSQLSERVER",
                s -> s,
                s -> s.string(
                                "Microsoft\\Microsoft SQL Server\\Instance Names\\SQL",
                                "MSSQLSERVER",
                                "MSSQL15.MSSQLSERVER")
                        .string(inst + "\\IPAll", "TcpPort", "1433,14330"));
        assertThat(owned(e, "MSSQLSERVER")).extracting(Listener::port).containsExactlyInAnyOrder(1433, 14330);
    }
}
