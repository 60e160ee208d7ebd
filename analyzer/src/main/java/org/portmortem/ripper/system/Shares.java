package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code shares}: the shares the Server service publishes ({@code LanmanServer\Shares}, one
 * REG_MULTI_SZ per share of {@code Field=value} strings such as {@code Path=C:\Data}), then
 * AutoShareServer, AutoShareWks and NullSessionShares from {@code LanmanServer\Parameters} where set.
 *
 * <p>Every string of a share is a fact, in stored order, named by the text before its first
 * {@code =} with the rest as data (a string without {@code =} is named by the whole string, with
 * empty data: {@link #string(RipFact)} gives back the stored string); RegRipper prints the 3rd, 5th
 * and 6th strings only. A share whose data is not a string is one fact named by its type with the
 * data in hexadecimal. The Shares key is first reported as its {@link KeyFacts#VALUES} count, under
 * the path RegRipper prints: the control set, {@code Services}, the LanmanServer key's name as
 * stored (RegRipper looks it up in any case) and {@code Shares}. A missing LanmanServer or Shares
 * key is an absent fact.
 */
public final class Shares extends SystemPlugin {
    /** The plugin. */
    public Shares() {
        super("shares", "Get list of shares from System hive file", "20200525");
    }

    static final String LANMAN_SERVER = "Services\\LanmanServer";
    private static final String WITHOUT_EQUALS = "a share string without '=': the name is the whole string";

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> lanman = context.controlSetKey(LANMAN_SERVER);
        if (lanman.isEmpty()) {
            return KeyFacts.onlyAbsent(context, LANMAN_SERVER);
        }
        String lanmanPath = context.controlSetPath("Services\\" + lanman.get().name());
        String sharesPath = lanmanPath + "\\Shares";
        List<RipFact> facts = new ArrayList<>();
        Optional<Key> shares = lanman.get().subkey("Shares");
        if (shares.isEmpty()) {
            facts.add(new RipFact(
                    sharesPath,
                    sharesPath,
                    null,
                    null,
                    Evidence.absentKey(context.hive(), sharesPath, "key not found")));
        } else {
            facts.add(KeyFacts.valueCount(sharesPath, shares.get()));
            shares.get().values().forEach(v -> addShare(shares.get(), v, facts));
        }
        Optional<Key> parameters = lanman.get().subkey("Parameters");
        if (parameters.isPresent()) {
            String group = lanmanPath + "\\" + parameters.get().name();
            for (String name : List.of("AutoShareServer", "AutoShareWks", "NullSessionShares")) {
                RipFact f = KeyFacts.valueOrAbsent(group, parameters.get(), name);
                if (!f.isAbsent()) {
                    facts.add(f);
                }
            }
        }
        return facts;
    }

    private static void addShare(Key shares, Value v, List<RipFact> facts) {
        if (!v.isString() && v.type() != ValueType.REG_MULTI_SZ) {
            facts.add(RipFact.ofValue(v.name(), shares, v, "(" + v.type() + ")", RegRipperData.of(v)));
            return;
        }
        List<String> strings = v.asStrings();
        for (String s : strings.isEmpty() ? List.of("") : strings) { // as RegRipper, at least one (empty) string
            int eq = s.indexOf('=');
            facts.add(new RipFact(
                    v.name(),
                    eq < 0 ? s : s.substring(0, eq),
                    eq < 0 ? "" : s.substring(eq + 1),
                    shares.lastWritten().orElse(null),
                    Evidence.ofValue(shares, v, eq < 0 ? WITHOUT_EQUALS : null)));
        }
    }

    /** The share string a fact of this plugin was made from, e.g. {@code Path=C:\Data}. */
    public static String string(RipFact f) {
        return WITHOUT_EQUALS.equals(f.evidence().note()) ? f.name() : f.name() + "=" + f.data();
    }
}
