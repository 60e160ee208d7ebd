package org.portmortem.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.portmortem.InputException;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.cases.CaseFiles;
import org.portmortem.report.CsvReport;
import org.portmortem.report.HtmlReport;
import org.portmortem.report.JsonReport;
import org.portmortem.snapshot.RecognizedSnapshot;
import org.portmortem.snapshot.SnapshotFiles;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.Severity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code portmortem analyze}: the main command. Analyses a case and writes the HTML findings report
 * (and the JSON report when asked), prints a five-line summary, and exits 1 when a finding reaches
 * the {@code --fail-on} severity.
 */
@Command(
        addMethodSubcommands = false,
        name = "analyze",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "%n",
        header = "Analyse a case and write the findings report.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "Reads the SYSTEM and SOFTWARE hives of CASE (binary regf with their .LOG/.LOG1/.LOG2 replayed in"
                    + " memory, or .reg exports), and every netstat, tasklist or Get-NetTCPConnection/Get-NetUDPEndpoint"
                    + " listing found in the case folder (recognised by content, whatever the file name). Every"
                    + " input is hashed (SHA-256) before it is parsed and opened read-only.",
            "",
            "It builds the system model, decides what would run at the next boot, predicts every listening"
                    + " socket and RPC endpoint, compares the prediction with the listings, judges the findings by"
                    + " severity with their evidence and remediation, and walks the hardening plan: the listening set"
                    + " after each remediation, step by step.",
            "",
            "The HTML report is one file with no external resource, readable offline and printable; the JSON"
                    + " report holds the same content with a schemaVersion (fields documented in the README, checked"
                    + " against the JSON Schema /schema/portmortem-report.schema.json in the jar). With the same inputs both are byte-identical"
                    + " except for the run time, and fully identical with --timestamp.",
            "",
            "Each --overlay is a .reg file applied, in order, to in-memory copies of the hives before the"
                    + " analysis (what-if: a hardening baseline); the evidence files are never changed.",
            "",
            "Each --snapshot adds a listing kept outside the case folder (or given with the hives one by one); it"
                    + " must be a netstat, tasklist or Get-NetTCPConnection/Get-NetUDPEndpoint listing. Socket"
                    + " listings are compared oldest first in the order found, then given.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem analyze case01 -o case01.html --json case01.json --case-id 2026-017 --examiner \"J. Doe\"",
            "  portmortem analyze --system SYSTEM --software SOFTWARE --fail-on high",
            "  portmortem analyze case01 --overlay baseline.reg --timestamp 2026-01-01T00:00:00Z",
            "  portmortem analyze case01 --csv case01-tables",
            "  portmortem analyze --system SYSTEM --software SOFTWARE --snapshot netstat-ano.txt --snapshot tasklist.txt",
            "",
            "Exit codes:",
            "  0  the report was written and no finding reaches --fail-on",
            "  1  a finding is at or above the --fail-on severity (the report is still written)",
            "  2  usage error, or an output path would replace an input (a hive, a log, an overlay, a listing)",
            "  3  CASE, a hive, an overlay or a snapshot is missing, unreadable or not what it claims to be",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions caseOptions;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            defaultValue = "report.html",
            description = "Where to write the HTML report (default: ${DEFAULT-VALUE} in the current directory).")
    Path html;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the JSON report to FILE.")
    Path json;

    @Option(
            names = "--csv",
            paramLabel = "DIR",
            description = "Also write findings.csv, listeners.csv, rpc.csv and observed.csv into DIR (created when"
                    + " missing); cells a spreadsheet would evaluate are prefixed with a quote.")
    Path csv;

    @Mixin
    ReportRunOptions run;

    @Option(
            names = "--snapshot",
            paramLabel = "FILE",
            description = "A netstat, tasklist or Get-NetTCPConnection/Get-NetUDPEndpoint listing to compare with the"
                    + " prediction, besides those found in CASE; repeatable.")
    List<Path> givenSnapshots = new ArrayList<>();

    @Option(
            names = "--fail-on",
            paramLabel = "SEVERITY",
            description = "Exit with code 1 when a finding is at or above SEVERITY: info, low, medium or high.")
    String failOn;

    @Override
    public Integer call() throws IOException {
        Severity threshold = failOn == null ? null : severity(failOn);
        if (csv != null && Files.exists(csv) && !Files.isDirectory(csv)) {
            throw new ParameterException(
                    spec.commandLine(), "--csv: " + csv + " is a file, not a folder for the CSV tables");
        }
        Instant runTime = run.runTime();
        CaseFiles files = caseOptions.files();
        List<Path> snapshots = withGiven(snapshotsOf(caseOptions.caseFolder(), files), givenSnapshots);
        List<Path> outputs = new ArrayList<>(java.util.Arrays.asList(html, json));
        if (csv != null) {
            // A case folder may hold a listings.csv of its own: each table file is an output like the reports.
            CsvReport.FILES.forEach(name -> outputs.add(csv.resolve(name)));
        }
        new OutputGuard()
                .caseFiles(files)
                .inputs(caseOptions.overlays())
                .inputs(snapshots)
                .check(outputs.toArray(Path[]::new));
        AnalysisRequest request = new AnalysisRequest(
                files,
                snapshots,
                caseOptions.overlays(),
                caseOptions.modelOptions(),
                caseOptions.hiveOpenOptions(),
                new AnalysisRequest.RunInfo(PortMortemCommand.version(), runTime, run.caseId(), run.examiner()),
                caseOptions.labels());
        Analysis analysis = CaseAnalysis.run(request);
        writeReports(analysis);
        if (csv != null) {
            CsvReport.write(analysis, csv);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("HTML report: " + html.toAbsolutePath());
        if (json != null) {
            out.println("JSON report: " + json.toAbsolutePath());
        }
        if (csv != null) {
            out.println("CSV tables:  " + csv.toAbsolutePath() + " (" + String.join(", ", CsvReport.FILES) + ")");
        }
        analysis.summary().forEach(out::println);
        out.flush();
        CaseWarnings.print(spec.commandLine().getErr(), analysis.warnings());
        return reachesThreshold(analysis, threshold) ? ExitCode.FINDINGS : ExitCode.OK;
    }

    /**
     * Writes the HTML report and, on a second thread, the JSON report: both only read the finished
     * analysis, and for one host the second core would otherwise sit idle while each renderer's
     * library (jsoup, Jackson) loads. Returns when both are written; the first failure is thrown.
     */
    private void writeReports(Analysis analysis) throws IOException {
        FutureTask<Void> jsonWrite = null;
        if (json != null) {
            jsonWrite = new FutureTask<>(() -> {
                JsonReport.write(analysis, json);
                return null;
            });
            Thread t = new Thread(jsonWrite, "json-report");
            t.setDaemon(true);
            t.start();
        }
        try {
            HtmlReport.write(analysis, html);
        } catch (IOException | RuntimeException | Error e) {
            if (jsonWrite != null) {
                // the HTML failure is the one reported; the JSON writer is only let finish
                try {
                    jsonWrite.get();
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // reported instead: the HTML failure
                }
            }
            throw e;
        }
        if (jsonWrite != null) {
            awaitWritten(jsonWrite);
        }
    }

    private static void awaitWritten(FutureTask<Void> write) throws IOException {
        try {
            write.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the JSON report was written");
        } catch (ExecutionException e) {
            Failures.rethrow(e.getCause() == null ? e : e.getCause());
        }
    }

    /** Whether a finding is at or above the threshold ({@code null}: never). */
    static boolean reachesThreshold(Analysis analysis, Severity threshold) {
        if (threshold == null) {
            return false;
        }
        for (Finding f : analysis.findings()) {
            if (f.severity().isAtLeast(threshold)) {
                return true;
            }
        }
        return false;
    }

    private Severity severity(String word) {
        try {
            return Severity.parse(word);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    spec.commandLine(), "--fail-on: '" + word + "' is not a severity (info, low, medium, high)");
        }
    }

    /**
     * The listings found, then those given with --snapshot that were not already found; a given file
     * that does not exist or is a folder is bad input (its content is checked when it is read).
     */
    static List<Path> withGiven(List<Path> found, List<Path> given) throws InputException {
        List<Path> all = new ArrayList<>(found);
        Set<Path> seen = new java.util.HashSet<>();
        found.forEach(p -> seen.add(p.toAbsolutePath().normalize()));
        for (Path p : given) {
            if (!Files.isRegularFile(p)) {
                throw new InputException(
                        p, Files.isDirectory(p) ? "is a folder, not a snapshot listing" : "no such file");
            }
            if (seen.add(p.toAbsolutePath().normalize())) {
                all.add(p);
            }
        }
        return all;
    }

    /**
     * The snapshot listings in the case folder, recognised by content; the hives and their logs are
     * not snapshots. Without a case folder (hives given one by one) there are none.
     */
    public static List<Path> snapshotsOf(Path caseFolder, CaseFiles files) throws IOException {
        if (caseFolder == null || !Files.isDirectory(caseFolder)) {
            return List.of();
        }
        Set<Path> hives = new java.util.HashSet<>();
        hives.add(files.system().toAbsolutePath().normalize());
        files.softwareFile().ifPresent(p -> hives.add(p.toAbsolutePath().normalize()));
        files.systemLogs().forEach(p -> hives.add(p.toAbsolutePath().normalize()));
        files.softwareLogs().forEach(p -> hives.add(p.toAbsolutePath().normalize()));
        return SnapshotFiles.find(caseFolder).stream()
                .map(RecognizedSnapshot::file)
                .filter(p -> !hives.contains(p.toAbsolutePath().normalize()))
                .filter(p ->
                        !p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".reg"))
                .collect(Collectors.toList());
    }
}
