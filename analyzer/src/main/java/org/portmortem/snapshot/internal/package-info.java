/**
 * Parsers behind {@link org.portmortem.snapshot.SnapshotReader}: one per listing form (netstat,
 * tasklist, PowerShell tables and CSV). Not API: they may change with any release.
 */
package org.portmortem.snapshot.internal;
