package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./portmortem} launcher's choice of JVM flags: C1 alone for ordinary inputs, full tiered
 * compilation when an argument is a disk image (named like one, or a file of more than 512 MiB: hashed
 * at C2's speed), one compiler thread on two processors or fewer, and exactly {@code
 * PORTMORTEM_JAVA_OPTS} when it is set. The real script runs in a copy of the project's layout whose
 * {@code java} only prints its arguments and whose {@code nproc} says how many processors there are.
 */
class LauncherFlagsTest {
    @TempDir
    Path dir;

    private Path launcher;

    @BeforeEach
    void layout() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.isRegularFile(root.resolve("portmortem"))) {
            root = root.getParent();
        }
        assertThat(root).as("the launcher beside the root pom").isNotNull();
        launcher = dir.resolve("portmortem");
        Files.copy(root.resolve("portmortem"), launcher, StandardCopyOption.COPY_ATTRIBUTES);
        Path jar = dir.resolve("reports/target/portmortem.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "not run: java below only prints its arguments");
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        // every call is also logged (the training runs' output goes to /dev/null)
        Files.writeString(
                java,
                "#!/bin/sh\necho run\nprintf 'arg:%s\\n' \"$@\"\necho \"$*\" >>\"" + dir.resolve("calls.log") + "\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        processors("8");
    }

    /** What the {@code nproc} on the launcher's path prints. */
    private void processors(String count) throws IOException {
        Path nproc = dir.resolve("bin/nproc");
        Files.writeString(nproc, "#!/bin/sh\necho " + count + "\n");
        Files.setPosixFilePermissions(nproc, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The arguments the launcher passed to java for its last (exec'd) run. */
    private List<String> javaArguments(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("PORTMORTEM_JAVA_OPTS");
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        // the last run is the command's own (the ones before it train the class-data archive)
        List<String> lines = out.lines().toList();
        return lines.subList(lines.lastIndexOf("run") + 1, lines.size()).stream()
                .map(l -> l.substring("arg:".length()))
                .toList();
    }

    private Path sparseFile(String name, long size) throws IOException {
        Path f = dir.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size);
        }
        return f;
    }

    @Test
    void ordinaryInputsRunWithC1AloneAndTheArgumentsAfterTheMainClass() throws Exception {
        Path hive = sparseFile("SYSTEM", 12L << 20);
        List<String> args = javaArguments(Map.of(), "rip", "-r", hive.toString(), "-p", "nic2");
        assertThat(args).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData");
        // a diagnostic flag: after the option that unlocks it
        assertThat(args.indexOf("-XX:-BytecodeVerificationRemote"))
                .isGreaterThan(args.indexOf("-XX:+UnlockDiagnosticVMOptions"))
                .isGreaterThan(0);
        assertThat(args)
                .endsWith(
                        // the jar on the class path, not -jar: the JVM does not open it to read its manifest
                        "-cp",
                        dir.resolve("reports/target/portmortem.jar").toString(),
                        "org.portmortem.cli.Main",
                        "rip",
                        "-r",
                        hive.toString(),
                        "-p",
                        "nic2");
    }

    @Test
    void aFileOfMoreThan512MebibytesKeepsFullTieredCompilation() throws Exception {
        Path image = sparseFile("evidence.bin", (512L << 20) + 1);
        List<String> args = javaArguments(Map.of(), "image", image.toString());
        assertThat(args).doesNotContain("-XX:TieredStopAtLevel=1").contains("-XX:+UseSerialGC");
        assertThat(args).endsWith("image", image.toString());
    }

    @Test
    void aSmallFileNamedLikeADiskImageOrItsFirstSegmentKeepsFullTieredCompilation() throws Exception {
        for (String name : List.of("laptop.E01", "disk.001", "server.vmdk", "vm.VHDX", "sda.dd")) {
            Path image = sparseFile(name, 1 << 20);
            assertThat(javaArguments(Map.of(), "image", image.toString()))
                    .as(name)
                    .doesNotContain("-XX:TieredStopAtLevel=1");
        }
        Path hive = sparseFile("NTUSER.DAT", 1 << 20);
        assertThat(javaArguments(Map.of(), "dump", hive.toString())).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void aFileOfExactly512MebibytesIsNotLarge() throws Exception {
        Path hive = sparseFile("SOFTWARE", 512L << 20);
        assertThat(javaArguments(Map.of(), "dump", hive.toString())).contains("-XX:TieredStopAtLevel=1");
    }

    @Test
    void theClassDataArchiveIsMadeWithTheVerifierOnAndOnlyTheRunItselfSkipsIt() throws Exception {
        Path hive = sparseFile("SYSTEM", 1 << 20);
        javaArguments(Map.of(), "dump", hive.toString());
        List<String> calls = Files.readAllLines(dir.resolve("calls.log"));
        assertThat(calls).anyMatch(c -> c.contains("-Xshare:dump"));
        assertThat(calls.stream().filter(c -> c.contains("-Xshare:") || c.contains("-XX:DumpLoadedClassList")))
                .isNotEmpty()
                .noneMatch(c -> c.contains("BytecodeVerification"));
        assertThat(calls.get(calls.size() - 1)).contains("-XX:-BytecodeVerificationRemote");
    }

    @Test
    void theArchivesClassListKeepsEachLineAsOftenAsTheTrainingRunThatHasItMost() throws Exception {
        // Two call sites with lambdas of one signature give one @lambda-proxy line each, and the archive
        // holds one proxy class per line: a run's repeated line must survive the union of the runs.
        String lambda = "@lambda-proxy org/x/A apply ()Ljava/util/function/Function;";
        Files.writeString(
                dir.resolve("bin/java"),
                "#!/bin/bash\necho run\nprintf 'arg:%s\\n' \"$@\"\n"
                        + "for a in \"$@\"; do case \"$a\" in\n"
                        + "  -XX:DumpLoadedClassList=*) f=\"${a#*=}\"\n"
                        + "    case \"$*\" in\n"
                        + "      *analyze*) printf 'org/x/A\\n%s\\n%s\\norg/x/B\\n' '" + lambda + "' '" + lambda
                        + "' >\"$f\" ;;\n"
                        + "      *) printf 'org/x/A\\n%s\\norg/x/C\\n' '" + lambda + "' >\"$f\" ;;\n"
                        + "    esac ;;\n"
                        + "  -XX:SharedClassListFile=*) cp \"${a#*=}\" \"" + dir.resolve("merged.lst") + "\" ;;\n"
                        + "esac; done\n");
        javaArguments(Map.of(), "dump", sparseFile("SYSTEM", 1 << 20).toString());
        List<String> merged = Files.readAllLines(dir.resolve("merged.lst"));
        assertThat(merged.stream().filter(lambda::equals)).hasSize(2);
        assertThat(merged).containsOnlyOnce("org/x/A", "org/x/B", "org/x/C");
        // a class before the lambdas it creates, as each run listed them
        assertThat(merged.indexOf("org/x/A")).isLessThan(merged.indexOf(lambda));
    }

    @Test
    void aFileNamedLikeAFindActionIsOnlyMeasuredNeverActedOn() throws Exception {
        // find reads an argument starting with "-" as its expression: -fprint would create the next word as a file
        sparseFile("-fprint", 1 << 20);
        List<String> args = javaArguments(Map.of(), "dump", "-fprint");
        assertThat(args).endsWith("dump", "-fprint").contains("-XX:TieredStopAtLevel=1");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("portmortem", "reports", "bin", "calls.log", "-fprint");
        }
    }

    @Test
    void theLauncherFindsItsJarWhicheverWayItIsNamed() throws Exception {
        // run from its own folder as ./portmortem, by a relative path with a folder, and by bare name through bash
        Map<String, Path> commandAndFolder =
                Map.of("./portmortem", dir, "portmortem", dir, dir.getFileName() + "/portmortem", dir.getParent());
        for (Map.Entry<String, Path> run : commandAndFolder.entrySet()) {
            List<String> command = List.of("bash", run.getKey(), "--version");
            ProcessBuilder pb =
                    new ProcessBuilder(command).directory(run.getValue().toFile());
            pb.environment().remove("PORTMORTEM_JAVA_OPTS");
            pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            List<String> lines = out.lines().toList();
            String jar = lines.get(lines.lastIndexOf("arg:-cp") + 1).substring("arg:".length());
            assertThat(Path.of(jar).normalize())
                    .as(command.toString())
                    .isEqualTo(dir.resolve("reports/target/portmortem.jar"));
        }
    }

    @Test
    void portmortemJavaOptsReplaceTheFlagsWhateverTheInputSize() throws Exception {
        Path image = sparseFile("disk.raw", 1L << 30);
        List<String> args = javaArguments(
                Map.of("PORTMORTEM_JAVA_OPTS", "-XX:TieredStopAtLevel=1 -Xmx256m"), "image", image.toString());
        assertThat(args)
                .contains("-XX:TieredStopAtLevel=1", "-Xmx256m")
                .doesNotContain("-XX:+UseSerialGC", "-XX:-BytecodeVerificationRemote");
    }

    /** The flags for {@code dump} of a small hive with {@code nproc} printing each count, one list per count. */
    private List<List<String>> dumpArgumentsWithProcessors(String... counts) throws Exception {
        Path hive = sparseFile("SYSTEM", 1 << 20);
        List<List<String>> out = new ArrayList<>();
        for (String count : counts) {
            processors(count);
            out.add(javaArguments(Map.of(), "dump", hive.toString()));
        }
        return out;
    }

    @Test
    void onTwoProcessorsOrFewerOneCompilerThreadRuns() throws Exception {
        assertThat(dumpArgumentsWithProcessors("1", "2"))
                .allSatisfy(args -> assertThat(args).contains("-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1"));
    }

    @Test
    void onMoreProcessorsOrAnUnknownCountTheJvmChoosesItsCompilerThreads() throws Exception {
        assertThat(dumpArgumentsWithProcessors("3", "64", "", "two"))
                .allSatisfy(args -> assertThat(args)
                        .contains("-XX:TieredStopAtLevel=1")
                        .noneMatch(a -> a.startsWith("-XX:CICompilerCount")));
    }

    @Test
    void aDiskImageOnTwoProcessorsKeepsTheTwoThreadsFullTieredCompilationNeeds() throws Exception {
        processors("2");
        Path image = sparseFile("laptop.E01", 1 << 20);
        assertThat(javaArguments(Map.of(), "image", image.toString()))
                .doesNotContain("-XX:TieredStopAtLevel=1")
                .noneMatch(a -> a.startsWith("-XX:CICompilerCount"));
    }

    @Test
    void portmortemJavaOptsAreNotAddedToOnTwoProcessors() throws Exception {
        processors("2");
        Path hive = sparseFile("SYSTEM", 1 << 20);
        assertThat(javaArguments(Map.of("PORTMORTEM_JAVA_OPTS", "-Xmx256m"), "dump", hive.toString()))
                .contains("-Xmx256m")
                .noneMatch(a -> a.startsWith("-XX:CICompilerCount"));
    }
}
