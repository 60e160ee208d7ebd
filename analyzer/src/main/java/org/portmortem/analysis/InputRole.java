package org.portmortem.analysis;

/** What an input file of a case is to the analysis. */
public enum InputRole {
    /** The SYSTEM hive (binary regf or .reg export). */
    SYSTEM,
    /** The SOFTWARE hive (binary regf or .reg export). */
    SOFTWARE,
    /** A transaction log beside a hive ({@code .LOG}, {@code .LOG1}, {@code .LOG2}). */
    LOG,
    /** A .reg file applied to in-memory copies of the hives ({@code --overlay}). */
    OVERLAY,
    /** A netstat, tasklist or PowerShell listing taken on the live machine. */
    SNAPSHOT
}
