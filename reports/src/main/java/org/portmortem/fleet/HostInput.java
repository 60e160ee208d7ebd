package org.portmortem.fleet;

import java.io.Serializable;
import java.util.Objects;

/**
 * One host of a fleet, as found on the command line.
 *
 * @param id the host's name in the outputs ({@code hosts/<id>.json}): the folder or zip name, made
 *     safe for a file name and unique within the fleet
 * @param input the case folder or zip file, as found (a path string, so the engines can ship it)
 * @param kind whether it is a folder (case folder or KAPE tree) or a zip file
 */
public record HostInput(String id, String input, Kind kind) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the input is. */
    public enum Kind {
        FOLDER,
        ZIP
    }

    public HostInput {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(kind, "kind");
    }
}
