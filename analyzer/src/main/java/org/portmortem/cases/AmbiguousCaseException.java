package org.portmortem.cases;

import java.io.IOException;
import java.util.List;

/**
 * A case holds more than one machine's hives (two live hive sets, two installations in an image) and
 * none was chosen: PortMortem never picks one silently. The command line turns this into a usage
 * error (exit 2) listing the choices.
 */
public final class AmbiguousCaseException extends IOException {
    private final transient List<String> choices;
    private final String summary;

    public AmbiguousCaseException(String summary, List<String> choices) {
        super(summary + ": " + String.join("; ", choices));
        this.summary = summary;
        this.choices = List.copyOf(choices);
    }

    /** The message without the choices. */
    public String summary() {
        return summary;
    }

    /** One line per candidate, as the message lists them. */
    public List<String> choices() {
        return choices;
    }
}
