package org.portmortem.exposure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portmortem.evidence.Evidence;

/**
 * Whether the host firewall lets a listener be reached, per firewall profile (XP SP2/2003:
 * {@code Domain}, {@code Standard}; Vista+: {@code Domain}, {@code Private}, {@code Public}).
 *
 * @param profiles profile name → decision, in a stable order
 */
public record FirewallVerdict(Map<String, Decision> profiles) {

    public FirewallVerdict {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    /** The outcome for one profile. */
    public enum Reachability {
        REACHABLE,
        BLOCKED,
        UNKNOWN;

        /** Lower-case word used in reports and JSON. */
        public String word() {
            return name().toLowerCase();
        }
    }

    /**
     * The decision for one profile.
     *
     * @param reachability reachable, blocked or unknown
     * @param decidedBy the rule or setting that decides, in words
     * @param evidence registry facts behind the decision
     */
    public record Decision(Reachability reachability, String decidedBy, List<Evidence> evidence) {
        public Decision {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** A verdict where no firewall was evaluated (no profile). */
    public static FirewallVerdict none() {
        return new FirewallVerdict(Map.of());
    }
}
