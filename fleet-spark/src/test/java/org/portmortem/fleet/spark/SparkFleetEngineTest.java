package org.portmortem.fleet.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.bench.FleetGenerator;
import org.portmortem.cli.PortMortemCommand;
import picocli.CommandLine;

/**
 * The Spark engine ({@code local[2]}, loopback only, no UI: see the surefire configuration) against
 * the embedded engine on the same small generated fleet, broken hosts included.
 */
class SparkFleetEngineTest {
    private static final String T = "2026-01-01T00:00:00Z";

    @Test
    void sparkAndEmbeddedEnginesWriteIdenticalFleetFiles(@TempDir Path dir) throws IOException {
        FleetGenerator.Fleet fleet = new FleetGenerator(fixtures()).write(8, dir.resolve("estate"), true);
        Path embedded = dir.resolve("embedded");
        Path spark = dir.resolve("spark");
        assertThat(fleetRun(fleet.root(), embedded, "embedded")).isZero();
        assertThat(fleetRun(fleet.root(), spark, "spark")).isZero();

        assertThat(Files.readString(spark.resolve("fleet.json")))
                .isEqualTo(Files.readString(embedded.resolve("fleet.json")));
        assertThat(Files.readString(spark.resolve("fleet.jsonl")))
                .isEqualTo(Files.readString(embedded.resolve("fleet.jsonl")));
        assertThat(Files.readString(spark.resolve("fleet.json"))).contains("\"failedCount\" : 3", "\"hostCount\" : 11");
        List<String> reports = names(embedded.resolve("hosts"));
        assertThat(names(spark.resolve("hosts"))).isEqualTo(reports).hasSize(8);
        for (String r : reports) {
            assertThat(Files.readString(spark.resolve("hosts").resolve(r)))
                    .isEqualTo(Files.readString(embedded.resolve("hosts").resolve(r)));
        }
    }

    private static int fleetRun(Path in, Path out, String engine) {
        CommandLine cl = PortMortemCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(new StringWriter()));
        int code = cl.execute("fleet", in.toString(), "--out", out.toString(), "--engine", engine, "--timestamp", T);
        assertThat(err.toString()).as(engine).isEmpty();
        return code;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static Path fixtures() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("fixtures/winxp-default"))) {
            p = p.getParent();
        }
        return p.resolve("fixtures");
    }
}
