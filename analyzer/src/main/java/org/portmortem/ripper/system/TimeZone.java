package org.portmortem.ripper.system;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.model.ControlSetFacts;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code timezone}: the {@code Control\TimeZoneInformation} names and biases. StandardName, Bias and
 * TimeZoneKeyName are the model's time zone (read as the model reads it); DaylightName and ActiveTimeBias, which the model
 * does not keep, from the same key. A key without values is reported as {@link KeyFacts#VALUES}
 * {@code = 0} alone (RegRipper's "... has no values."); a bias that is absent, or not a number, is an
 * absent fact.
 */
public final class TimeZone extends SystemPlugin {
    /** The plugin. */
    public TimeZone() {
        super("timezone", "Get TimeZoneInformation key contents", "20200518");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        MachineTimeZone tz = ControlSetFacts.timeZone(context.controlSet());
        String group = context.controlSetPath("Control\\TimeZoneInformation");
        Optional<Key> key = context.controlSetKey("Control\\TimeZoneInformation");
        if (key.isEmpty()) {
            return KeyFacts.onlyAbsent(context, "Control\\TimeZoneInformation");
        }
        Key k = key.get();
        if (k.values().isEmpty()) {
            return List.of(KeyFacts.valueCount(group, k));
        }
        List<RipFact> facts = new ArrayList<>();
        facts.add(KeyFacts.valueOrAbsent(group, k, "DaylightName"));
        facts.add(RipFact.ofEvidence(
                group,
                "StandardName",
                tz.standardName().value(),
                tz.standardName().evidence()));
        facts.add(bias(group, k, "Bias", tz.bias()));
        facts.add(bias(group, k, "ActiveTimeBias", null));
        if (tz.keyName().isPresent()) {
            facts.add(RipFact.ofEvidence(
                    group, "TimeZoneKeyName", tz.keyName().value(), tz.keyName().evidence()));
        }
        return facts;
    }

    /** A bias value, its minutes given (the model's) or read from the value; absent unless a number. */
    private static RipFact bias(String group, Key k, String name, Integer minutes) {
        Optional<Value> v = k.value(name);
        if (v.isEmpty() || !v.get().isNumber()) {
            return RipFact.absentValue(group, k, name);
        }
        return RipFact.ofValue(
                group,
                k,
                v.get(),
                name,
                bias(minutes != null ? minutes : (int) v.get().asLong()));
    }

    /** Minutes as RegRipper shows a bias: signed, with hours, e.g. {@code -60 (-1 hours)}, {@code 330 (5.5 hours)}. */
    private static String bias(int minutes) {
        short signed = (short) minutes; // RegRipper reads the bias as a signed 16-bit number
        // Perl prints a quotient with 15 significant digits
        String hours = new BigDecimal(signed / 60.0)
                .round(new MathContext(15))
                .stripTrailingZeros()
                .toPlainString();
        return signed + " (" + hours + " hours)";
    }
}
