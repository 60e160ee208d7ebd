package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A predicate on one registry value that opens, moves or closes an endpoint, e.g.
 * {@code CS\Services\NetBT\Parameters\SMBDeviceEnabled != 0}.
 *
 * @param key the key, starting {@code CS\} (current control set) or {@code SW\} (SOFTWARE hive)
 * @param value the value name
 * @param op {@code ==}, {@code !=}, {@code <}, {@code >=} (numbers, or the service-pack number of a
 *     "Service Pack N" string), {@code contains} / {@code lacks} (an element of a multi-string),
 *     {@code exists}, {@code absent}
 * @param operand what the value is compared with (number or string)
 * @param whenAbsent what Windows uses when the value is absent (number or string), or {@code null}
 *     when absence makes the condition false (or, for {@code absent}, true)
 * @param overriddenBy a policy key (same root convention) whose value of the same name, when present,
 *     decides instead
 * @param note why this value matters, shown in evidence
 */
public record RegistryCondition(
        String key,
        String value,
        String op,
        JsonNode operand,
        @JsonProperty("default") JsonNode whenAbsent,
        String overriddenBy,
        String note) {

    @Override
    public String toString() {
        return key + "\\" + value + " " + op + (operand == null ? "" : " " + operand.asText());
    }
}
