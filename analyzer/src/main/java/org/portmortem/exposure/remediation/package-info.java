/**
 * What-if remediations (service start changes and registry edits rendered as {@code sc config} and
 * {@code reg add} commands) and the {@code HardeningPlan} that applies them step by step; its
 * {@code Evaluator} predicts the hive states of several orders of the same steps, keeping from one
 * state to the next what did not change.
 */
package org.portmortem.exposure.remediation;
