package org.portmortem.cli;

import picocli.CommandLine.Option;

/** The {@code --format text|csv|json} option of the commands that list rows, as a picocli mixin. */
public final class TableFormatOption {
    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text, csv or json (default: ${DEFAULT-VALUE}).")
    TableFormat format;

    /** The format chosen. */
    TableFormat format() {
        return format;
    }
}
