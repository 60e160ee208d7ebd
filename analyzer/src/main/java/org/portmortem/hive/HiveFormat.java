package org.portmortem.hive;

/** Where a {@link Hive}'s content came from. */
public enum HiveFormat {
    /** A binary registry file (regf), as Windows keeps it under System32\config. */
    REGF,
    /** A text export made by regedit or {@code reg export}. */
    REG_TEXT,
    /** Built in memory: a copy of another hive, possibly with overlays applied. */
    MEMORY
}
