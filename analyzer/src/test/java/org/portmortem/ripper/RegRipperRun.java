package org.portmortem.ripper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the installed RegRipper ({@code regripper -r HIVE -p PLUGIN}) and returns its output lines. */
final class RegRipperRun {
    static final Path REGRIPPER = Path.of("/usr/bin/regripper");

    private RegRipperRun() {}

    static boolean installed() {
        return Files.isExecutable(REGRIPPER);
    }

    /** The lines RegRipper prints on standard output (its log messages go to standard error). */
    static List<String> lines(Path hive, String plugin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(REGRIPPER.toString(), "-r", hive.toString(), "-p", plugin)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("regripper -p " + plugin + " did not finish on " + hive);
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
