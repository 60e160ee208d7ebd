package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyPathsTest {

    private static MemoryHive system() {
        MemoryHive h = MemoryHive.empty("SYSTEM", "CMI-CreateHive{2A7FB991-7BBE-4F9D-B91E-7CB51D4737F5}");
        h.createKey("Select").putValue("Current", 4, new byte[] {2, 0, 0, 0});
        h.createKey("ControlSet001\\Services\\Tcpip");
        h.createKey("ControlSet002\\Services\\NetBT");
        return h;
    }

    @Test
    void theFormsExaminersWriteLeadToTheSameKey() {
        MemoryHive h = system();
        for (String form : new String[] {
            "ControlSet002\\Services\\NetBT",
            "HKLM\\SYSTEM\\ControlSet002\\Services\\NetBT",
            "HKEY_LOCAL_MACHINE\\SYSTEM\\ControlSet002\\Services\\NetBT",
            "/ControlSet002/Services/NetBT",
            "\\ControlSet002\\\\Services\\NetBT\\",
            "CMI-CreateHive{2A7FB991-7BBE-4F9D-B91E-7CB51D4737F5}\\ControlSet002\\Services\\NetBT"
        }) {
            assertThat(KeyPaths.find(h, form)).as(form).map(Key::path).contains("ControlSet002\\Services\\NetBT");
        }
    }

    @Test
    void currentControlSetIsTheSetThatSelectCurrentNames() {
        MemoryHive h = system();
        assertThat(KeyPaths.belowRoot(h, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\NetBT"))
                .isEqualTo("ControlSet002\\Services\\NetBT");
        assertThat(KeyPaths.find(h, "CurrentControlSet\\Services\\Tcpip")).isEmpty();
    }

    @Test
    void aLiveExportsOwnCurrentControlSetTreeIsKept() {
        MemoryHive h = system();
        h.createKey("CurrentControlSet\\Services\\Dnscache");
        assertThat(KeyPaths.find(h, "HKLM\\SYSTEM\\CurrentControlSet\\Services\\Dnscache"))
                .isPresent();
    }

    @Test
    void theRootIsReachedByAnEmptyPathOrTheMountName() {
        MemoryHive h = system();
        assertThat(KeyPaths.find(h, "")).contains(h.root());
        assertThat(KeyPaths.find(h, "HKLM\\SYSTEM")).contains(h.root());
    }

    @Test
    void aControlSetIsNamedWithAtLeastThreeDigitsAsFormatWould() {
        for (long n : new long[] {0, 1, 9, 10, 99, 100, 999, 1000, 4_294_967_295L, -1, -42}) {
            assertThat(KeyPaths.controlSetName(n)).isEqualTo(String.format(java.util.Locale.ROOT, "ControlSet%03d", n));
        }
        assertThat(KeyPaths.controlSetName(2)).isEqualTo("ControlSet002");
    }
}
