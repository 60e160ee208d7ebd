package org.portmortem.hive;

/**
 * How to open a hive file.
 *
 * @param replayLogs replay the {@code .LOG}, {@code .LOG1} and {@code .LOG2} transaction logs found
 *     beside a dirty regf hive, in memory (the default); {@code false} reads the primary file as it is
 */
public record HiveOpenOptions(boolean replayLogs) {
    public static final HiveOpenOptions DEFAULT = new HiveOpenOptions(true);
    public static final HiveOpenOptions NO_LOGS = new HiveOpenOptions(false);
}
