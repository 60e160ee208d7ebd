/**
 * Fleet analysis: many hosts, each analysed exactly as {@code portmortem analyze} analyses one
 * ({@link org.portmortem.analysis.CaseAnalysis#run}, then {@link org.portmortem.report.JsonReport}),
 * and the results stacked so the rare listeners, auto-start services and firewall settings come
 * first.
 *
 * <p>Flow: {@link org.portmortem.fleet.FleetInputs} expands the command line into
 * {@link org.portmortem.fleet.HostInput}s (case folders, KAPE trees, Velociraptor and KAPE zips);
 * an engine ({@link org.portmortem.fleet.EmbeddedEngine} in this JVM, or the Spark engine of the
 * {@code fleet-spark} module) runs {@link org.portmortem.fleet.HostRun} on each and groups the
 * {@link org.portmortem.fleet.StackKey}s of the {@link org.portmortem.fleet.HostSummary}s;
 * {@link org.portmortem.fleet.FleetReport} and {@link org.portmortem.fleet.FleetHtml} lay the
 * result out. A host's summary is read back from its own report JSON, so what the fleet stacks is
 * what the host report says.
 */
package org.portmortem.fleet;
