package org.portmortem.analysis;

import java.util.List;
import java.util.Objects;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.model.SystemModel;

/**
 * What {@link CaseAnalysis#predict} found by running the stages up to the exposure: what the
 * {@code listeners}, {@code rpc}, {@code services} and {@code system} subcommands render. Holds only
 * values read from the hives, which are closed when it is returned.
 *
 * @param inputs every file read, with role, size, SHA-256 and, for a hive, its log replay
 * @param warnings every warning of those stages, in the order {@link Analysis#warnings()} gives them
 *     for the same inputs
 * @param model the system model
 * @param bootPlan its boot plan
 * @param exposure the predicted listeners and RPC endpoints
 */
public record Prediction(
        List<InputFile> inputs,
        List<AnalysisWarning> warnings,
        SystemModel model,
        BootPlan bootPlan,
        Exposure exposure) {
    public Prediction {
        inputs = List.copyOf(inputs);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(bootPlan, "bootPlan");
        Objects.requireNonNull(exposure, "exposure");
    }
}
