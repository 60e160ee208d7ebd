package org.portmortem.hive;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Facts about a hive file as a whole. Fields that a format does not have are {@code null} (a .reg
 * export has no sequence numbers, checksum or timestamps).
 *
 * @param version format version: {@code "1.5"} for regf, {@code "REGEDIT4"} or {@code "5.00"} for text
 * @param embeddedFileName the file name stored in the regf base block (often the last part of the
 *     path Windows loaded the hive from)
 * @param primarySequence base block primary sequence number, after any log replay
 * @param secondarySequence base block secondary sequence number, after any log replay
 * @param dirty whether the primary file, as found on disk, had unequal sequence numbers
 * @param checksumValid whether the base block checksum was valid as found on disk
 * @param lastWritten base block last-written timestamp (UTC)
 * @param logReplay what was done with transaction logs
 */
public record HiveInfo(
        String version,
        String embeddedFileName,
        Long primarySequence,
        Long secondarySequence,
        Boolean dirty,
        Boolean checksumValid,
        Instant lastWritten,
        LogReplay logReplay) {

    /**
     * What was done with a dirty hive's transaction logs.
     *
     * @param logsFound the log files found beside the hive
     * @param applied whether any log entry was applied (in memory; files are never written)
     * @param entriesApplied how many log entries (new format) or dirty pages (old format) were applied
     * @param note one line for the report: why nothing was applied, where replay stopped, or that a
     *     dirty hive had no logs and may be stale
     */
    public record LogReplay(List<Path> logsFound, boolean applied, int entriesApplied, String note) {
        public static LogReplay none(String note) {
            return new LogReplay(List.of(), false, 0, note);
        }
    }

    /** Facts for a source that has none of the binary header fields. */
    public static HiveInfo textExport(String version) {
        return new HiveInfo(
                version,
                null,
                null,
                null,
                null,
                null,
                null,
                LogReplay.none("text export: it holds no last-write times and has no transaction logs to replay"));
    }
}
