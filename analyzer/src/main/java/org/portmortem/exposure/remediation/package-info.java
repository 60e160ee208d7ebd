/**
 * What-if remediations (service start changes and registry edits rendered as {@code sc config} and
 * {@code reg add} commands) and the {@code HardeningPlan} that applies them step by step.
 */
package org.portmortem.exposure.remediation;
