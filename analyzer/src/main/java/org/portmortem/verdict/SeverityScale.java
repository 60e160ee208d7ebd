package org.portmortem.verdict;

import java.util.List;
import java.util.Objects;
import org.portmortem.BundledResource;

/**
 * What makes a finding high, medium, low or info, in words the report prints. Read from the data
 * resource {@code org/portmortem/verdict/severity-scale.json}.
 *
 * @param source where the scale comes from
 * @param levels one entry per severity, most severe first
 */
public record SeverityScale(String source, List<Level> levels) {

    private static final String RESOURCE = "/org/portmortem/verdict/severity-scale.json";

    /**
     * The meaning of one severity.
     *
     * @param severity the level
     * @param meaning what makes a finding this severe, in sentences
     * @param examples typical findings of this level
     */
    public record Level(Severity severity, String meaning, List<String> examples) {
        public Level {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(meaning, "meaning");
            examples = examples == null ? List.of() : List.copyOf(examples);
        }
    }

    public SeverityScale {
        levels = List.copyOf(levels);
    }

    /** The meaning of a severity. */
    public Level level(Severity severity) {
        return levels.stream()
                .filter(l -> l.severity() == severity)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("severity scale lacks " + severity.word()));
    }

    /** The scale shipped with PortMortem. */
    public static SeverityScale bundled() {
        SeverityScale scale = BundledResource.json(SeverityScale.class, RESOURCE, SeverityScale.class);
        for (Severity s : Severity.values()) {
            scale.level(s);
        }
        return scale;
    }
}
