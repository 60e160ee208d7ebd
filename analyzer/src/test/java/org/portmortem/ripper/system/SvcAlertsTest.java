package org.portmortem.ripper.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemHiveBuilder;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/** svc_tln's alert rules (v.20130911), as the svc plugin raises them, on SYSTEM hives built in memory. */
class SvcAlertsTest {
    private static final Instant SERVICE_TIME = Instant.parse("2002-06-01T10:00:00Z");
    private static final Instant PARAMETERS_TIME = Instant.parse("2003-01-02T03:04:05Z");

    private static List<RipFact> alerts(SystemHiveBuilder b) throws IOException {
        return new Svc()
                .run(RipContext.of(b.build(), ModelOptions.DEFAULT)).stream()
                        .filter(f -> f.name().equals(Svc.ALERT))
                        .toList();
    }

    private static List<String> messages(SystemHiveBuilder b) throws IOException {
        return alerts(b).stream().map(RipFact::data).toList();
    }

    /** A service key with Type, Start and ImagePath (or none), last written at SERVICE_TIME. */
    private static SystemHiveBuilder service(String name, int type, String imagePath) {
        return SystemHiveBuilder.system().service(name, type, 3, imagePath);
    }

    @Test
    void aDriverWhoseImagePathDoesNotEndInSysRaisesAnAlertWithTheImagePathAsEvidence() throws IOException {
        List<RipFact> a = alerts(service("evil", 1, "system32\\drivers\\evil.exe"));
        assertThat(a).singleElement().satisfies(f -> {
            assertThat(f.data()).isEqualTo("evil Driver does not end in .sys: system32\\drivers\\evil.exe");
            assertThat(f.group()).isEqualTo("evil");
            assertThat(f.lastWritten()).isEqualTo(SERVICE_TIME);
            assertThat(f.evidence().keyPath()).isEqualTo("ControlSet001\\Services\\evil");
            assertThat(f.evidence().valueName()).isEqualTo("ImagePath");
            assertThat(f.evidence().note()).isEqualTo("svc_tln rule driver-not-sys");
        });
    }

    @Test
    void theSysSuffixIsComparedLowerCasedAndAProcessNeedNotEndInSys() throws IOException {
        assertThat(alerts(service("ok", 2, "System32\\DRIVERS\\ok.SYS"))).isEmpty();
        assertThat(alerts(service("proc", 0x10, "C:\\Windows\\proc.exe"))).isEmpty();
    }

    @Test
    void eachSuspiciousWordInThePathRaisesOneAlertInTheListsOrder() throws IOException {
        assertThat(messages(service("upd", 0x10, "C:\\Users\\x\\AppData\\Local\\Temp\\upd.exe")))
                .containsExactly(
                        "temp found in path: C:\\Users\\x\\AppData\\Local\\Temp\\upd.exe",
                        "appdata found in path: C:\\Users\\x\\AppData\\Local\\Temp\\upd.exe");
    }

    @Test
    void aColonInTheLastPathElementIsAPossibleAlternateDataStream() throws IOException {
        assertThat(messages(service("ads", 0x10, "C:\\Windows\\system32\\svc.exe:hidden")))
                .containsExactly("Poss. ADS in path: C:\\Windows\\system32\\svc.exe:hidden");
        // svc_tln's rule also fires on a colon in the arguments, as RegRipper does on dllhost.exe /Processid:{...}
        assertThat(messages(service("com", 0x10, "C:\\Windows\\dllhost.exe /Processid:{1}")))
                .containsExactly("Poss. ADS in path: C:\\Windows\\dllhost.exe /Processid:{1}");
        assertThat(messages(service("drive", 0x10, "C:\\Windows\\svc.exe"))).isEmpty();
    }

    @Test
    void aFailureActionValueRaisesAnAlertButWindowsOwnFailureActionsDoesNot() throws IOException {
        SystemHiveBuilder b = service("fa", 0x10, "C:\\fa.exe");
        b.string(b.cs("Services\\fa"), "FailureAction", "cmd /c evil");
        assertThat(messages(b)).containsExactly("Service fa has FailureAction value: cmd /c evil");
        SystemHiveBuilder plural = service("fas", 0x10, "C:\\fas.exe");
        plural.binary(plural.cs("Services\\fas"), "FailureActions", new byte[] {1, 2});
        assertThat(messages(plural)).isEmpty();
    }

    @Test
    void anObjectNameOutsideTheKnownAccountsIsUnknownWhateverItsCase() throws IOException {
        SystemHiveBuilder b = service("a", 0x10, "C:\\a.exe");
        b.string(b.cs("Services\\a"), "ObjectName", "NT Authority\\LocalService");
        assertThat(messages(b)).isEmpty();
        SystemHiveBuilder c = service("b", 0x10, "C:\\b.exe");
        c.string(c.cs("Services\\b"), "ObjectName", "NT SERVICE\\b");
        assertThat(alerts(c)).singleElement().satisfies(f -> {
            assertThat(f.data()).isEqualTo("b Unknown ObjectName: NT SERVICE\\b");
            assertThat(f.evidence().valueName()).isEqualTo("ObjectName");
        });
    }

    @Test
    void aDriverObjectNameIsOnlyUnknownForADwordTypeAsSvcTlnComparesTypesWordAsANumber() throws IOException {
        SystemHiveBuilder b = service("WUDFRd", 1, "system32\\drivers\\WUDFRd.sys");
        b.string(b.cs("Services\\WUDFRd"), "ObjectName", "\\Driver\\WudfRd");
        assertThat(messages(b)).containsExactly("WUDFRd Unknown ObjectName: \\Driver\\WudfRd");
        // A Type stored as the text "01" has no word in svc's table, so it reads as the number 1.
        SystemHiveBuilder text = SystemHiveBuilder.system();
        String key = text.cs("Services\\odd");
        text.string(key, "Type", "01")
                .expandString(key, "ImagePath", "odd.sys")
                .string(key, "ObjectName", "\\Driver\\odd");
        assertThat(messages(text))
                .containsExactly("odd Unknown ObjectName: \\Driver\\odd", "odd Driver with ObjectName: \\Driver\\odd");
    }

    @Test
    void aServiceDllNotEndingInDllIsDatedWithItsParametersKeyAndPathWordsWithTheServiceKey() throws IOException {
        SystemHiveBuilder b = service("hcd", 0x20, "%SystemRoot%\\system32\\svchost.exe -k netsvcs");
        b.expandString(b.cs("Services\\hcd\\Parameters"), "ServiceDll", "C:\\Temp\\hcd.dat");
        b.key(b.cs("Services\\hcd\\Parameters")).setLastWritten(PARAMETERS_TIME);
        List<RipFact> a = alerts(b);
        assertThat(a)
                .extracting(RipFact::data)
                .containsExactly("hcd ServiceDll does not end in .dll.", "temp found in path: C:\\Temp\\hcd.dat");
        assertThat(a).extracting(RipFact::lastWritten).containsExactly(PARAMETERS_TIME, SERVICE_TIME);
        assertThat(a)
                .allSatisfy(
                        f -> assertThat(f.evidence().keyPath()).isEqualTo("ControlSet001\\Services\\hcd\\Parameters"));
    }

    @Test
    void withoutATypeNoDriverRuleApplies() throws IOException {
        SystemHiveBuilder b = SystemHiveBuilder.system();
        b.expandString(b.cs("Services\\notype"), "ImagePath", "C:\\notype.exe");
        assertThat(messages(b)).isEmpty();
    }

    @Test
    void aPerlNumberIsTheLeadingDecimalNumberOfTheString() {
        assertThat(org.portmortem.ripper.PerlScalar.number("1")).isEqualTo(1);
        assertThat(org.portmortem.ripper.PerlScalar.number(" 02abc")).isEqualTo(2);
        assertThat(org.portmortem.ripper.PerlScalar.number("Kernel driver")).isZero();
        assertThat(org.portmortem.ripper.PerlScalar.number("0x1")).isZero();
    }

    @Test
    void aBinaryTypeIsNotADriver() throws IOException {
        SystemHiveBuilder b = SystemHiveBuilder.system();
        String key = b.cs("Services\\bin");
        b.binary(key, "Type", "\u0001".getBytes(StandardCharsets.US_ASCII)).expandString(key, "ImagePath", "bin.exe");
        b.key(key).putValue("Start", ValueType.REG_DWORD.id(), new byte[] {3, 0, 0, 0});
        assertThat(messages(b)).isEmpty();
    }
}
