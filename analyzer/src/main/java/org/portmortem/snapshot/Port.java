package org.portmortem.snapshot;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * A port as printed: a number, or a service name when netstat ran without {@code -n}
 * ({@code api:1032} resolves the port too, e.g. {@code https}). Exactly one of {@code number}
 * and {@code name} is set. Serialized to JSON as a number or, for a name, a string.
 *
 * @param number the port number, or null when the listing printed a name
 * @param name   the printed service name, or null when the port is numeric
 */
public record Port(Integer number, String name) {
    public Port {
        if ((number == null) == (name == null)) {
            throw new IllegalArgumentException("a port is either a number or a name");
        }
    }

    /** The port as printed: all digits (0-65535) make a number, anything else stays a name. */
    public static Port parse(String printed) {
        Objects.requireNonNull(printed);
        if (!printed.isEmpty() && printed.length() <= 5 && printed.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int n = Integer.parseInt(printed);
            if (n <= 65535) {
                return new Port(n, null);
            }
        }
        return new Port(null, printed);
    }

    /** A numeric port. */
    public static Port of(int number) {
        return new Port(number, null);
    }

    /** Whether this port is numeric. */
    public boolean isNumeric() {
        return number != null;
    }

    /** The JSON form: the number, or the name. */
    @JsonValue
    public Object jsonValue() {
        return number != null ? number : name;
    }

    @Override
    public String toString() {
        return number != null ? number.toString() : name;
    }
}
