package org.portmortem.ripper.ntuser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.model.ModelOptions;
import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipPlugins;

/** osversion on user hives built in memory: the value with its key's time, or what is missing. */
class OsVersionTest {
    private static MemoryHive user() {
        MemoryHive h = MemoryHive.empty("NTUSER.DAT", "ROOT");
        h.createKey("Control Panel");
        h.createKey("Software\\Classes");
        return h;
    }

    private static List<RipFact> run(MemoryHive h) throws IOException {
        RipContext context = RipContext.of(h, ModelOptions.DEFAULT);
        assertThat(context.hiveType()).isEqualTo(HiveType.NTUSER);
        return new OsVersion().run(context);
    }

    @Test
    void theNtuserProfileRunsOsversion() {
        assertThat(RipPlugins.profileType("ntuser")).contains(HiveType.NTUSER);
        assertThat(RipPlugins.profile(HiveType.NTUSER))
                .extracting(p -> p.name())
                .contains("osversion");
    }

    @Test
    void anOsVersionValueIsReportedWithItsKeysLastWriteTime() throws IOException {
        MemoryHive h = user();
        Instant written = Instant.parse("2009-11-23T22:18:32Z");
        h.createKey("Software\\Microsoft")
                .putValue("OSVersion", ValueType.REG_SZ.id(), "5.1.2600\0".getBytes(StandardCharsets.UTF_16LE));
        h.createKey("Software\\Microsoft").setLastWritten(written);
        assertThat(run(h)).singleElement().satisfies(f -> {
            assertThat(f.data()).isEqualTo("5.1.2600");
            assertThat(f.lastWritten()).isEqualTo(written);
            assertThat(f.evidence().keyPath()).isEqualTo("Software\\Microsoft");
            assertThat(f.evidence().valueName()).isEqualTo("OSVersion");
        });
    }

    @Test
    void aMissingValueAndAMissingKeyAreToldApart() throws IOException {
        MemoryHive h = user();
        assertThat(run(h)).singleElement().satisfies(f -> {
            assertThat(f.isAbsent()).isTrue();
            assertThat(f.evidence().valueName()).isNull(); // the key is missing
        });
        h.createKey("Software\\Microsoft");
        assertThat(run(h)).singleElement().satisfies(f -> {
            assertThat(f.isAbsent()).isTrue();
            assertThat(f.evidence().valueName()).isEqualTo("OSVersion");
        });
    }
}
