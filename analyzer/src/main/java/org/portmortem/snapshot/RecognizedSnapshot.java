package org.portmortem.snapshot;

import java.nio.file.Path;

/**
 * A file of a case folder recognised as a snapshot.
 *
 * @param file the file
 * @param kind what its content is
 */
public record RecognizedSnapshot(Path file, SnapshotKind kind) {}
