package org.portmortem.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.portmortem.fleet.EmbeddedEngine;
import org.portmortem.fleet.FleetEngine;
import org.portmortem.fleet.FleetRun;
import org.portmortem.fleet.HostInput;
import org.portmortem.fleet.HostRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portmortem fleet}: many hosts analysed as {@code analyze} analyses one, and stacked so the
 * rare listeners, services and firewall settings come first.
 */
@Command(
        addMethodSubcommands = false,
        name = "fleet",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "%n",
        header = "Analyse many hosts and stack them, rarest first.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Each INPUT is a host or a folder of hosts. A host is a case folder (hives found by name as `analyze`"
                    + " finds them, also in a KAPE tree such as C/Windows/System32/config/) or a KAPE or Velociraptor"
                    + " offline-collector .zip, whose SYSTEM and SOFTWARE hives (and their logs) are extracted to a"
                    + " private temporary folder, deleted afterwards; Velociraptor's URL-encoded path components"
                    + " (C%%3A) are decoded. A folder with zip files, or with two or more subfolders holding hives, is"
                    + " a folder of hosts: each zip and subfolder is one host.",
            "",
            "Every host runs exactly the analysis of `portmortem analyze HOST --json FILE`, in this process, one"
                    + " worker per core, one host at a time per worker, its hives closed before the next; only a small"
                    + " summary of each host stays in memory. A host that cannot be read (a truncated hive, an empty"
                    + " folder, a zip without hives) is a failed row with its one-line error, never the end of the run.",
            "",
            "Writes into DIR: hosts/<host>.json (the report `analyze --json` writes; with --html also"
                    + " hosts/<host>.html); fleet.jsonl (one line per host and listener); fleet.json (hosts and the"
                    + " stacking tables, rarest first: listeners by protocol, port and owner; automatic services;"
                    + " firewall settings in force; JSON Schema /schema/portmortem-fleet.schema.json in the jar);"
                    + " fleet.html (one self-contained page: rarest first, the host x listener matrix, the failed hosts).",
            "",
            "A re-run skips the hosts whose report is newer than every file of their input (--force redoes them)."
                    + " Inputs are only read, and DIR may not lie inside an input or hold one. Host ids are the folder"
                    + " or zip names; output is sorted, and with --timestamp identical from run to run.",
            "",
            "--engine spark runs the same per-host function as an Apache Spark job when Spark is on the class path"
                    + " (see the README: spark-submit with portmortem-fleet.jar).",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem fleet /cases/estate --out /cases/estate-fleet",
            "  portmortem fleet collections/*.zip kape/HOST01 --out fleet --html --timestamp 2026-01-01T00:00:00Z",
            "",
            "Exit codes:",
            "  0  the fleet files were written (failed hosts are rows in them)",
            "  2  usage error",
            "  3  an INPUT is missing or not a folder or zip, or DIR overlaps an input",
            "  4  internal error (a bug; --debug shows the stack trace) or out of memory",
        })
public final class FleetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description = "A case folder, KAPE tree or .zip collection, or a folder of them.")
    List<Path> inputs = new ArrayList<>();

    @Option(
            names = "--out",
            required = true,
            paramLabel = "DIR",
            description = "The output folder (created if needed).")
    Path out;

    @Option(names = "--html", description = "Also write each host's HTML report.")
    boolean html;

    @Option(names = "--force", description = "Analyse every host again, even when its report is up to date.")
    boolean force;

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            defaultValue = "embedded",
            description =
                    "embedded (default: this process) or spark (an Apache Spark job; Spark must be on the class path).")
    String engine;

    @Option(
            names = "--workers",
            paramLabel = "N",
            description = "Parallel hosts for the embedded engine (default: the number of cores).")
    Integer workers;

    @Mixin
    ReportRunOptions run;

    @Override
    public Integer call() throws Exception {
        Instant runTime = run.runTime();
        FleetEngine chosen = engine(engine);
        List<HostInput> hosts = FleetRun.hosts(inputs, out);
        HostRun hostRun = new HostRun(out, html, force, runTime, run.caseId(), run.examiner());
        PrintWriter err = spec.commandLine().getErr();
        boolean terminal = System.console() != null;
        FleetEngine.Result r = FleetRun.run(
                hosts,
                out,
                chosen,
                hostRun,
                html,
                PortMortemCommand.version(),
                runTime,
                n -> terminal ? org.portmortem.fleet.FleetProgress.onTerminal(err, n) : FleetEngine.Progress.NONE);
        long failed = r.hosts().stream().filter(h -> !h.ok()).count();
        PrintWriter o = spec.commandLine().getOut();
        o.println("Fleet: " + out.resolve("fleet.html").toAbsolutePath());
        o.println("       " + out.resolve("fleet.json").toAbsolutePath());
        o.println(r.hosts().size() + " hosts: " + (r.hosts().size() - failed) + " analysed, " + failed + " failed");
        r.stacking().stream()
                .limit(5)
                .forEach(s -> o.println("  rarest: " + s.hostCount() + " host" + (s.hostCount() == 1 ? "" : "s") + " — "
                        + describe(s.key())));
        o.flush();
        return ExitCode.OK;
    }

    private static String describe(org.portmortem.fleet.StackKey k) {
        return switch (k.table()) {
            case org.portmortem.fleet.StackKey.LISTENER ->
                k.a() + " " + (k.port() == null ? "dynamic" : k.port()) + " " + k.c();
            case org.portmortem.fleet.StackKey.SERVICE -> "automatic service " + k.a();
            default -> "firewall " + k.a() + ": " + k.b();
        };
    }

    private FleetEngine engine(String name) {
        if (name.equals("embedded")) {
            return workers == null ? new EmbeddedEngine() : new EmbeddedEngine(workers);
        }
        try {
            for (FleetEngine e : ServiceLoader.load(FleetEngine.class)) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--engine " + name + ": the engine is present but its" + " libraries are not (" + e.getMessage()
                            + "); run it through spark-submit (see the README)");
        }
        throw new ParameterException(
                spec.commandLine(),
                "--engine " + name + ": no such engine on the class path"
                        + (name.equals("spark")
                                ? " (Spark and portmortem-fleet.jar are needed: see the README's spark-submit line)"
                                : " (embedded or spark)"));
    }
}
