package org.portmortem.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.portmortem.hive.Hive;

/**
 * The model of real SYSTEM hives (no SOFTWARE: the family is inferred from SYSTEM alone) agrees with
 * what the corpus provenance says of each machine.
 */
class CorpusModelTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "hives/bcc-m57/SYSTEM, XP, M57-PAT, WORKSTATION, Service Pack 3",
        "hives/dfwinreg-2016/SYSTEM, XP, IECOMPATVHD, WORKSTATION, Service Pack 3",
        "hives/gosecretsdump/system, SERVER_2003, ADDEMO, DOMAIN_CONTROLLER, Service Pack 1",
        "hives/regipy/SYSTEM, WIN7_2008R2, WKS-WIN732BITA, WORKSTATION, Service Pack 1",
        "hives/regipy/SYSTEM_2, WIN81_2012R2, SENSEI, WORKSTATION, no service pack",
        "hives/regipy/SYSTEM_B, WIN10_2016_2022, DESKTOP-PM6C56D, WORKSTATION, no service pack",
        "hives/dissect-regf/SYSTEM, WIN10_2016_2022, DESKTOP-M3OSHQU, WORKSTATION, no service pack",
    })
    void familyNameRoleAndServicePackMatchTheProvenance(
            String file, WindowsFamily family, String computerName, ProductType role, String servicePack)
            throws Exception {
        Optional<Path> corpus = SharedCorpus.root();
        assumeTrue(corpus.isPresent(), "shared corpus not found beside the repository (../shared/corpus)");
        Path path = corpus.get().resolve(file);
        assumeTrue(Files.exists(path), path + " is not in this corpus");
        try (Hive hive = Hive.open(path)) {
            SystemModel model = SystemModel.read(hive, null, ModelOptions.DEFAULT);
            assertThat(model.family()).isEqualTo(family);
            assertThat(model.version().familyBasis()).startsWith("inferred from SYSTEM alone");
            assertThat(model.identity().computerName().value()).isEqualToIgnoringCase(computerName);
            assertThat(model.version().productType().value()).isEqualTo(role);
            assertThat(model.version().csdVersion().value()).isEqualTo(servicePack);
            assertThat(model.controlSetPath()).isEqualToIgnoringCase("ControlSet001");
            assertThat(model.services()).hasSizeGreaterThan(200);
            assertThat(model.warnings()).anyMatch(w -> w.message().startsWith("no SOFTWARE hive"));
        }
    }
}
