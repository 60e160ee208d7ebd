package org.portmortem.ripper.system;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code timezone}: the {@code Control\TimeZoneInformation} names and biases. StandardName, Bias and
 * TimeZoneKeyName come from the model's time zone; DaylightName and ActiveTimeBias, which the model
 * does not keep, from the same key.
 */
public final class TimeZone extends SystemPlugin {
    /** The plugin. */
    public TimeZone() {
        super("timezone", "Get TimeZoneInformation key contents", "20200518");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        MachineTimeZone tz = context.systemModel().identity().timeZone();
        String group = context.controlSetPath("Control\\TimeZoneInformation");
        Optional<Key> key = context.controlSetKey("Control\\TimeZoneInformation");
        List<RipFact> facts = new ArrayList<>();
        if (key.isEmpty()) {
            facts.add(new RipFact(group, group, null, null, Evidence.absentKey(context.hive(), group, "key not found")));
            return facts;
        }
        Key k = key.get();
        facts.add(string(group, k, "DaylightName"));
        facts.add(RipFact.ofEvidence(group, "StandardName", tz.standardName().value(), tz.standardName().evidence()));
        facts.add(RipFact.ofEvidence(group, "Bias", bias(tz.bias()), Evidence.ofValueOrAbsent(k, "Bias", null)));
        Optional<Value> active = k.value("ActiveTimeBias");
        facts.add(active.isPresent() && active.get().isNumber()
                ? RipFact.ofValue(group, k, active.get(), "ActiveTimeBias", bias(active.get().asInt()))
                : RipFact.absentValue(group, k, "ActiveTimeBias"));
        if (tz.keyName().isPresent()) {
            facts.add(RipFact.ofEvidence(group, "TimeZoneKeyName", tz.keyName().value(), tz.keyName().evidence()));
        }
        return facts;
    }

    private static RipFact string(String group, Key k, String name) {
        Optional<Value> v = k.value(name);
        return v.isPresent() ? RipFact.ofValue(group, k, v.get(), name, RegRipperData.of(v.get()))
                : RipFact.absentValue(group, k, name);
    }

    /** Minutes as RegRipper shows a bias: signed, with hours, e.g. {@code -60 (-1 hours)}, {@code 330 (5.5 hours)}. */
    private static String bias(int minutes) {
        short signed = (short) minutes; // RegRipper reads the bias as a signed 16-bit number
        // Perl prints a quotient with 15 significant digits
        String hours = new BigDecimal(signed / 60.0).round(new MathContext(15)).stripTrailingZeros().toPlainString();
        return signed + " (" + hours + " hours)";
    }
}
