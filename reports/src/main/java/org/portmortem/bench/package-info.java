/**
 * In-process benchmarks run by the scripts under {@code bench/} (to move to a JMH module).
 */
package org.portmortem.bench;
