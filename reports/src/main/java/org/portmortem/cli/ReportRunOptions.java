package org.portmortem.cli;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The run metadata a findings report states, shared by the commands that write reports ({@code
 * analyze}, {@code fleet}): case id, examiner, and the run time that {@code --timestamp} fixes so two
 * runs give the same bytes.
 */
public final class ReportRunOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = "--case-id",
            paramLabel = "ID",
            description = "The case identifier shown in the header of each report.")
    String caseId;

    @Option(
            names = "--examiner",
            paramLabel = "NAME",
            description = "The examiner's name shown in the header of each report.")
    String examiner;

    @Option(
            names = "--timestamp",
            paramLabel = "INSTANT",
            description = "Use this run time (ISO-8601 instant, e.g. 2026-01-01T00:00:00Z) in each report instead of"
                    + " the clock, so that reruns give identical files.")
    String timestamp;

    /** The case identifier, or {@code null}. */
    String caseId() {
        return caseId;
    }

    /** The examiner, or {@code null}. */
    String examiner() {
        return examiner;
    }

    /** The run time: the instant given with --timestamp, else the clock; a usage error when it is no instant. */
    Instant runTime() {
        return runTime(mixee, timestamp);
    }

    /** The run time of a command: {@code given} (its --timestamp) parsed, else the clock. */
    static Instant runTime(CommandSpec spec, String given) {
        if (given == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--timestamp: '" + given + "' is not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
    }
}
