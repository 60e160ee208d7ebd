package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a listener's port number comes from. In knowledge files: a number (fixed port),
 * {@code "dynamic-rpc"} (allocated from the RPC dynamic range at registration),
 * {@code "dynamic"} (an ephemeral port outside RPC's control), or an object
 * {@code {"key": "CS\\...", "value": "PortNumber", "default": 3389}} naming the registry value that
 * holds it.
 *
 * @param kind how the port is chosen
 * @param fixed the port for {@link Kind#FIXED}
 * @param key for {@link Kind#REGISTRY}: the key, starting {@code CS\} (current control set) or
 *     {@code SW\} (SOFTWARE hive)
 * @param value for {@link Kind#REGISTRY}: the value name
 * @param defaultPort for {@link Kind#REGISTRY}: the port when the value is absent
 */
public record PortSpec(Kind kind, Integer fixed, String key, String value, Integer defaultPort) {

    /** How a port number is chosen. */
    public enum Kind {
        FIXED,
        DYNAMIC_RPC,
        DYNAMIC,
        REGISTRY
    }

    @JsonCreator
    public static PortSpec of(JsonNode node) {
        if (node.isInt()) {
            return new PortSpec(Kind.FIXED, node.intValue(), null, null, null);
        }
        if (node.isTextual()) {
            return switch (node.textValue()) {
                case "dynamic-rpc" -> new PortSpec(Kind.DYNAMIC_RPC, null, null, null, null);
                case "dynamic" -> new PortSpec(Kind.DYNAMIC, null, null, null, null);
                default -> throw new IllegalArgumentException("unknown port kind: " + node.textValue());
            };
        }
        if (node.isObject() && node.hasNonNull("key") && node.hasNonNull("value")) {
            return new PortSpec(
                    Kind.REGISTRY,
                    null,
                    node.get("key").textValue(),
                    node.get("value").textValue(),
                    node.hasNonNull("default") ? node.get("default").intValue() : null);
        }
        throw new IllegalArgumentException(
                "a port is a number, \"dynamic-rpc\", \"dynamic\" or {key, value, default}: " + node);
    }
}
