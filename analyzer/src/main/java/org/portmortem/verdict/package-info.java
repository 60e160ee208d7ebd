/**
 * Verdicts and findings: the prediction compared with what was observed.
 *
 * <p>Entry point: {@link org.portmortem.verdict.ObservationComparison}. Given the
 * {@link org.portmortem.model.SystemModel}, its {@link org.portmortem.bootplan.BootPlan} and the
 * {@link org.portmortem.exposure.Exposure} predicted from them,
 * {@link org.portmortem.verdict.ObservationComparison#judge judge} compares one
 * {@link org.portmortem.snapshot.NetstatSnapshot} (optionally with a
 * {@link org.portmortem.snapshot.ProcessTable}) and
 * {@link org.portmortem.verdict.ObservationComparison#compare compare} judges several snapshots of
 * one host, lists what opened and closed between consecutive ones
 * ({@link org.portmortem.verdict.SnapshotDelta}) and collects every
 * {@link org.portmortem.verdict.Finding} into {@link org.portmortem.verdict.Verdicts}.
 *
 * <p>Data, not code: the finding rule table ({@code exposure-rules.json}, read by
 * {@link org.portmortem.verdict.ExposureRules}), the severity scale the report prints
 * ({@code severity-scale.json}, {@link org.portmortem.verdict.SeverityScale}) and the port names
 * compared when netstat ran without {@code -n} ({@code service-names.json}).
 *
 * <p>Remediations are the exposure branch's
 * {@link org.portmortem.exposure.remediation.Remediation}s, taken from its
 * {@link org.portmortem.exposure.remediation.HardeningPlan}, referenced through
 * {@link org.portmortem.verdict.RemediationRef} with the GUI path where the seed paper gives one.
 */
package org.portmortem.verdict;
