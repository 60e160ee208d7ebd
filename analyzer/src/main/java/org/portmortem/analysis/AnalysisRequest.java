package org.portmortem.analysis;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.portmortem.cases.CaseFiles;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;

/**
 * What to analyse and how: the files of a case, the overlays to apply, and the run metadata the
 * report header shows.
 *
 * @param files the hives of the case and the transaction logs beside them
 * @param snapshots netstat, tasklist and PowerShell listings taken on the machine, in the order given
 * @param overlays .reg files applied in order to in-memory copies of the hives
 * @param modelOptions which control set to analyse
 * @param hiveOptions whether transaction logs are replayed
 * @param run who ran the analysis, when, with which tool version, for which case
 * @param labels how file paths are shown in the report, or {@code null} to show them as given
 */
public record AnalysisRequest(
        CaseFiles files,
        List<Path> snapshots,
        List<Path> overlays,
        ModelOptions modelOptions,
        HiveOpenOptions hiveOptions,
        RunInfo run,
        PathLabels labels) {

    public AnalysisRequest {
        Objects.requireNonNull(files, "files");
        snapshots = List.copyOf(snapshots);
        overlays = List.copyOf(overlays);
        modelOptions = modelOptions == null ? ModelOptions.DEFAULT : modelOptions;
        hiveOptions = hiveOptions == null ? HiveOpenOptions.DEFAULT : hiveOptions;
        Objects.requireNonNull(run, "run");
    }

    /** The request without path relabelling. */
    public AnalysisRequest(
            CaseFiles files,
            List<Path> snapshots,
            List<Path> overlays,
            ModelOptions modelOptions,
            HiveOpenOptions hiveOptions,
            RunInfo run) {
        this(files, snapshots, overlays, modelOptions, hiveOptions, run, null);
    }

    /** How a file path is shown in the report. */
    public String label(Path file) {
        if (files.origin(file).isPresent()) {
            return files.shown(file); // a copy out of a disk image: named by its place in the image
        }
        return labels == null ? file.toString() : labels.label(file);
    }

    /**
     * Shows the files under a folder by another name: the demo extracts the bundled reference system to
     * a temporary folder, whose name would otherwise make every report differ.
     *
     * @param base the folder the files were placed in
     * @param shownAs what to show instead of {@code base}, e.g. {@code bundled:fixtures/win2000-server-default}
     */
    public record PathLabels(Path base, String shownAs) {
        /** The label of a file: {@code shownAs/relative/path} under base, else the path as given. */
        public String label(Path file) {
            Path abs = file.toAbsolutePath().normalize();
            Path b = base.toAbsolutePath().normalize();
            if (!abs.startsWith(b)) {
                return file.toString();
            }
            StringBuilder sb = new StringBuilder(shownAs);
            for (Path part : b.relativize(abs)) {
                sb.append('/').append(part);
            }
            return sb.toString();
        }
    }

    /**
     * The run metadata of a report.
     *
     * @param toolVersion the tool version, as the caller knows it (the jar's version)
     * @param runTime when the analysis ran, kept to the second (fixed with {@code --timestamp} for reproducible reports)
     * @param caseId the examiner's case identifier, or {@code null}
     * @param examiner the examiner's name, or {@code null}
     */
    public record RunInfo(String toolVersion, Instant runTime, String caseId, String examiner) {
        public RunInfo {
            Objects.requireNonNull(toolVersion, "toolVersion");
            Objects.requireNonNull(runTime, "runTime");
            // The report gives the run time to the second: a clock's fraction is noise in a case file.
            runTime = runTime.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        }
    }
}
