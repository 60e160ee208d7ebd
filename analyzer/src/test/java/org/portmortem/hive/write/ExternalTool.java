package org.portmortem.hive.write;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs an independent registry reader installed on the machine (CI installs them via apt). */
final class ExternalTool {
    private ExternalTool() {}

    /** Skips the calling test, with the reason shown, when the tool is not on the PATH. */
    static void assumeInstalled(String tool) {
        boolean found = false;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                found = true;
            }
        }
        assumeTrue(
                found, tool + " is not installed (apt: reglookup, libhivex-bin, libregf-utils); cross-check skipped");
    }

    /** Result of a run: exit code, standard output and standard error as UTF-8. */
    record Run(int exitCode, String out, String err) {}

    static Run run(Path workDir, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "tool", ".out");
        Path err = Files.createTempFile(workDir, "tool", ".err");
        Process p = new ProcessBuilder(new ArrayList<>(List.of(command)))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 120 s");
        }
        return new Run(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
