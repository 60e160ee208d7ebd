package org.portmortem.cli;

/** The output formats of the commands that list rows (services, listeners, RPC endpoints). */
public enum TableFormat {
    text,
    csv,
    json
}
