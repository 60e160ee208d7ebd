package org.portmortem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.commons.io.file.PathUtils;
import org.portmortem.BundledResource;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.cases.CaseFiles;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.report.HtmlReport;
import org.portmortem.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code portmortem demo}: analyses the bundled reference system, the seed paper's default Windows
 * 2000 Server, and writes {@code portmortem-demo.html} and {@code portmortem-demo.json}. The
 * reference system's hives and its first netstat listing are extracted from the jar to a temporary
 * folder, analysed like any case, and deleted.
 */
@Command(
        addMethodSubcommands = false,
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "%n",
        header = "Analyse the bundled Windows 2000 Server reference system.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Runs the same analysis as 'portmortem analyze' on the reference system the seed paper starts from"
                    + " (HSC 2002, 'Minimization of network services on Windows systems'): a default Windows 2000"
                    + " Server, as the SYSTEM.reg and SOFTWARE.reg exports bundled in the jar, with the paper's first"
                    + " netstat -an listing as the observed snapshot.",
            "",
            "Writes portmortem-demo.html and portmortem-demo.json to the current directory (or --out DIR), then"
                    + " prints their paths and a five-line summary: the system, the listeners predicted, the findings"
                    + " by severity, observed versus predicted, and the outcome of the hardening plan.",
        },
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem demo",
            "  portmortem demo --out /tmp/demo --timestamp 2026-01-01T00:00:00Z",
            "",
            "Exit codes:",
            "  0  the demo reports were written",
            "  2  usage error",
            "  3  the output folder cannot be written",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class DemoCommand implements Callable<Integer> {
    /** The bundled reference system, as a classpath folder. */
    static final String REFERENCE_SYSTEM = "fixtures/win2000-server-default";
    /** The files of it the demo analyses: the two hives and the paper's netstat before hardening. */
    static final List<String> FILES = List.of("SYSTEM.reg", "SOFTWARE.reg", "netstat-00.txt");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = ".",
            description = "The folder to write portmortem-demo.html and portmortem-demo.json to (default: the current"
                    + " directory).")
    Path out;

    @Option(
            names = "--timestamp",
            paramLabel = "INSTANT",
            description = "Use this run time (ISO-8601 instant) instead of the clock.")
    String timestamp;

    @Override
    public Integer call() throws IOException {
        Instant runTime = ReportRunOptions.runTime(spec, timestamp);
        Files.createDirectories(out);
        Path html = out.resolve("portmortem-demo.html");
        Path json = out.resolve("portmortem-demo.json");
        Path folder = Files.createTempDirectory("portmortem-demo-");
        try {
            for (String name : FILES) {
                extract(REFERENCE_SYSTEM + "/" + name, folder.resolve(name));
            }
            CaseFiles files = CaseFiles.locate(folder, null, null);
            new OutputGuard()
                    .caseFiles(files)
                    .input(folder.resolve("netstat-00.txt"))
                    .check(html, json);
            AnalysisRequest request = new AnalysisRequest(
                    files,
                    List.of(folder.resolve("netstat-00.txt")),
                    List.of(),
                    ModelOptions.DEFAULT,
                    HiveOpenOptions.DEFAULT,
                    new AnalysisRequest.RunInfo(PortMortemCommand.version(), runTime, "demo", null),
                    new AnalysisRequest.PathLabels(folder, "bundled:" + REFERENCE_SYSTEM));
            Analysis analysis = CaseAnalysis.run(request);
            HtmlReport.write(analysis, html);
            JsonReport.write(analysis, json);
            PrintWriter w = spec.commandLine().getOut();
            w.println("HTML report: " + html.toAbsolutePath().normalize());
            w.println("JSON report: " + json.toAbsolutePath().normalize());
            analysis.summary().forEach(w::println);
            w.flush();
            return ExitCode.OK;
        } finally {
            PathUtils.deleteDirectory(folder);
        }
    }

    private static void extract(String resource, Path to) throws IOException {
        Files.write(to, BundledResource.bytes(DemoCommand.class, "/" + resource), StandardOpenOption.CREATE_NEW);
    }
}
