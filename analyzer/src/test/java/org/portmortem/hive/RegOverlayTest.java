package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegOverlayTest {
    private static final byte[] ONE = {1, 0, 0, 0};
    private static final byte[] TWO = {2, 0, 0, 0};
    private static final byte[] THREE = {3, 0, 0, 0};

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RegOverlayTest.class.getResource("/regtext/" + name).toURI());
    }

    /** A version 5.00 .reg file with CRLF line ends, made of the header and the given body. */
    private static Path v5File(Path dir, String name, String body) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, "Windows Registry Editor Version 5.00\r\n\r\n" + body);
        return f;
    }

    /** A SYSTEM hive whose current control set is 001 unless told otherwise. */
    private static MemoryHive system(byte[] selectCurrent) {
        MemoryHive h = MemoryHive.empty("SYSTEM", "ROOT");
        if (selectCurrent != null) {
            h.createKey("Select").putValue("Current", 4, selectCurrent);
        }
        h.createKey("ControlSet001\\Services\\NetBT").putValue("Start", 4, ONE);
        h.createKey("ControlSet001\\Services\\Tcpip\\Parameters").putValue("EnableICMPRedirect", 4, ONE);
        h.createKey("ControlSet001\\Services\\SSDPSRV\\Parameters").putValue("Port", 4, TWO);
        return h;
    }

    @Test
    void overlayReplacesAddsAndDeletesValuesAndKeysInTheSystemHive() throws Exception {
        RegOverlay overlay = RegOverlay.read(resource("overlay-hardening.reg"));
        MemoryHive h = system(ONE);
        List<HiveWarning> problems = overlay.applyTo(h, "SYSTEM");
        assertThat(problems).isEmpty();
        Key netbt = h.key("ControlSet001\\Services\\NetBT").orElseThrow();
        assertThat(netbt.value("Start").orElseThrow().asInt()).as("replaced").isEqualTo(4);
        assertThat(netbt.value("Added").orElseThrow().asString()).as("added").isEqualTo("new");
        assertThat(h.key("ControlSet001\\Services\\Tcpip\\Parameters")
                        .orElseThrow()
                        .value("EnableICMPRedirect"))
                .as("value deleted")
                .isEmpty();
        assertThat(h.key("ControlSet001\\Services\\SSDPSRV"))
                .as("key deleted with its subkeys")
                .isEmpty();
        assertThat(h.key("ControlSet001\\Services\\Fresh\\Parameters")
                        .orElseThrow()
                        .value("Port")
                        .orElseThrow()
                        .asInt())
                .as("keys created as needed")
                .isEqualTo(0x50);
        assertThat(h.key("CurrentControlSet")).isEmpty();
        assertThat(h.key("Microsoft")).as("SOFTWARE part not applied to SYSTEM").isEmpty();
    }

    @Test
    void currentControlSetFollowsTheHivesSelectCurrent() throws Exception {
        RegOverlay overlay = RegOverlay.read(resource("overlay-hardening.reg"));
        MemoryHive h = system(THREE);
        overlay.applyTo(h, "SYSTEM");
        assertThat(h.key("ControlSet003\\Services\\NetBT")
                        .orElseThrow()
                        .value("Start")
                        .orElseThrow()
                        .asInt())
                .isEqualTo(4);
        assertThat(h.key("ControlSet001\\Services\\NetBT")
                        .orElseThrow()
                        .value("Start")
                        .orElseThrow()
                        .asInt())
                .as("the other control set is untouched")
                .isEqualTo(1);
    }

    @Test
    void withoutSelectCurrentControlSet001IsAssumedWithAWarningNamingFileAndLine() throws Exception {
        RegOverlay overlay = RegOverlay.read(resource("overlay-hardening.reg"));
        MemoryHive h = system(null);
        List<HiveWarning> problems = overlay.applyTo(h, "SYSTEM");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(4);
        assertThat(problems.get(0).message())
                .startsWith("overlay-hardening.reg: ")
                .contains("ControlSet001 assumed");
        assertThat(h.warnings()).containsExactlyElementsOf(problems);
        assertThat(h.key("ControlSet001\\Services\\NetBT")
                        .orElseThrow()
                        .value("Start")
                        .orElseThrow()
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void theSoftwarePartAppliesOnlyToTheSoftwareHiveAndRootsListsBoth() throws Exception {
        RegOverlay overlay = RegOverlay.read(resource("overlay-hardening.reg"));
        assertThat(overlay.roots()).containsExactly("SYSTEM", "SOFTWARE");
        MemoryHive software = MemoryHive.empty("SOFTWARE", "ROOT");
        software.createKey("Microsoft\\Ole").putValue("EnableDCOM", 1, "Y\0".getBytes(StandardCharsets.UTF_16LE));
        assertThat(overlay.applyTo(software, "software")).isEmpty();
        assertThat(software.key("Microsoft\\Ole")
                        .orElseThrow()
                        .value("EnableDCOM")
                        .orElseThrow()
                        .asString())
                .isEqualTo("N");
        assertThat(software.key("ControlSet001")).isEmpty();
    }

    @Test
    void overlaysApplyInFileOrderSoALaterLineWins(@TempDir Path dir) throws Exception {
        Path f = v5File(
                dir,
                "order.reg",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\NetBT]\r\n\"Start\"=dword:00000003\r\n"
                        + "[-HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\NetBT]\r\n"
                        + "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\NetBT]\r\n\"Other\"=dword:00000001\r\n"
                        + "[HKEY_LOCAL_MACHINE\\SYSTEM]\r\n\"RootValue\"=\"r\"\r\n"
                        + "[-HKEY_LOCAL_MACHINE\\SYSTEM]\r\n");
        MemoryHive h = system(ONE);
        List<HiveWarning> problems = RegOverlay.read(f).applyTo(h, "SYSTEM");
        Key netbt = h.key("ControlSet001\\Services\\NetBT").orElseThrow();
        assertThat(netbt.values()).extracting(Value::name).containsExactly("Other");
        assertThat(h.root().value("RootValue").orElseThrow().asString()).isEqualTo("r");
        assertThat(problems).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(10);
            assertThat(w.message()).contains("root itself cannot be deleted");
        });
    }

    @Test
    void applyAllAppliesOverlaysInOrderToBothHivesAndWarnsAboutOtherHives(@TempDir Path dir) throws Exception {
        Path second = v5File(
                dir,
                "second.reg",
                "[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\NetBT]\r\n\"Start\"=dword:00000002\r\n"
                        + "[HKEY_CURRENT_USER\\Software\\X]\r\n\"Y\"=dword:00000001\r\n"
                        + "[HKEY_LOCAL_MACHINE\\SECURITY\\Policy]\r\n");
        MemoryHive system = system(ONE);
        MemoryHive software = MemoryHive.empty("SOFTWARE", "ROOT");
        List<HiveWarning> warnings = RegOverlay.applyAll(
                List.of(RegOverlay.read(resource("overlay-hardening.reg")), RegOverlay.read(second)), system, software);
        assertThat(system.key("ControlSet001\\Services\\NetBT")
                        .orElseThrow()
                        .value("Start")
                        .orElseThrow()
                        .asInt())
                .as("the later overlay wins")
                .isEqualTo(2);
        assertThat(software.key("Microsoft\\Ole")
                        .orElseThrow()
                        .value("EnableDCOM")
                        .orElseThrow()
                        .asString())
                .isEqualTo("N");
        assertThat(warnings)
                .extracting(HiveWarning::message)
                .containsExactly(
                        "second.reg: changes under HKEY_CURRENT_USER not applied: only the SYSTEM and SOFTWARE hives are analysed",
                        "second.reg: changes under HKEY_LOCAL_MACHINE\\SECURITY not applied: only the SYSTEM and SOFTWARE hives are analysed");
    }

    @Test
    void applyAllWarnsWhenTheCaseLacksAHiveTheOverlayChanges() throws Exception {
        MemoryHive system = system(ONE);
        List<HiveWarning> warnings =
                RegOverlay.applyAll(List.of(RegOverlay.read(resource("overlay-hardening.reg"))), system, null);
        assertThat(warnings)
                .extracting(HiveWarning::message)
                .containsExactly(
                        "overlay-hardening.reg: changes under HKEY_LOCAL_MACHINE\\SOFTWARE not applied: the case has no SOFTWARE hive");
        assertThat(system.key("ControlSet001\\Services\\Fresh")).isPresent();
    }

    @Test
    void malformedOverlayLinesAreReportedByWarningsNotApplied(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bad.reg");
        Files.writeString(
                f,
                "REGEDIT4\n\n[HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet001\\Services\\NetBT]\n"
                        + "\"Start\"=dword:4x\n\"NetbiosOptions\"=dword:00000002\n");
        RegOverlay overlay = RegOverlay.read(f);
        assertThat(overlay.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(4);
            assertThat(w.message()).startsWith("bad.reg: ");
        });
        MemoryHive h = system(ONE);
        overlay.applyTo(h, "SYSTEM");
        Key netbt = h.key("ControlSet001\\Services\\NetBT").orElseThrow();
        assertThat(netbt.value("Start").orElseThrow().asInt()).isEqualTo(1);
        assertThat(netbt.value("NetbiosOptions").orElseThrow().asInt()).isEqualTo(2);
    }
}
