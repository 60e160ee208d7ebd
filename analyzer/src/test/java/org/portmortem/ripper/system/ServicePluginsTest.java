package org.portmortem.ripper.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.MemoryHive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemHiveBuilder;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugin;

/** The facts of services, svc and svcdll on SYSTEM hives built in memory. */
class ServicePluginsTest {
    private static List<RipFact> run(RipPlugin plugin, SystemHiveBuilder b) throws IOException {
        return plugin.run(RipContext.of(b.build(), ModelOptions.DEFAULT));
    }

    private static String data(List<RipFact> facts, String group, String name) {
        return facts.stream()
                .filter(f -> f.group().equals(group) && f.name().equals(name))
                .findFirst()
                .orElseThrow()
                .data();
    }

    @Test
    void servicesPrintsATypeOutsideItsTableInHexadecimalAndSvcInDecimalOrItsWord() throws IOException {
        SystemHiveBuilder b = SystemHiveBuilder.system()
                .service("Spooler", 0x110, 2, "spoolsv.exe")
                .service("UserSvc", 0x60, 3, "svchost.exe -k x")
                .service("Adapter", 4, 3, null);
        List<RipFact> services = run(new Services(), b);
        assertThat(data(services, "Spooler", "Type")).isEqualTo("0x110");
        assertThat(data(services, "UserSvc", "Type")).isEqualTo("0x60");
        assertThat(data(services, "Adapter", "Type")).isEqualTo("0x4");
        assertThat(data(services, "Spooler", "Start")).isEqualTo("Auto Start");
        List<RipFact> svc = run(new Svc(), b);
        assertThat(data(svc, "Spooler", "Type")).isEqualTo("Own_Process");
        assertThat(data(svc, "UserSvc", "Type")).isEqualTo("96");
        assertThat(data(svc, "Adapter", "Type")).isEqualTo("Adapter");
    }

    @Test
    void aTypeStoredAsTextKeepsItsDataAsRegRippersHashLookupFindsNoWordForIt() {
        assertThat(ServiceLabels.svcType("16")).isEqualTo("Own_Process");
        assertThat(ServiceLabels.svcType("016")).isEqualTo("016");
        assertThat(ServiceLabels.servicesType("016")).isEqualTo("016");
        assertThat(ServiceLabels.start("7")).isEqualTo("7");
        assertThat(ServiceLabels.start(null)).isNull();
    }

    @Test
    void anAbsentValueHasNoDataAndItsAbsenceAsEvidence() throws IOException {
        List<RipFact> svc = run(new Svc(), SystemHiveBuilder.system().service("Bare", 1, 3, null));
        RipFact description = svc.stream()
                .filter(f -> f.name().equals("Description"))
                .findFirst()
                .orElseThrow();
        assertThat(description.isAbsent()).isTrue();
        assertThat(description.evidence().keyPath()).isEqualTo("ControlSet001\\Services\\Bare");
        assertThat(description.evidence().valueName()).isEqualTo("Description");
    }

    @Test
    void servicesOfOneSecondStayInTheHivesOrderWhateverTheirFractionsAndNewerSecondsComeFirst() throws IOException {
        SystemHiveBuilder b = SystemHiveBuilder.system()
                .service("Alpha", 0x10, 3, "a.exe")
                .service("Beta", 0x10, 3, "b.exe")
                .service("Zed", 0x10, 3, "z.exe");
        b.key(b.cs("Services\\Alpha")).setLastWritten(Instant.parse("2002-06-01T10:00:00.100Z"));
        b.key(b.cs("Services\\Beta")).setLastWritten(Instant.parse("2002-06-01T09:00:00Z"));
        b.key(b.cs("Services\\Zed")).setLastWritten(Instant.parse("2002-06-01T10:00:00.900Z"));
        assertThat(run(new Services(), b).stream()
                        .filter(f -> f.name().equals("Name"))
                        .map(RipFact::data))
                .containsExactly("Alpha", "Zed", "Beta");
    }

    @Test
    void theServicesKeyComesFirstWithItsNumberOfSubkeysOrItsAbsence() throws IOException {
        SystemHiveBuilder empty = SystemHiveBuilder.system();
        assertThat(run(new SvcDll(), empty)).singleElement().satisfies(f -> {
            assertThat(f.group()).isEqualTo("ControlSet001\\Services");
            assertThat(f.name()).isEqualTo(Services.SERVICES_KEY);
            assertThat(f.data()).isEqualTo("0");
        });
        MemoryHive none = empty.build();
        none.deleteKey("ControlSet001\\Services");
        none.createKey("ControlSet001\\Control");
        assertThat(new Services().run(RipContext.of(none, ModelOptions.DEFAULT)))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.isAbsent()).isTrue();
                    assertThat(f.group()).isEqualTo("ControlSet001\\Services");
                });
    }

    @Test
    void svcDatesAServiceDllRowWithItsParametersKeyAndSvcdllWithTheServiceKey() throws IOException {
        Instant parameters = Instant.parse("2003-01-02T03:04:05Z");
        SystemHiveBuilder b = SystemHiveBuilder.system().service("BITS", 0x20, 3, "svchost.exe -k netsvcs");
        b.expandString(b.cs("Services\\BITS\\Parameters"), "ServiceDll", "qmgr.dll");
        b.key(b.cs("Services\\BITS\\Parameters")).setLastWritten(parameters);
        List<RipFact> svc = run(new Svc(), b);
        assertThat(svc.get(1).group()).isEqualTo("BITS\\Parameters"); // the newer row first
        assertThat(svc.get(1).lastWritten()).isEqualTo(parameters);
        assertThat(data(svc, "BITS\\Parameters", "ImagePath/ServiceDll")).isEqualTo("qmgr.dll");
        List<RipFact> svcdll = run(new SvcDll(), b);
        assertThat(svcdll.get(1)).satisfies(f -> {
            assertThat(f.group()).isEqualTo("BITS");
            assertThat(f.data()).isEqualTo("qmgr.dll");
            assertThat(f.lastWritten()).isEqualTo(Instant.parse("2002-06-01T10:00:00Z"));
            assertThat(f.evidence().keyPath()).isEqualTo("ControlSet001\\Services\\BITS\\Parameters");
        });
    }
}
