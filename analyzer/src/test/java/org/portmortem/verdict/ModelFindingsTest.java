package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.portmortem.hive.Hive;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

class ModelFindingsTest {

    /** regipy's Windows 7 SYSTEM hive has Mnemosyne (Start=3) in ControlSet001 only. */
    @Test
    void startValueThatDiffersBetweenControlSetsIsAMediumFindingWithEachSetsValue() throws IOException {
        Path system = ReferenceSystems.corpusFile("hives/regipy/SYSTEM");
        try (Hive hive = Hive.open(system)) {
            SystemModel model = SystemModel.read(hive, null, ModelOptions.DEFAULT);
            assertThat(ModelFindings.startDifferences(model)).singleElement().satisfies(f -> {
                assertThat(f.id()).isEqualTo("model.start-differs:Mnemosyne");
                assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
                assertThat(f.basis()).isEqualTo(Finding.Basis.MODEL);
                assertThat(f.description()).contains("ControlSet001 (in use): 3 (manual)", "ControlSet002: absent");
                assertThat(f.evidence())
                        .isNotEmpty()
                        .allSatisfy(e -> assertThat(e.keyPath()).contains("Mnemosyne"));
            });
        }
    }

    @Test
    void referenceSystemsWithOneControlSetHaveNoStartDifference() throws IOException {
        assertThat(ModelFindings.startDifferences(
                        ReferenceSystems.step(ReferenceSystems.WINXP, "00").model()))
                .isEmpty();
    }
}
