package org.portmortem.fleet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import org.portmortem.InputException;

/**
 * One fleet run: the inputs expanded into hosts, the output folder checked against them (no output
 * goes into an input, and no input lies in the output folder), the engine run, and
 * {@code fleet.json}, {@code fleet.jsonl} and {@code fleet.html} written (each beside and renamed,
 * so a reader never sees half a file).
 */
public final class FleetRun {
    private FleetRun() {}

    /** The hosts of the inputs, after the output folder was checked against them. */
    public static List<HostInput> hosts(List<Path> inputs, Path out) throws IOException {
        List<HostInput> hosts = FleetInputs.expand(inputs);
        Path o = real(out);
        for (Path in : inputs) {
            refuseOverlap(real(in), in, o, out);
        }
        for (HostInput h : hosts) {
            refuseOverlap(real(Path.of(h.input())), Path.of(h.input()), o, out);
        }
        return hosts;
    }

    /**
     * Runs the fleet and writes its files.
     *
     * @param progressFor given the number of hosts, the progress to report to ({@link FleetEngine.Progress#NONE} when quiet)
     */
    public static FleetEngine.Result run(
            List<HostInput> hosts,
            Path out,
            FleetEngine engine,
            HostRun run,
            boolean html,
            String toolVersion,
            Instant runTime,
            java.util.function.IntFunction<FleetEngine.Progress> progressFor)
            throws Exception {
        Files.createDirectories(out);
        FleetEngine.Result result = engine.run(hosts, run, progressFor.apply(hosts.size()));
        ObjectNode tree = FleetReport.tree(result, toolVersion, runTime);
        replacing(out.resolve("fleet.json"), p -> FleetReport.writeJson(tree, p));
        replacing(out.resolve("fleet.jsonl"), p -> FleetReport.writeLines(result.hosts(), p));
        replacing(out.resolve("fleet.html"), p -> FleetHtml.write(result, html, toolVersion, runTime, p));
        return result;
    }

    private interface Writer {
        void write(Path p) throws IOException;
    }

    private static void replacing(Path file, Writer w) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        w.write(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void refuseOverlap(Path in, Path given, Path out, Path outGiven) throws InputException {
        if (out.startsWith(in)) {
            throw new InputException(
                    outGiven,
                    "is inside the input " + given
                            + ": outputs are never written into evidence; choose another --out folder");
        }
        if (in.startsWith(out)) {
            throw new InputException(
                    given,
                    "lies inside the output folder " + outGiven
                            + ", whose files a run replaces; move it or choose another --out folder");
        }
    }

    /** The real path of a file, or of its nearest existing parent with the rest appended. */
    private static Path real(Path p) throws IOException {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? abs : existing.toRealPath().resolve(existing.relativize(abs));
    }
}
