package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.TestCorpus;

/** Hive kinds recognised by content on the corpus's user hives and on the user Software fragment beside them. */
class HiveTypeTest {
    private static HiveType typeOf(Path p) throws IOException {
        try (Hive h = Hive.open(p, HiveOpenOptions.NO_LOGS)) {
            return HiveType.of(h);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "bcc-m57/NTUSER.DAT",
                "dfwinreg/NTUSER.DAT",
                "regipy/NTUSER.DAT",
                "regipy/NTUSER-WSL.DAT",
                "regipy/NTUSER_BAGMRU.DAT",
                "regipy/NTUSER_modified.DAT",
                "regipy/NTUSER_with_winscp.DAT",
                "regipy/transactions_NTUSER.DAT"
            })
    void everyUserHiveOfTheCorpusIsNtuser(String hive) throws IOException {
        assertThat(typeOf(TestCorpus.hive(hive))).isEqualTo(HiveType.NTUSER);
    }

    /**
     * regipy's ntuser_software_partial is a user's Software key saved on its own: it holds
     * Microsoft\Windows NT\CurrentVersion as SOFTWARE does, but it is no machine SOFTWARE hive (its
     * AppDataLow says whose it is) nor a whole NTUSER.DAT, so no plugin runs on it.
     */
    @Test
    void aUsersSoftwareKeySavedAloneIsNeitherSoftwareNorNtuser() throws IOException {
        assertThat(typeOf(TestCorpus.hive("regipy/ntuser_software_partial"))).isEqualTo(HiveType.OTHER);
    }

    @Test
    void aSoftwareHiveWithoutAppDataLowIsStillSoftware() {
        MemoryHive h = MemoryHive.empty("SOFTWARE", "ROOT");
        h.createKey("Microsoft\\Windows NT\\CurrentVersion");
        assertThat(HiveType.of(h)).isEqualTo(HiveType.SOFTWARE);
        h.createKey("AppDataLow\\Software");
        assertThat(HiveType.of(h)).isEqualTo(HiveType.OTHER);
    }
}
