package org.portmortem.exposure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SharedCorpus;
import org.portmortem.model.SystemModel;

/** A per-address listener on a DHCP interface with no recorded lease is predicted, at an unknown address. */
class UnknownDhcpAddressTest {

    @Test
    void netbtOnADhcpInterfaceWithoutALeaseIsPredictedAtTheUnknownAddress() throws Exception {
        Optional<Path> corpus = SharedCorpus.root();
        Assumptions.assumeTrue(
                corpus.isPresent(), "../shared/corpus not found: dissect-regf's Windows 10 hive not checked");
        Path system = corpus.get().resolve("hives/dissect-regf/SYSTEM");
        try (Hive h = Hive.open(system)) {
            SystemModel model = SystemModel.read(h, null, ModelOptions.DEFAULT);
            Exposure e = new ExposurePredictor().predict(model, BootPlan.of(model), RegistryScope.of(model, h, null));
            List<Listener> ethernet0 = e.listeners().stream()
                    .filter(l -> l.mechanism().kind() == Mechanism.Kind.NETBT
                            && l.addressUnknown()
                            && l.mechanism().description().contains("\"Ethernet0\""))
                    .toList();
            assertThat(ethernet0)
                    .extracting(l -> l.protocol() + " " + l.port())
                    .containsExactlyInAnyOrder("UDP 137", "UDP 138", "TCP 139");
            assertThat(ethernet0).allSatisfy(l -> {
                assertThat(l.address()).isEqualTo("unknown (DHCP)");
                assertThat(l.certainty().level()).isEqualTo(Certainty.Level.UNCERTAIN);
                assertThat(l.certainty().reason())
                        .contains("takes its address from DHCP and the hive records no lease");
                assertThat(l.evidence()).anyMatch(ev -> "EnableDHCP".equals(ev.valueName()));
            });
        }
    }
}
