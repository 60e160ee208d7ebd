package org.portmortem.fleet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.portmortem.JsonTrees;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.cases.CaseFiles;
import org.portmortem.cli.AnalyzeCommand;
import org.portmortem.cli.PortMortemCommand;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;
import org.portmortem.report.HtmlReport;
import org.portmortem.report.JsonReport;

/**
 * The per-host function both engines run: one host analysed exactly as {@code portmortem analyze
 * CASE --json FILE} analyses it (the case's files and listings found the same way, then
 * {@link CaseAnalysis#run} and {@link JsonReport}), its report written to
 * {@code hosts/<id>.json} (and {@code .html}), and its {@link HostSummary} read back from that
 * report. A host that cannot be read gives a failed summary with its one-line error, never an
 * exception; the hives are closed, and a zip's temporary folder deleted, before it returns.
 *
 * <p>Serializable, so a Spark executor can run it: it holds only strings, flags and an instant.
 */
public final class HostRun implements Serializable {
    private static final long serialVersionUID = 1L;
    /** Reports read back into trees with the streaming parser ({@link JsonTrees}), not the object mapper. */
    private static final JsonFactory JSON = new JsonFactory();

    private final String outDir;
    private final boolean html;
    private final boolean force;
    private final Instant runTime;
    private final String caseId;
    private final String examiner;
    private final String toolVersion;

    /**
     * @param outDir the fleet output folder; reports go to its {@code hosts/} folder
     * @param html whether to write each host's HTML report too
     * @param force whether to analyse hosts whose report is newer than their inputs
     * @param runTime the run time every host report gives
     * @param caseId the case identifier for every host report, or {@code null}
     * @param examiner the examiner for every host report, or {@code null}
     */
    public HostRun(Path outDir, boolean html, boolean force, Instant runTime, String caseId, String examiner) {
        this.outDir = outDir.toAbsolutePath().normalize().toString();
        this.html = html;
        this.force = force;
        this.runTime = Objects.requireNonNull(runTime, "runTime");
        this.caseId = caseId;
        this.examiner = examiner;
        this.toolVersion = PortMortemCommand.version();
    }

    /** The folder the host reports are written to. */
    public Path hostsFolder() {
        return Path.of(outDir, "hosts");
    }

    /** Analyses one host (or reuses its up-to-date report) and returns its summary. */
    public HostSummary analyse(HostInput in) {
        Path json = hostsFolder().resolve(in.id() + ".json");
        Path htmlFile = hostsFolder().resolve(in.id() + ".html");
        String reportPath = "hosts/" + in.id() + ".json";
        try {
            Files.createDirectories(hostsFolder());
            if (!force && upToDate(in, json, htmlFile)) {
                try (JsonParser p = JSON.createParser(Files.readString(json, StandardCharsets.UTF_8))) {
                    return ReportDigest.summarise(in, JsonTrees.first(p), reportPath);
                }
            }
            ObjectNode report;
            if (in.kind() == HostInput.Kind.ZIP) {
                try (ZipCase zip = ZipCase.extract(Path.of(in.input()), null)) {
                    report = analyseFolder(
                            zip.folder(), new AnalysisRequest.PathLabels(zip.folder(), in.input() + "!"), htmlFile);
                }
            } else {
                report = analyseFolder(Path.of(in.input()), null, htmlFile);
            }
            writeReplacing(json, p -> JsonReport.write(report, p));
            return ReportDigest.summarise(in, report, reportPath);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // A stale report of an earlier run must not stand for a host that now fails.
            deleteQuietly(json);
            deleteQuietly(htmlFile);
            return HostSummary.failed(
                    in, PortMortemCommand.oneLine(e instanceof UncheckedIOException u ? u.getCause() : e));
        }
    }

    /**
     * The same request {@code analyze CASE} makes, without overlays or extra snapshots; writes the HTML
     * report when asked and returns the JSON report's tree (summarised from the tree, not from its text
     * parsed back).
     */
    private ObjectNode analyseFolder(Path caseFolder, AnalysisRequest.PathLabels labels, Path htmlFile)
            throws IOException {
        CaseFiles files = CaseFiles.locate(caseFolder, null, null);
        List<Path> snapshots = AnalyzeCommand.snapshotsOf(caseFolder, files);
        AnalysisRequest request = new AnalysisRequest(
                files,
                snapshots,
                List.of(),
                ModelOptions.DEFAULT,
                HiveOpenOptions.DEFAULT,
                new AnalysisRequest.RunInfo(toolVersion, runTime, caseId, examiner),
                labels);
        Analysis analysis = CaseAnalysis.run(request);
        if (html) {
            writeReplacing(htmlFile, p -> HtmlReport.write(analysis, p));
        }
        return JsonReport.tree(analysis);
    }

    /** Whether the host's outputs exist and are newer than every file of its input. */
    private boolean upToDate(HostInput in, Path json, Path htmlFile) throws IOException {
        if (!Files.isRegularFile(json) || html && !Files.isRegularFile(htmlFile)) {
            return false;
        }
        FileTime written = Files.getLastModifiedTime(json);
        Path input = Path.of(in.input());
        if (!Files.exists(input)) {
            return false;
        }
        try (Stream<Path> s = Files.walk(input, 16)) {
            return s.filter(Files::isRegularFile).noneMatch(p -> {
                try {
                    return Files.getLastModifiedTime(p).compareTo(written) >= 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    /** Writes a report to the file it is given. */
    private interface ReportWriter {
        void write(Path file) throws IOException;
    }

    /** Written beside and renamed, so a report is never half-written. */
    private static void writeReplacing(Path file, ReportWriter writer) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        writer.write(tmp);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // the failure row says what happened; a leftover file is not worth a second error
        }
    }
}
