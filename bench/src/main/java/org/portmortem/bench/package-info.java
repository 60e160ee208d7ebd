/**
 * PortMortem's benchmarks (JMH) and the generators of large inputs they and the scripts under
 * {@code bench/} use. Speed is measured here, never in unit tests; whole-process comparisons with the
 * peer tools (reglookup, hivexml, regripper) are run by the scripts, in the same run on the same file.
 * This module is never part of the product jar.
 */
package org.portmortem.bench;
