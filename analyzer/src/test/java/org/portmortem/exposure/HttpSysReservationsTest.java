package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.hive.Hive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SharedCorpus;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsFamily;

/** HTTP.sys listeners from the URL reservations, certificate bindings and IP listen list of the SYSTEM hive. */
class HttpSysReservationsTest {
    private static final String ACL = "CS\\Services\\HTTP\\Parameters\\UrlAclInfo";

    /** A reservation's ACL as HTTP.sys stores it: a self-relative descriptor, one GENERIC_EXECUTE entry per SID. */
    static byte[] acl(String... sids) {
        ByteArrayOutputStream aces = new ByteArrayOutputStream();
        for (String sid : sids) {
            String[] p = sid.split("-");
            int n = p.length - 3;
            ByteBuffer b = ByteBuffer.allocate(8 + 8 + 4 * n).order(ByteOrder.LITTLE_ENDIAN);
            b.put((byte) 0).put((byte) 0).putShort((short) (16 + 4 * n)).putInt(0x20000000);
            b.put((byte) 1).put((byte) n).put(new byte[] {0, 0, 0, 0, 0, (byte) Integer.parseInt(p[2])});
            for (int i = 3; i < p.length; i++) {
                b.putInt((int) Long.parseLong(p[i]));
            }
            aces.writeBytes(b.array());
        }
        byte[] a = aces.toByteArray();
        ByteBuffer sd = ByteBuffer.allocate(20 + 8 + a.length).order(ByteOrder.LITTLE_ENDIAN);
        sd.put((byte) 1)
                .put((byte) 0)
                .putShort((short) 0x8004)
                .putInt(0)
                .putInt(0)
                .putInt(0)
                .putInt(20);
        sd.put((byte) 2)
                .put((byte) 0)
                .putShort((short) (8 + a.length))
                .putShort((short) sids.length)
                .putShort((short) 0);
        sd.put(a);
        return sd.array();
    }

    private static Exposure dissectRegf() throws Exception {
        Optional<Path> corpus = SharedCorpus.root();
        Assumptions.assumeTrue(
                corpus.isPresent(), "../shared/corpus not found: the real hive's reservations not checked");
        try (Hive h = Hive.open(corpus.get().resolve("hives/dissect-regf/SYSTEM"))) {
            SystemModel model = SystemModel.read(h, null, ModelOptions.DEFAULT);
            return new ExposurePredictor().predict(model, BootPlan.of(model), RegistryScope.of(model, h, null));
        }
    }

    @Test
    void theReservationsOfARealWindows10HiveNameTheirServicesByServiceSid() throws Exception {
        Exposure e = dissectRegf();
        Map<Integer, String> owners = new TreeMap<>();
        e.listeners().stream()
                .filter(l -> l.ipVersion() == 4 && l.mechanism().kind() == Mechanism.Kind.HTTP_SYS_RESERVATION)
                .forEach(l -> owners.put(
                        l.port(), l.owner().service() + " " + l.owner().sharedWith()));
        // Service SIDs computed from the hive's service names match the SIDs the ACLs hold (checked with
        // reglookup: e.g. http://+:5985/wsman/ holds S-1-5-80-569256582-..., NT SERVICE\WinRM).
        assertThat(owners)
                .containsEntry(5985, "WinRM [Wecsvc]")
                .containsEntry(5986, "WinRM [Wecsvc]")
                .containsEntry(47001, "WinRM [Wecsvc]")
                .containsEntry(10243, "WMPNetworkSvc []")
                .containsEntry(3387, "TermService []")
                .containsEntry(3392, "TermService []")
                .containsEntry(443, "SstpSvc []")
                .containsEntry(2869, "upnphost []")
                .containsEntry(5357, "FDResPub []")
                .containsEntry(80, "null []");
        Listener winrm = e.listeners().stream()
                .filter(l -> Integer.valueOf(5985).equals(l.port()) && l.ipVersion() == 6)
                .findFirst()
                .orElseThrow();
        assertThat(winrm.address()).isEqualTo("::");
        assertThat(winrm.owner().process()).isEqualTo("System");
        assertThat(winrm.possibleOnly()).isTrue();
        assertThat(winrm.certainty().level()).isEqualTo(Certainty.Level.UNCERTAIN);
        assertThat(winrm.certainty().reason())
                .startsWith("possible, while WinRM runs")
                .contains("Namespace Reservations, Registrations, and Routing");
        assertThat(winrm.evidence()).anySatisfy(ev -> {
            assertThat(ev.hive()).isEqualTo("SYSTEM");
            assertThat(ev.keyPath()).isEqualTo("ControlSet001\\Services\\HTTP\\Parameters\\UrlAclInfo");
            assertThat(ev.valueName()).isEqualTo("http://+:5985/wsman/");
            assertThat(ev.lastWritten()).isNotNull();
            assertThat(ev.note()).contains("NT SERVICE\\WinRM (" + SecurityDescriptorAces.serviceSid("WinRM") + ")");
        });
        assertThat(winrm.evidence()).anySatisfy(ev -> assertThat(ev.valueName()).isEqualTo("ListenOnlyList"));
    }

    @Test
    void serviceSidIsTheSha1OfTheUpperCasedName() {
        // NT SERVICE\WinRM as "sc showsid WinRM" prints it (also in the ACL of the corpus hives' 5985 reservation).
        assertThat(SecurityDescriptorAces.serviceSid("WinRM"))
                .isEqualTo("S-1-5-80-569256582-2953403351-2909559716-1301513147-412116970")
                .isEqualTo(SecurityDescriptorAces.serviceSid("winrm"));
    }

    @Test
    void aServiceSidTakenFromTheTableIsTheOneComputedForThatName() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) { // five times the table's slots: names evict each other
            names.add("svc" + Long.toString(random.nextLong(), 36));
        }
        names.addAll(List.of("WinRM", "winrm", "WINRM", "TermService", "Aa", "BB")); // "Aa" and "BB" hash alike
        for (int pass = 0; pass < 2; pass++) {
            for (String n : names) {
                assertThat(SecurityDescriptorAces.serviceSid(n))
                        .as(n)
                        .isEqualTo(SecurityDescriptorAces.computeServiceSid(n));
            }
        }
    }

    @Test
    void aComponentThatRegistersItsUrlAtBootMakesTheReservationLikely() {
        TestHost t = new TestHost(WindowsFamily.WIN10_2016_2022)
                .run("FDResPub", "svchost.exe", "LocalServiceAndNoImpersonation");
        t.dword("CS\\Services\\FDResPub", "Start", 2);
        t.put(ACL, "https://*:5358/", ValueType.REG_BINARY, acl("S-1-5-32-545", "S-1-5-19"));
        List<Listener> l = t.predict().listeners().stream()
                .filter(x -> Integer.valueOf(5358).equals(x.port()))
                .toList();
        assertThat(l).extracting(Listener::localEndpoint).containsExactly("0.0.0.0:5358", "[::]:5358");
        assertThat(l).allSatisfy(x -> {
            assertThat(x.mechanism().kind()).isEqualTo(Mechanism.Kind.HTTP_SYS_URL);
            assertThat(x.possibleOnly()).isFalse();
            assertThat(x.owner().service()).isEqualTo("FDResPub");
            assertThat(x.certainty().level()).isEqualTo(Certainty.Level.LIKELY);
            assertThat(x.certainty().reason()).contains("Web Services on Devices Constants");
        });
    }

    @Test
    void theIpListenListRestrictsTheAddressesAndACertificateBindingIsAPossibleHttpsPort() {
        TestHost t = new TestHost(WindowsFamily.WIN10_2016_2022);
        t.multi("CS\\Services\\HTTP\\Parameters", "ListenOnlyList", "10.0.0.5", "not-an-address");
        t.put(ACL, "http://+:8080/app/", ValueType.REG_BINARY, acl("S-1-5-20"));
        t.string(
                "CS\\Services\\HTTP\\Parameters\\SslBindingInfo\\10.0.0.7:8443",
                "AppId",
                "{4dc3e181-e14b-4a21-b022-59fc669b0914}");
        Exposure e = t.predict();
        assertThat(e.listeners())
                .filteredOn(l -> l.owner().process().equals("System"))
                .extracting(l -> l.localEndpoint() + " " + l.mechanism().kind())
                .containsExactly("10.0.0.5:8080 HTTP_SYS_RESERVATION", "10.0.0.7:8443 HTTP_SYS_RESERVATION");
        assertThat(e.warnings())
                .contains("HTTP.sys IP listen list entry \"not-an-address\" is not an IP address: skipped");
        Listener https = e.listeners().stream()
                .filter(l -> Integer.valueOf(8443).equals(l.port()))
                .findFirst()
                .orElseThrow();
        assertThat(https.evidence())
                .anySatisfy(ev -> assertThat(ev.keyPath()).endsWith("SslBindingInfo\\10.0.0.7:8443"));
        assertThat(https.owner().service()).isNull();
    }

    @Test
    void aReservationOnlyADisabledServiceMayUseOpensNothingAndAnUnreadableAclIsAWarning() {
        TestHost t = new TestHost(WindowsFamily.WIN10_2016_2022);
        t.dword("CS\\Services\\WinRM", "Start", 4);
        t.put(ACL, "http://+:5985/wsman/", ValueType.REG_BINARY, acl(SecurityDescriptorAces.serviceSid("WinRM")));
        t.put(ACL, "http://+:9000/x/", ValueType.REG_BINARY, new byte[] {1, 0, 4, (byte) 0x80, 0, 0});
        Exposure e = t.predict();
        assertThat(e.listeners()).noneMatch(l -> Integer.valueOf(5985).equals(l.port()));
        assertThat(e.listeners()).anyMatch(l -> Integer.valueOf(9000).equals(l.port()) && l.possibleOnly());
        assertThat(e.warnings())
                .anySatisfy(w -> assertThat(w)
                        .startsWith("HTTP.sys URL reservation \"http://+:9000/x/\": its"
                                + " ACL is unreadable (not a self-relative security descriptor (6 bytes"));
    }

    @Test
    void aDisabledHttpDriverOpensNothing() {
        TestHost t = new TestHost(WindowsFamily.WIN10_2016_2022);
        t.dword("CS\\Services\\HTTP", "Start", 4);
        t.put(ACL, "http://+:8080/app/", ValueType.REG_BINARY, acl("S-1-5-20"));
        Exposure e = t.predict();
        assertThat(e.listeners()).noneMatch(l -> Integer.valueOf(8080).equals(l.port()));
        assertThat(e.warnings()).anySatisfy(w -> assertThat(w).startsWith("HTTP.sys is disabled"));
    }
}
