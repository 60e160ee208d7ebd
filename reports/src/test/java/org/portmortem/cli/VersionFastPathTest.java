package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code portmortem --version} answers before picocli is set up, with the same line and exit code. */
class VersionFastPathTest {

    @Test
    void versionAloneFromMainPrintsWhatPicocliPrints() throws Exception {
        StringWriter viaPicocli = new StringWriter();
        picocli.CommandLine cl = PortMortemCommand.commandLine("--version");
        cl.setOut(new PrintWriter(viaPicocli));
        int picocliExit = cl.execute("--version");

        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "--version")
                .redirectErrorStream(true)
                .start();
        String viaMain = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).isEqualTo(picocliExit).isZero();
        assertThat(viaMain.strip()).isEqualTo(viaPicocli.toString().strip()).startsWith("portmortem ");
        assertThat(viaMain).isEqualTo(viaPicocli.toString().strip() + System.lineSeparator());
    }
}
