package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.hive.Hive;
import org.portmortem.hive.write.HiveWriter;
import picocli.CommandLine;

class ConvertCommandTest {
    private static final String REG = "Windows Registry Editor Version 5.00\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\Select]\r\n\"Current\"=dword:00000001\r\n\r\n"
            + "[HKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Services\\NetBT\\Parameters]\r\n"
            + "\"SMBDeviceEnabled\"=dword:00000000\r\n\"Broken\"=dword:zz\r\n";

    @TempDir
    Path dir;

    Path reg;
    StringWriter out;
    StringWriter err;

    @BeforeEach
    void writeInput() throws Exception {
        reg = dir.resolve("base.reg");
        Files.writeString(reg, REG);
        out = new StringWriter();
        err = new StringWriter();
    }

    private int run(String... args) {
        CommandLine cl = PortMortemCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void convertsARegExportToTheRegfFileTheWriterMakesAndPrintsTheCounts() throws Exception {
        Path hive = dir.resolve("SYSTEM");
        int code = run("convert", "--timestamp", "2002-09-02T10:00:00Z", reg.toString(), hive.toString());
        assertThat(code).as("stderr: %s", err).isEqualTo(ExitCode.OK);
        // root, Select, ControlSet001, Services, NetBT, Parameters
        assertThat(out.toString()).startsWith("wrote " + hive + ": 6 keys, 2 values, 8192 bytes (regf 1.5");
        assertThat(out.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("line 8: base.reg: dword data");
        try (Hive source = Hive.open(reg)) {
            byte[] expected = HiveWriter.builder(Instant.parse("2002-09-02T10:00:00Z"))
                    .embeddedFileName("SYSTEM")
                    .build()
                    .toBytes(source);
            assertThat(Files.readAllBytes(hive)).isEqualTo(expected);
        }
    }

    @Test
    void anExistingOutputIsKeptWithoutForceAndReplacedWithIt() throws Exception {
        Path hive = dir.resolve("out.hiv");
        Files.writeString(hive, "previous");
        assertThat(run("convert", reg.toString(), hive.toString())).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains(hive + ": exists; add --force");
        assertThat(Files.readString(hive)).isEqualTo("previous");
        assertThat(run("convert", "--force", "--timestamp", "2002-09-02", reg.toString(), hive.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readAllBytes(hive)).startsWith('r', 'e', 'g', 'f');
    }

    @Test
    void aMissingInputIsExitCode3WithOneLineNamingIt() {
        Path missing = dir.resolve("nope.reg");
        assertThat(run("convert", missing.toString(), dir.resolve("x").toString()))
                .isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("portmortem: " + missing + ": no such file");
        assertThat(Files.exists(dir.resolve("x"))).isFalse();
    }

    @Test
    void anOutputInAMissingFolderIsExitCode3NamingTheFolder() {
        Path out = dir.resolve("no-such-folder").resolve("SYSTEM");
        assertThat(run("convert", reg.toString(), out.toString())).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(err.toString().strip())
                .isEqualTo("portmortem: " + out + ": cannot be written: folder " + out.getParent() + " does not exist");
    }

    @Test
    void anUnreadableTimestampIsAUsageError() {
        assertThat(run(
                        "convert",
                        "--timestamp",
                        "yesterday",
                        reg.toString(),
                        dir.resolve("x").toString()))
                .isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("'yesterday' is not an ISO-8601 time");
    }

    @Test
    void helpReadsLikeAManPageWithExamplesAndExitCodes() {
        assertThat(run("convert", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains(
                        "Usage: portmortem convert",
                        "Arguments:",
                        "Options:",
                        "Examples:",
                        "Exit codes:",
                        "--force",
                        "--timestamp");
    }
}
