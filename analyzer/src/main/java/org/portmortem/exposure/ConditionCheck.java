package org.portmortem.exposure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.knowledge.RegistryCondition;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueTypeException;

/**
 * The outcome of checking one {@link RegistryCondition} against the hives.
 *
 * @param holds whether the condition holds
 * @param certainty certain unless the value could not be read as the condition expects, or its hive
 *     is missing
 * @param evidence the value (or its absence) that decided
 */
record ConditionCheck(boolean holds, Certainty certainty, Evidence evidence) {

    /** Checks a condition; a policy copy named by {@code overriddenBy} decides when present. */
    static ConditionCheck of(RegistryCondition c, RegistryScope scope) {
        String keyPath = c.key();
        if (c.overriddenBy() != null && scope.value(c.overriddenBy(), c.value()).isPresent()) {
            keyPath = c.overriddenBy();
        }
        String note = (c.note() == null ? "" : c.note() + "; ") + "condition " + c;
        Evidence ev = scope.evidence(keyPath, c.value(), note);
        if (scope.unavailable(keyPath)) {
            return new ConditionCheck(
                    c.whenAbsent() != null && compare(c, c.whenAbsent()),
                    new Certainty(
                            Certainty.Level.UNCERTAIN,
                            "SOFTWARE hive not supplied: " + c.key() + "\\" + c.value() + " assumed at its default"),
                    ev);
        }
        Optional<Value> v = scope.value(keyPath, c.value());
        if (c.op().equals("exists")) {
            return new ConditionCheck(v.isPresent(), Certainty.certain(), ev);
        }
        if (c.op().equals("absent")) {
            return new ConditionCheck(v.isEmpty(), Certainty.certain(), ev);
        }
        if (v.isEmpty()) {
            return new ConditionCheck(c.whenAbsent() != null && compare(c, c.whenAbsent()), Certainty.certain(), ev);
        }
        try {
            return new ConditionCheck(compare(c, v.get()), Certainty.certain(), ev);
        } catch (ValueTypeException | NumberFormatException e) {
            return new ConditionCheck(
                    c.whenAbsent() != null && compare(c, c.whenAbsent()),
                    new Certainty(
                            Certainty.Level.UNCERTAIN,
                            "value not readable as expected (" + e.getMessage() + "): default assumed"),
                    ev);
        }
    }

    private static boolean compare(RegistryCondition c, JsonNode literal) {
        return switch (c.op()) {
            case "==", "!=", "<", ">=" ->
                c.operand().isNumber()
                        ? numeric(c.op(), literal.asLong(), c.operand().asLong())
                        : textual(c.op(), literal.asText(), c.operand().asText());
            case "sp<" ->
                RegistryScope.servicePackNumber(literal.asText()) < c.operand().asInt();
            case "sp>=" ->
                RegistryScope.servicePackNumber(literal.asText()) >= c.operand().asInt();
            case "contains", "lacks" ->
                c.op().equals("contains")
                        == literal.asText().equalsIgnoreCase(c.operand().asText());
            default -> throw new IllegalArgumentException("unknown operator " + c.op());
        };
    }

    private static boolean compare(RegistryCondition c, Value v) {
        return switch (c.op()) {
            case "==", "!=", "<", ">=" -> {
                if (c.operand().isNumber()) {
                    long n = v.isNumber()
                            ? v.asLong()
                            : Long.parseLong(v.asString().trim());
                    yield numeric(c.op(), n, c.operand().asLong());
                }
                yield textual(
                        c.op(),
                        v.isString() ? v.asString() : v.display(),
                        c.operand().asText());
            }
            case "sp<" -> servicePack(v) < c.operand().asInt();
            case "sp>=" -> servicePack(v) >= c.operand().asInt();
            case "contains", "lacks" -> {
                List<String> items = v.asStrings();
                boolean has = items.stream()
                        .anyMatch(s -> s.trim().equalsIgnoreCase(c.operand().asText()));
                yield c.op().equals("contains") == has;
            }
            default -> throw new IllegalArgumentException("unknown operator " + c.op());
        };
    }

    private static boolean numeric(String op, long a, long b) {
        return switch (op) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> a < b;
            default -> a >= b;
        };
    }

    private static boolean textual(String op, String a, String b) {
        boolean eq = a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
        return op.equals("!=") ? !eq : eq;
    }

    /** A service pack from "Service Pack N" (SOFTWARE) or N x 0x100 (SYSTEM Control\Windows). */
    private static int servicePack(Value v) {
        return v.isNumber() ? (v.asInt() >> 8) & 0xff : RegistryScope.servicePackNumber(v.asString());
    }
}
