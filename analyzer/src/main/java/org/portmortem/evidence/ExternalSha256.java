package org.portmortem.evidence;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The SHA-256 of a large file taken by GNU coreutils' {@code sha256sum}, when one is on the path.
 *
 * <p>Why: the launcher runs the JVM with its first compiler alone (it starts sooner), and the JDK's
 * SHA-256 then runs without its processor intrinsic at about 150 MB/s here: a 104 MB hive took 0.7 s
 * of CPU, as much as the rest of its analysis, where {@code sha256sum} takes 0.25 s
 * (bench/README.md). A real SOFTWARE hive is of that size. With the optimising compiler (disk images)
 * the JDK's intrinsic is the faster, and the JVM hashes. The file is only read: it becomes the
 * program's standard input, opened read-only by the JVM, and its name is never on a command line.
 *
 * <p>Anything unexpected (no such program, a failed start, an exit code other than 0, output that is
 * not 64 lower-case hexadecimal digits and a space) gives no digest, and {@link FileDigest} hashes the
 * file itself: the result is the same digest either way, only its cost differs.
 */
final class ExternalSha256 {
    /** Below this size the JVM's own hash costs less than starting a process. */
    static final long MIN_SIZE = 8L << 20;

    /** {@code -Dportmortem.digest=java}: every file hashed in the JVM (for comparisons). */
    static final String PROPERTY = "portmortem.digest";

    private ExternalSha256() {}

    /** The {@code sha256sum} found on the path, looked for once. */
    private static final class OnPath {
        static final Optional<Path> PROGRAM = find(System.getenv("PATH"));
    }

    /** The first executable {@code sha256sum} in a path list, if any. */
    static Optional<Path> find(String pathList) {
        if (pathList == null) {
            return Optional.empty();
        }
        for (String dir : pathList.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue; // an empty entry means the working folder, never searched for a program to trust
            }
            Path p = Path.of(dir, "sha256sum");
            if (p.isAbsolute() && Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The digest of a file of at least {@link #MIN_SIZE} bytes by the {@code sha256sum} on the path, when
     * this JVM runs without its optimising compiler; empty for a smaller file, when there is no such
     * program, when the JVM has its optimising compiler (whose SHA-256 intrinsic outruns coreutils:
     * disk images, see the launcher), when {@code -Dportmortem.digest=java} is set, or when it fails.
     *
     * @throws InterruptedIOException if the calling thread is interrupted (the process is stopped)
     */
    static Optional<String> of(Path file, long size) throws InterruptedIOException {
        return of(file, size, System.getProperty("java.vm.info"));
    }

    /**
     * As {@link #of(Path, long)}, for a JVM that describes itself as {@code vmInfo} (the system
     * property {@code java.vm.info}).
     */
    static Optional<String> of(Path file, long size, String vmInfo) throws InterruptedIOException {
        if (size < MIN_SIZE
                || !withoutOptimisingCompiler(vmInfo)
                || "java".equals(System.getProperty(PROPERTY))
                || OnPath.PROGRAM.isEmpty()) {
            return Optional.empty();
        }
        return of(file, OnPath.PROGRAM.get());
    }

    /**
     * Whether a JVM of this {@code java.vm.info} runs without its optimising compiler: HotSpot says
     * "emulated-client" for {@code -XX:TieredStopAtLevel=1} (the launcher's ordinary runs) and
     * "interpreted mode" for {@code -Xint}.
     */
    static boolean withoutOptimisingCompiler(String vmInfo) {
        return vmInfo != null && (vmInfo.contains("emulated-client") || vmInfo.contains("interpreted mode"));
    }

    /**
     * The digest of a file by the given program, run with the file as its standard input.
     *
     * @throws InterruptedIOException if the calling thread is interrupted (the process is stopped)
     */
    static Optional<String> of(Path file, Path program) throws InterruptedIOException {
        Process p;
        try {
            p = new ProcessBuilder(program.toString())
                    .redirectInput(file.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        try {
            // "<64 hex digits>  -\n" is far smaller than a pipe's buffer: waiting first cannot block the program
            if (p.waitFor() != 0) {
                return Optional.empty();
            }
            try (InputStream out = p.getInputStream()) {
                return parse(out.readNBytes(128));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(file + ": hashing interrupted");
        } catch (IOException e) {
            return Optional.empty();
        } finally {
            p.destroy(); // a program that printed and kept running, or one left after an error
        }
    }

    /** The 64 lower-case hexadecimal digits that start {@code sha256sum}'s line, followed by a space. */
    static Optional<String> parse(byte[] line) {
        if (line.length < 65 || line[64] != ' ') {
            return Optional.empty();
        }
        for (int i = 0; i < 64; i++) {
            byte c = line[i];
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return Optional.empty();
            }
        }
        return Optional.of(new String(line, 0, 64, StandardCharsets.US_ASCII));
    }
}
