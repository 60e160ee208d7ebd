/**
 * {@link org.portmortem.analysis.CaseAnalysis#run} runs every stage for one case and returns the
 * immutable {@link org.portmortem.analysis.Analysis}: inputs hashed (beside the parse), every stage's
 * warnings, local times and the cited keys, which is all a renderer shows.
 */
package org.portmortem.analysis;
