package org.portmortem.analysis;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;

/**
 * What to analyse and how: the files of a case, the overlays to apply, and the run metadata the
 * report header shows.
 *
 * @param system the SYSTEM hive (regf or .reg)
 * @param software the SOFTWARE hive, or {@code null} (the model then says what it could not read)
 * @param snapshots netstat, tasklist and PowerShell listings taken on the machine, in the order given
 * @param overlays .reg files applied in order to in-memory copies of the hives
 * @param modelOptions which control set to analyse
 * @param hiveOptions whether transaction logs are replayed
 * @param run who ran the analysis, when, with which tool version, for which case
 */
public record AnalysisRequest(
        Path system,
        Path software,
        List<Path> snapshots,
        List<Path> overlays,
        ModelOptions modelOptions,
        HiveOpenOptions hiveOptions,
        RunInfo run) {

    public AnalysisRequest {
        Objects.requireNonNull(system, "system");
        snapshots = List.copyOf(snapshots);
        overlays = List.copyOf(overlays);
        modelOptions = modelOptions == null ? ModelOptions.DEFAULT : modelOptions;
        hiveOptions = hiveOptions == null ? HiveOpenOptions.DEFAULT : hiveOptions;
        Objects.requireNonNull(run, "run");
    }

    /**
     * The run metadata of a report.
     *
     * @param toolVersion the tool version, as the caller knows it (the jar's version)
     * @param runTime when the analysis ran (fixed with {@code --timestamp} for reproducible reports)
     * @param caseId the examiner's case identifier, or {@code null}
     * @param examiner the examiner's name, or {@code null}
     */
    public record RunInfo(String toolVersion, Instant runTime, String caseId, String examiner) {
        public RunInfo {
            Objects.requireNonNull(toolVersion, "toolVersion");
            Objects.requireNonNull(runTime, "runTime");
        }
    }
}
