package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/** What the cross-checks against other registry tools share: running both sides and comparing facts. */
final class ToolComparison {
    private ToolComparison() {}

    /** Runs {@code tool HIVE} with its output in a temporary file; skips the test if the tool fails. */
    static Path runTool(Path hive, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(command[0], ".out");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0 || Files.size(out) == 0) {
            Files.delete(out);
            assumeTrue(false, command[0] + " cannot read " + hive.getFileName() + "; nothing to compare with");
        }
        return out;
    }

    /** Runs {@code portmortem dump --format jsonl --no-logs HIVE} in-process into a temporary file. */
    static Path dumpJsonl(Path hive) throws IOException {
        Path jsonl = Files.createTempFile("dump", ".jsonl");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(jsonl, StandardCharsets.UTF_8))) {
            var cl = PortMortemCommand.commandLine();
            cl.setOut(out);
            cl.setErr(new PrintWriter(PrintWriter.nullWriter()));
            assertThat(cl.execute("dump", "--format", "jsonl", "--no-logs", hive.toString()))
                    .isZero();
        }
        return jsonl;
    }

    /** The JSON objects of a jsonl dump, one per line. */
    static List<JsonNode> dumpLines(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(json.readTree(line));
                }
            }
        }
        return out;
    }

    /** Asserts that every fact of the tool is ours and, unless {@code oursMayHaveMore}, the reverse. */
    static void assertSameFacts(String tool, Set<String> theirs, Set<String> ours, boolean oursMayHaveMore) {
        Set<String> missing = new TreeSet<>(theirs);
        missing.removeAll(ours);
        assertThat(missing).as("in " + tool + " but not in dump").isEmpty();
        if (!oursMayHaveMore) {
            Set<String> extra = new TreeSet<>(ours);
            extra.removeAll(theirs);
            assertThat(extra).as("in dump but not in " + tool).isEmpty();
        }
    }
}
