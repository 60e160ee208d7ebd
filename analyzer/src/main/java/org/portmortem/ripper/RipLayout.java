package org.portmortem.ripper;

/** How RegRipper lays out a plugin's text output, so the text rendering can follow it. */
public enum RipLayout {
    /** Under each group heading (and its LastWrite time), one {@code name = data} line per fact. */
    LIST,
    /** A table: the fact names are the columns, each group a row. */
    TABLE,
    /** Comma-separated rows, time first: the fact names are the columns, each group a row. */
    CSV
}
