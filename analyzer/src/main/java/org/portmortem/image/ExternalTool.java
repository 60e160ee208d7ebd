package org.portmortem.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command-line tool (The Sleuth Kit, qemu-img) without a shell: arguments passed as they
 * are, output bounded, a timeout, and a missing tool reported in one line naming the Debian package
 * to install.
 */
final class ExternalTool {
    /** The most text a listing tool may print before it is stopped (a directory of a real volume fits easily). */
    static final int MAX_TEXT = 16 << 20;

    private static final long TEXT_TIMEOUT_SECONDS = 120;

    private ExternalTool() {}

    /**
     * What a tool printed.
     *
     * @param exitCode the exit status
     * @param out standard output as UTF-8 (The Sleuth Kit prints names as UTF-8)
     * @param err the first lines of standard error, for the message when it failed
     */
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }

        /** The first line of standard error, or the exit status. */
        String reason() {
            String e = err.strip();
            int nl = e.indexOf('\n');
            String first = nl < 0 ? e : e.substring(0, nl);
            return first.isEmpty() ? "exit status " + exitCode : first;
        }
    }

    /** Runs a listing tool and captures its text, stopping it past {@link #MAX_TEXT} bytes or the timeout. */
    static Result text(Path evidence, String pkg, List<String> command) throws IOException {
        Process p = start(evidence, pkg, command, null);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = drain(p.getErrorStream(), err, 64 << 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread outReader = drain(p.getInputStream(), out, MAX_TEXT + 1);
        int code = waitFor(p, evidence, command, TEXT_TIMEOUT_SECONDS);
        join(outReader, errReader);
        if (out.size() > MAX_TEXT) {
            throw new ImageException(
                    evidence, command.get(0) + " printed more than " + (MAX_TEXT >> 20) + " MB; stopped");
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs a tool whose standard output goes to a file (icat, qemu-img's own output file). */
    static Result toFile(Path evidence, String pkg, List<String> command, Path outFile, long timeoutSeconds)
            throws IOException {
        Process p = start(evidence, pkg, command, outFile);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread errReader = drain(p.getErrorStream(), err, 64 << 10);
        int code = waitFor(p, evidence, command, timeoutSeconds);
        join(errReader);
        return new Result(code, "", err.toString(StandardCharsets.UTF_8));
    }

    private static Process start(Path evidence, String pkg, List<String> command, Path outFile) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        if (outFile != null) {
            pb.redirectOutput(outFile.toFile());
        } else if (command.get(0).equals("qemu-img")) {
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        }
        // Dates are asked for in UTC explicitly (-z UTC); the environment is left as it is otherwise.
        try {
            return pb.start();
        } catch (IOException e) {
            throw new ImageException(
                    evidence, "cannot run " + command.get(0) + " (is it installed? apt-get install " + pkg + ")", e);
        }
    }

    private static int waitFor(Process p, Path evidence, List<String> command, long seconds) throws IOException {
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ImageException(
                        evidence, command.get(0) + " did not finish within " + seconds + " s; stopped");
            }
            return p.exitValue();
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ImageException(evidence, command.get(0) + " interrupted");
        }
    }

    /** Reads a stream on its own thread (so neither pipe can fill and block the tool), keeping at most {@code limit} bytes. */
    private static Thread drain(InputStream in, ByteArrayOutputStream sink, int limit) {
        Thread t = new Thread(
                () -> {
                    byte[] buf = new byte[1 << 16];
                    try (in) {
                        for (int n; (n = in.read(buf)) > 0; ) {
                            synchronized (sink) {
                                int room = limit - sink.size();
                                if (room > 0) {
                                    sink.write(buf, 0, Math.min(n, room));
                                }
                            }
                        }
                    } catch (IOException ignored) {
                        // The process ended or was stopped; what was read is kept.
                    }
                },
                "portmortem-tool-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void join(Thread... threads) {
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
