/**
 * {@link org.portmortem.evidence.Evidence}: where a derived fact comes from (hive, key path, value
 * name and type, data, last-write time, note). It travels with every fact from the model to the report.
 * {@link org.portmortem.evidence.FileDigest} identifies each input file by size and SHA-256, and
 * {@link org.portmortem.evidence.PendingDigests} takes a case's digests on a second thread (a large file
 * by coreutils' {@code sha256sum} when the JVM runs without its optimising compiler, {@code ExternalSha256}).
 */
package org.portmortem.evidence;
