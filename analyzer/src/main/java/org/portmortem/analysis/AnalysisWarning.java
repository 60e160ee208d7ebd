package org.portmortem.analysis;

/**
 * Something an analysis stage could not read or decide, while the rest was still done.
 *
 * @param stage the stage that raised it
 * @param subject what it is about: a file name, a hive name and key path, or {@code ""} for the case
 *     as a whole
 * @param message one line saying what was found and what was done about it
 */
public record AnalysisWarning(Stage stage, String subject, String message) {

    /** The stages of the analysis, in the order they run. */
    public enum Stage {
        /** Finding the files of the case. */
        CASE,
        /** Reading a hive or replaying its logs. */
        HIVE,
        /** Reading or applying an overlay. */
        OVERLAY,
        /** Building the system model. */
        MODEL,
        /** Deciding the boot plan. */
        BOOT_PLAN,
        /** Predicting listeners and RPC endpoints. */
        EXPOSURE,
        /** Reading snapshots. */
        SNAPSHOT,
        /** Comparing predicted and observed, and judging findings. */
        VERDICT
    }
}
