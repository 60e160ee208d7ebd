package org.portmortem.exposure;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;

/**
 * Whether the host firewall lets a listener be reached, per firewall profile (XP SP2/2003:
 * {@code Domain}, {@code Standard}; Vista+: {@code Domain}, {@code Private}, {@code Public}).
 *
 * @param profiles profile name → decision, in a stable order
 * @param inForce the name of the profile in force at the next boot ({@link FirewallProfile}); {@code null}
 *     where the host has no profile-based firewall, the single decision ({@code all}) then being the one
 *     in force
 */
public record FirewallVerdict(Map<String, Decision> profiles, String inForce) {

    public FirewallVerdict {
        profiles = Collections.unmodifiableMap(new LinkedHashMap<>(profiles));
    }

    /** A verdict with no profile known to be in force. */
    public FirewallVerdict(Map<String, Decision> profiles) {
        this(profiles, null);
    }

    /**
     * The decision of the profile in force: that profile's, or the one decision of a host without
     * profiles; {@code null} where nothing was evaluated.
     */
    public Decision inForceDecision() {
        if (inForce != null && profiles.containsKey(inForce)) {
            return profiles.get(inForce);
        }
        return profiles.size() == 1 ? profiles.values().iterator().next() : null;
    }

    /** Reachability through the profile in force; unknown where nothing was evaluated. */
    public Reachability inForceReachability() {
        Decision d = inForceDecision();
        return d == null ? Reachability.UNKNOWN : d.reachability();
    }

    /** True when the profile in force blocks the listener. */
    public boolean blockedInForce() {
        return inForceReachability() == Reachability.BLOCKED;
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

        // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
        @Override
        public boolean equals(Object o) {
            return this == o
                    || o instanceof Decision that
                            && Objects.equals(reachability, that.reachability)
                            && Objects.equals(decidedBy, that.decidedBy)
                            && Objects.equals(evidence, that.evidence);
        }

        @Override
        public int hashCode() {
            return RecordHash.of(reachability, decidedBy, evidence);
        }
    }

    /** A verdict where no firewall was evaluated (no profile). */
    public static FirewallVerdict none() {
        return new FirewallVerdict(Map.of());
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof FirewallVerdict that
                        && Objects.equals(profiles, that.profiles)
                        && Objects.equals(inForce, that.inForce);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(profiles, inForce);
    }
}
