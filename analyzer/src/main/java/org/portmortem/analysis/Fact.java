package org.portmortem.analysis;

import org.portmortem.evidence.Evidence;

/**
 * One line of a summary as the report shows it: a stable identifier (the JSON field name), a label, the
 * value in words, and the registry fact it was read from.
 *
 * @param id stable camelCase identifier, e.g. {@code computerName}
 * @param label what a person reads, e.g. "Computer name"
 * @param value the value in words, or {@code null} when the hive does not hold it
 * @param evidence where it was read (or looked for), or {@code null} for a derived fact
 */
public record Fact(String id, String label, String value, Evidence evidence) {}
