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
        assertThat(f.systemLogs())
                .extracting(p -> p.getFileName().toString())
                .containsExactly("SYSTEM.LOG1", "system.log2");
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
    void aFileNothingReadsIsNamedInANote() throws Exception {
        touch("SYSTEM");
        touch("SYSTEM.LOG1");
        touch("Software.hiv");
        touch("live/notes.docx");
        Files.writeString(dir.resolve("baseline.reg"), "Windows Registry Editor Version 5.00\r\n");
        CaseFiles f = CaseFiles.locate(dir, null, null);
        assertThat(f.notes().stream().filter(n -> n.startsWith("not read: ")))
                .containsExactly(
                        "not read: baseline.reg is a .reg file other than the SYSTEM or SOFTWARE hive (give it with --overlay"
                                + " to apply it)",
                        "not read: " + Path.of("live", "notes.docx")
                                + " is neither a hive, a transaction log nor a recognised"
                                + " netstat, tasklist or PowerShell listing");
    }

    @Test
    void aSubfolderOfManyUnreadFilesGetsOneLine() throws Exception {
        touch("SYSTEM");
        for (int i = 1; i <= 5; i++) {
            touch("expected/0" + i + ".json");
        }
        CaseFiles f = CaseFiles.locate(dir, null, null);
        assertThat(f.notes().stream().filter(n -> n.startsWith("not read: ")))
                .containsExactly(
                        "not read: 5 files in expected (01.json, ...) that are neither a hive, a transaction log nor a"
                                + " recognised listing");
    }

    @Test
    void missingSystemIsAOneLineInputError() throws Exception {
        touch("SOFTWARE");
        assertThatThrownBy(() -> CaseFiles.locate(dir, null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no SYSTEM hive found")
                .hasMessageNotContaining("\n");
        assertThatThrownBy(() -> CaseFiles.locate(dir.resolve("nope"), null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no such case folder");
        assertThatThrownBy(() -> CaseFiles.locate(null, dir.resolve("SYSTEM"), null))
                .isInstanceOf(InputException.class)
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
