package org.portmortem.model;

import java.util.List;

/**
 * The control sets of SYSTEM and which one the analysis uses.
 *
 * @param current {@code Select\Current}: the set the running system used and the next boot uses
 * @param defaultSet {@code Select\Default}
 * @param lastKnownGood {@code Select\LastKnownGood}
 * @param failed {@code Select\Failed}
 * @param inUse the number of the set this model was built from
 * @param inUseBasis one line saying why that set: Select\Current, the --control-set override, or a
 *     fallback when Current names a missing set
 * @param sets every {@code ControlSet00N} key present, in number order
 * @param startDifferences services whose Start value differs between the sets
 */
public record ControlSets(
        Evidenced<Integer> current,
        Evidenced<Integer> defaultSet,
        Evidenced<Integer> lastKnownGood,
        Evidenced<Integer> failed,
        int inUse,
        String inUseBasis,
        List<ControlSet> sets,
        List<StartDifference> startDifferences) {}
