package org.portmortem.verdict;

import java.util.List;

/**
 * Everything the comparison concluded for one host: the verdicts per snapshot, what changed between
 * consecutive snapshots, and the findings, most severe first.
 *
 * @param snapshots one comparison per snapshot, in the order given
 * @param deltas what opened and closed between each snapshot and the next, in the order given
 * @param findings findings from the prediction, the model and the comparison, sorted by severity
 *     (high first) then id
 */
public record Verdicts(List<SnapshotVerdicts> snapshots, List<SnapshotDelta> deltas, List<Finding> findings) {

    public Verdicts {
        snapshots = List.copyOf(snapshots);
        deltas = List.copyOf(deltas);
        findings = List.copyOf(findings);
    }

    /** The most severe finding's severity, or {@code null} when there is no finding. */
    public Severity highestSeverity() {
        return findings.stream().map(Finding::severity).min(Enum::compareTo).orElse(null);
    }
}
