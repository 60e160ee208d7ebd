/**
 * {@link org.portmortem.evidence.Evidence}: where a derived fact comes from (hive, key path, value
 * name and type, data, last-write time, note). It travels with every fact from the model to the report.
 */
package org.portmortem.evidence;
