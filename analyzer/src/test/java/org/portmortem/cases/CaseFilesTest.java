package org.portmortem.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;

class CaseFilesTest {
    @TempDir
    Path dir;

    private Path touch(String relative) throws Exception {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
        return p;
    }

    @Test
    void hivesAreFoundByNameInAnyCaseWithTheirLogs() throws Exception {
        Path sys = touch("system");
        touch("SYSTEM.LOG1");
        touch("system.log2");
        Path soft = touch("Software.hiv");
        CaseFiles f = CaseFiles.locate(dir, null, null);
        assertThat(f.system()).isEqualTo(sys);
        assertThat(f.software()).isEqualTo(soft);
        assertThat(f.systemLogs()).extracting(p -> p.getFileName().toString()).containsExactly("SYSTEM.LOG1", "system.log2");
        assertThat(f.softwareLogs()).isEmpty();
    }

    @Test
    void aKapeTreeIsSearchedForWindowsSystem32Config() throws Exception {
        Path sys = touch("out/C/Windows/System32/config/SYSTEM");
        touch("out/C/Windows/System32/config/SOFTWARE");
        touch("out/C/Windows/System32/config/SYSTEM.LOG1");
        CaseFiles f = CaseFiles.locate(dir, null, null);
        assertThat(f.system()).isEqualTo(sys);
        assertThat(f.systemLogs()).hasSize(1);
        assertThat(f.notes()).anyMatch(n -> n.startsWith("SYSTEM found in the triage tree"));
    }

    @Test
    void aRegExportIsAcceptedAndTheBinaryHivePreferred() throws Exception {
        touch("SYSTEM.reg");
        Path bin = touch("SYSTEM");
        CaseFiles f = CaseFiles.locate(dir, null, null);
        assertThat(f.system()).isEqualTo(bin);
        assertThat(f.notes()).anyMatch(n -> n.contains("also present: SYSTEM.reg"));
    }

    @Test
    void missingSoftwareIsANoteNotAnError() throws Exception {
        touch("SYSTEM.reg");
        CaseFiles f = CaseFiles.locate(dir, null, null);
        assertThat(f.software()).isNull();
        assertThat(f.notes()).contains("no SOFTWARE hive: the model is built from SYSTEM alone");
    }

    @Test
    void missingSystemIsAOneLineInputError() throws Exception {
        touch("SOFTWARE");
        assertThatThrownBy(() -> CaseFiles.locate(dir, null, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("no SYSTEM hive found").hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CaseFiles.locate(dir.resolve("nope"), null, null)).isInstanceOf(InputException.class)
                .hasMessageContaining("no such case folder");
        assertThatThrownBy(() -> CaseFiles.locate(null, dir.resolve("SYSTEM"), null)).isInstanceOf(InputException.class)
                .hasMessageContaining("no such file");
    }

    @Test
    void explicitFilesNeedNoFolder() throws Exception {
        Path sys = touch("a/sys.dat");
        Path soft = touch("b/soft.dat");
        CaseFiles f = CaseFiles.locate(null, sys, soft);
        assertThat(f.system()).isEqualTo(sys);
        assertThat(f.software()).isEqualTo(soft);
    }
}
