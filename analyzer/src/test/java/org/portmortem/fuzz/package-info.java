/**
 * Test support for the bounded, seeded mutation fuzzing of every reader of untrusted files (regf
 * with its logs, .reg text, the listings): one loop, with a time limit per input, run by the fuzz
 * tests of each reader's package.
 */
package org.portmortem.fuzz;
