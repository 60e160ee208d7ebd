package org.portmortem.snapshot;

import java.nio.file.Path;
import java.util.List;

/** A snapshot file taken on the live machine, as read: a socket listing or a process table. */
public sealed interface Snapshot permits NetstatSnapshot, ProcessTable {
    /** The file it was read from. */
    Path file();

    /** What the file was recognised as. */
    SnapshotKind kind();

    /** The character encoding detected for the file (a Java charset name, e.g. {@code IBM850}). */
    String encoding();

    /** Lines that could not be read, or were read with a caveat. */
    List<SnapshotWarning> warnings();
}
