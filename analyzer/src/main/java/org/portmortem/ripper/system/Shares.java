package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code shares}: the shares the Server service publishes ({@code LanmanServer\Shares}, one
 * REG_MULTI_SZ per share of {@code Field=value} strings such as {@code Path=C:\Data}), then
 * AutoShareServer, AutoShareWks and NullSessionShares from {@code LanmanServer\Parameters}. Every
 * field of a share is reported; RegRipper prints the 3rd, 5th and 6th strings only.
 */
public final class Shares extends SystemPlugin {
    /** The plugin. */
    public Shares() {
        super("shares", "Get list of shares from System hive file", "20200525");
    }

    static final String SHARES = "Services\\LanmanServer\\Shares";
    static final String PARAMETERS = "Services\\LanmanServer\\Parameters";

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        Optional<Key> shares = context.controlSetKey(SHARES);
        if (shares.isEmpty()) {
            facts.add(KeyFacts.absentKey(context, SHARES));
        } else {
            for (Value v : shares.get().values()) {
                List<String> fields = v.type() == ValueType.REG_MULTI_SZ || v.isString() ? v.asStrings() : List.of();
                for (String field : fields) {
                    int eq = field.indexOf('=');
                    facts.add(new RipFact(v.name(), eq < 0 ? field : field.substring(0, eq),
                            eq < 0 ? "" : field.substring(eq + 1), shares.get().lastWritten().orElse(null),
                            Evidence.ofValue(shares.get(), v, null)));
                }
            }
        }
        Optional<Key> parameters = context.controlSetKey(PARAMETERS);
        if (parameters.isPresent()) {
            String group = context.controlSetPath(PARAMETERS);
            for (String name : List.of("AutoShareServer", "AutoShareWks", "NullSessionShares")) {
                RipFact f = KeyFacts.valueOrAbsent(group, parameters.get(), name);
                if (!f.isAbsent()) {
                    facts.add(f);
                }
            }
        }
        return facts;
    }
}
