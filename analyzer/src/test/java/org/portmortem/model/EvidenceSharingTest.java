package org.portmortem.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.evidence.Evidence;
import org.portmortem.fuzz.FuzzLoop;
import org.portmortem.hive.Hive;
import org.portmortem.hive.write.HiveWriter;

/**
 * The model of a binary hive holds repeated text and times once (what lets a hive with 100,000
 * services be read in a 256 MB heap), while every piece of evidence still says the same.
 */
class EvidenceSharingTest {

    @Test
    void factsOfTheReferenceSystemShareTheirRepeatedTextAndTheirKeysTime(@TempDir Path dir) throws Exception {
        Path regf = dir.resolve("SYSTEM");
        try (Hive reg = Hive.open(FuzzLoop.fixtures().resolve("winxp-default").resolve("SYSTEM.reg"))) {
            HiveWriter.write(reg, regf, Instant.parse("2026-01-01T00:00:00Z"));
        }
        try (Hive hive = Hive.open(regf)) {
            SystemModel m = SystemModel.read(hive, null, ModelOptions.DEFAULT);
            Service tcpip = m.service("Tcpip").orElseThrow();
            Service afd = m.service("AFD").orElseThrow();

            // the same value name, read from two keys, is one instance; so is the same data
            assertThat(tcpip.start().evidence().valueName())
                    .isEqualTo("Start")
                    .isSameAs(afd.start().evidence().valueName());
            assertThat(tcpip.type().evidence().data())
                    .isEqualTo(afd.type().evidence().data())
                    .isSameAs(afd.type().evidence().data());
            // one Instant per key, shared by every fact read from it and by the service
            assertThat(tcpip.start().evidence().lastWritten())
                    .isNotNull()
                    .isSameAs(tcpip.type().evidence().lastWritten())
                    .isSameAs(tcpip.lastWritten());
            // a text fact is its evidence's data, not a second copy
            assertThat(tcpip.imagePath().value())
                    .isSameAs(tcpip.imagePath().evidence().data());
            // absent values keep their own evidence, naming the value looked for
            assertThat(tcpip.delayedAutostart().isPresent()).isFalse();
            assertThat(tcpip.delayedAutostart().evidence().valueName()).isEqualTo("DelayedAutostart");
            assertThat(tcpip.delayedAutostart().evidence().keyPath()).endsWith("Services\\Tcpip");
        }
    }

    @Test
    void sharedTextChangesNoEvidenceContentOrEquality() {
        String data = new String("2 (0x00000002)".toCharArray());
        Evidence a = new Evidence("SYSTEM", "ControlSet001\\Services\\A", "Start", "REG_DWORD", data, null, null);
        Evidence b = new Evidence(
                new String("SYSTEM".toCharArray()),
                "ControlSet001\\Services\\A",
                new String("Start".toCharArray()),
                "REG_DWORD",
                new String(data.toCharArray()),
                null,
                null);
        assertThat(b).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(b.data()).isSameAs(a.data());
        String longData = "x".repeat(10_000);
        Evidence big = new Evidence("SYSTEM", "K", "V", "REG_SZ", longData, null, null);
        assertThat(big.data()).isSameAs(longData);
        assertThat(List.of(a.valueName(), a.valueType(), a.data()))
                .containsExactly("Start", "REG_DWORD", "2 (0x00000002)");
    }
}
