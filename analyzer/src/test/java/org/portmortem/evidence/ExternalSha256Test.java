package org.portmortem.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalSha256Test {
    @TempDir
    Path dir;

    /** A file of {@code size} pseudo-random bytes. */
    private Path randomFile(String name, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        return Files.write(dir.resolve(name), data);
    }

    private static String jdkSha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** An executable shell script in the temporary folder. */
    private Path program(String name, String script) throws Exception {
        Path p = Files.writeString(dir.resolve(name), "#!/bin/sh\n" + script + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private static final String C1_ALONE = "mixed mode, emulated-client, sharing";
    private static final String TIERED = "mixed mode, sharing";

    @Test
    void aLargeFileHashedBySha256sumHasTheJdksDigest() throws Exception {
        assumeTrue(ExternalSha256.find(System.getenv("PATH")).isPresent(), "no sha256sum on the path");
        Path file = randomFile("SOFTWARE", (int) ExternalSha256.MIN_SIZE + 12_345);
        assertThat(ExternalSha256.of(file, Files.size(file), C1_ALONE)).contains(jdkSha256(file));
        assertThat(FileDigest.of(file)).isEqualTo(new FileDigest(Files.size(file), jdkSha256(file)));
    }

    @Test
    void aSmallFileTheOptimisingCompilerOrTheJavaPropertyLeaveTheHashToTheJvm() throws Exception {
        Path small = randomFile("SYSTEM", 4096);
        assertThat(ExternalSha256.of(small, Files.size(small), C1_ALONE)).isEmpty();
        assertThat(FileDigest.of(small)).isEqualTo(new FileDigest(4096, jdkSha256(small)));
        Path large = randomFile("SOFTWARE", (int) ExternalSha256.MIN_SIZE);
        assertThat(ExternalSha256.of(large, Files.size(large), TIERED)).isEmpty();
        assertThat(ExternalSha256.of(large, Files.size(large), null)).isEmpty();
        System.setProperty(ExternalSha256.PROPERTY, "java");
        try {
            assertThat(ExternalSha256.of(large, Files.size(large), C1_ALONE)).isEmpty();
            assertThat(FileDigest.of(large)).isEqualTo(new FileDigest(Files.size(large), jdkSha256(large)));
        } finally {
            System.clearProperty(ExternalSha256.PROPERTY);
        }
    }

    @Test
    void hotspotSaysWhenItRunsWithoutItsOptimisingCompiler() {
        // java.vm.info of JDK 17 and 25 with -XX:TieredStopAtLevel=1, with -Xint, and by default
        assertThat(ExternalSha256.withoutOptimisingCompiler(C1_ALONE)).isTrue();
        assertThat(ExternalSha256.withoutOptimisingCompiler("mixed mode, emulated-client"))
                .isTrue();
        assertThat(ExternalSha256.withoutOptimisingCompiler("interpreted mode, sharing"))
                .isTrue();
        assertThat(ExternalSha256.withoutOptimisingCompiler(TIERED)).isFalse();
        assertThat(ExternalSha256.withoutOptimisingCompiler(null)).isFalse();
    }

    @Test
    void aProgramThatFailsOrPrintsSomethingElseGivesNoDigest() throws Exception {
        Path file = randomFile("SOFTWARE", 1000);
        assertThat(ExternalSha256.of(file, program("fails", "cat >/dev/null; exit 3")))
                .isEmpty();
        assertThat(ExternalSha256.of(file, program("upper", "echo " + "A".repeat(64) + "  -")))
                .isEmpty();
        assertThat(ExternalSha256.of(file, program("short", "echo " + "a".repeat(63) + "  -")))
                .isEmpty();
        assertThat(ExternalSha256.of(file, program("nothing", "true"))).isEmpty();
        assertThat(ExternalSha256.of(file, dir.resolve("no-such-program"))).isEmpty();
        // what it prints is taken only when it is digits and a space, as sha256sum writes them
        assertThat(ExternalSha256.of(file, program("digits", "cat >/dev/null; echo " + "0f".repeat(32) + "  -")))
                .contains("0f".repeat(32));
    }

    @Test
    void theFileIsTheProgramsStandardInputNotAnArgument() throws Exception {
        Path file = Files.writeString(dir.resolve("name with ; $(touch pwned) and spaces"), "abc");
        Path echoes = program("echoes", "printf '%s' \"$#\" >\"" + dir.resolve("argc") + "\"; sha256sum");
        assumeTrue(ExternalSha256.find(System.getenv("PATH")).isPresent(), "no sha256sum on the path");
        assertThat(ExternalSha256.of(file, echoes)).contains(jdkSha256(file));
        assertThat(Files.readString(dir.resolve("argc"), StandardCharsets.US_ASCII))
                .isEqualTo("0");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void anInterruptStopsTheProgramAndEndsInAnInterruptedIoException() throws Exception {
        Path file = randomFile("SOFTWARE", 1000);
        Path hangs = program("hangs", "exec sleep 60");
        FutureTask<Optional<String>> task = new FutureTask<>(() -> ExternalSha256.of(file, hangs));
        Thread t = new Thread(task, "hash");
        t.start();
        Thread.sleep(300);
        t.interrupt();
        assertThatThrownBy(() -> task.get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(InterruptedIOException.class);
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void onlyAnExecutableInAnAbsoluteFolderOfThePathIsUsed() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path notExecutable = Files.createDirectories(dir.resolve("plain"));
        Files.writeString(notExecutable.resolve("sha256sum"), "#!/bin/sh\n");
        Path real = Files.writeString(bin.resolve("sha256sum"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rwxr-xr-x"));
        String list = String.join(":", "", "relative/bin", notExecutable.toString(), bin.toString());
        assertThat(ExternalSha256.find(list)).contains(real);
        assertThat(ExternalSha256.find(notExecutable.toString())).isEmpty();
        assertThat(ExternalSha256.find(null)).isEmpty();
    }

    @Test
    void sha256sumsLineIsReadAsItsDigitsOnly() {
        String digits = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        assertThat(ExternalSha256.parse((digits + "  -\n").getBytes(StandardCharsets.US_ASCII)))
                .contains(digits);
        assertThat(ExternalSha256.parse((digits + "-\n").getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(ExternalSha256.parse(digits.getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(ExternalSha256.parse(new byte[0])).isEmpty();
    }
}
