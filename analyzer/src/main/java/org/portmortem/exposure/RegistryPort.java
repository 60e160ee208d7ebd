package org.portmortem.exposure;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/**
 * A listening port read from a registry value, in the forms programs store it: a REG_DWORD (RDP
 * {@code PortNumber}, TightVNC {@code RfbPort}), a decimal string (RealVNC {@code RfbPort}, SQL
 * Server {@code TcpPort}), or four little-endian bytes in a REG_BINARY (Radmin's {@code Port}).
 */
final class RegistryPort {
    private RegistryPort() {}

    /** The port in the value, or empty (with why) when it holds no port number in 1-65535. */
    static Reading read(Value v) {
        Integer n = null;
        try {
            if (v.isNumber()) {
                n = v.asInt();
            } else if (v.isString()) {
                n = Integer.parseInt(v.asString().trim());
            } else if (v.type() == ValueType.REG_BINARY && v.raw().length == 4) {
                n = ByteBuffer.wrap(v.raw()).order(ByteOrder.LITTLE_ENDIAN).getInt();
            }
        } catch (NumberFormatException e) {
            return new Reading(Optional.empty(), v.name() + " (\"" + v.display() + "\") is not a port number");
        }
        if (n == null) {
            return new Reading(
                    Optional.empty(), v.name() + " is a " + v.type() + " of " + v.size() + " bytes, not a port number");
        }
        if (n < 1 || n > 65535) {
            return new Reading(Optional.empty(), v.name() + "=" + Integer.toUnsignedString(n) + " is outside 1-65535");
        }
        return new Reading(Optional.of(n), null);
    }

    /**
     * What a value gave.
     *
     * @param port the port, if the value holds one
     * @param problem why it does not, else {@code null}
     */
    record Reading(Optional<Integer> port, String problem) {}
}
