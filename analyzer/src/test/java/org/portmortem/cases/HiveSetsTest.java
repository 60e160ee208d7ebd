package org.portmortem.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which hive set of a case folder is analysed, and what is said about the others. */
class HiveSetsTest {
    @TempDir
    Path dir;

    private Path hive(String path) throws IOException {
        Path p = dir.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "Windows Registry Editor Version 5.00\r\n");
        return p;
    }

    @Test
    void theLiveSetIsChosenAndRegBackRepairAndShadowCopyExportsAreNamedAsCopies() throws IOException {
        Path live = hive("C/Windows/System32/config/SYSTEM");
        hive("C/Windows/System32/config/SOFTWARE");
        hive("C/Windows/System32/config/RegBack/SYSTEM");
        hive("C/Windows/repair/system");
        hive("VSS3/C/Windows/System32/config/SYSTEM");
        CaseFiles f = CaseFiles.locate(dir, null, null);
        assertThat(f.system()).isEqualTo(live);
        assertThat(f.copies()).extracting(s -> s.kind().word()).containsExactlyInAnyOrder("regback", "repair", "vss");
        assertThat(f.notes()).anyMatch(n -> n.startsWith("other hive sets in the case") && n.contains("VSS3"));
    }

    @Test
    void aSystemFileBesideATriageTreeIsTwoLiveSetsAndRefused() throws IOException {
        hive("SYSTEM");
        hive("C/Windows/System32/config/SYSTEM");
        assertThatThrownBy(() -> CaseFiles.locate(dir, null, null))
                .isInstanceOf(AmbiguousCaseException.class)
                .hasMessageContaining("2 live hive sets")
                .hasMessageContaining("live . (SYSTEM)")
                .hasMessageContaining("live C/Windows/System32/config (SYSTEM)");
    }

    @Test
    void aLoneRegBackCopyIsAnalysedAndSaysSo() throws IOException {
        Path copy = hive("RegBack/SYSTEM");
        CaseFiles f = CaseFiles.locate(dir.resolve("RegBack"), null, null);
        assertThat(f.system()).isEqualTo(copy);
        assertThat(f.notes()).anyMatch(n -> n.startsWith("no live hive set: analysing the regback copy"));
    }

    @Test
    void aSystemGivenByPathBringsItsRegBackAsACopy() throws IOException {
        Path sys = hive("config/SYSTEM");
        hive("config/RegBack/SYSTEM");
        assertThat(CaseFiles.locate(null, sys, null).copies())
                .singleElement()
                .satisfies(s -> assertThat(s.kind()).isEqualTo(HiveSet.Kind.REGBACK));
    }
}
