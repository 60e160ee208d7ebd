package org.portmortem.exposure;

import java.util.List;
import java.util.Locale;
import org.portmortem.evidence.Evidence;

/**
 * The host firewall profile in force at the next boot, as decided from the hives
 * ({@link org.portmortem.exposure.firewall.ProfileInForce}).
 *
 * @param profile the profile's name as the firewall verdicts key it ({@code Domain}, {@code Standard},
 *     {@code Private}, {@code Public}), or {@code null} where the host has no profile-based firewall
 * @param reason how it was decided, in words
 * @param evidence the registry facts behind the decision
 */
public record FirewallProfile(String profile, String reason, List<Evidence> evidence) {

    public FirewallProfile {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** The profile as the JSON report writes it ({@code domain}, {@code standard}, ...), or {@code null}. */
    public String word() {
        return profile == null ? null : profile.toLowerCase(Locale.ROOT);
    }

    /** "the Standard profile", or "no firewall profile" where the host has none. */
    public String display() {
        return profile == null ? "no firewall profile" : "the " + profile + " profile";
    }

    /** A host without a profile-based firewall (Windows 2000, XP before SP2), or none running. */
    public static FirewallProfile none(String reason, List<Evidence> evidence) {
        return new FirewallProfile(null, reason, evidence);
    }
}
