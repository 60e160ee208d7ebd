package org.portmortem.model;

import java.util.List;
import java.util.Map;
import org.portmortem.evidence.Evidence;

/**
 * A service whose Start value is not the same in every control set: a change made in one set only,
 * worth an examiner's attention (the next boot uses the set in use; "Last Known Good" another).
 *
 * @param service the service key name
 * @param startBySet the Start value in each control set by its number; a missing key or value maps
 *     to {@code null}
 * @param evidence the Start value (or its absence) in each control set
 */
public record StartDifference(String service, Map<Integer, Integer> startBySet, List<Evidence> evidence) {}
