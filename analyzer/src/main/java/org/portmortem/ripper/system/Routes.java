package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipLayout;

/**
 * {@code routes}: the persistent routes ({@code route -p}), one per value of
 * {@code Tcpip\Parameters\PersistentRoutes}, whose name holds address, netmask, gateway and metric
 * separated by commas (the metric keeps any further commas, as RegRipper's {@code split} with a limit
 * of 4 does). The first fact is the key's {@link KeyFacts#VALUES} count, under the key's path and
 * LastWrite time.
 */
public final class Routes extends SystemPlugin {
    /** The plugin. */
    public Routes() {
        super("routes", "Get persistent routes from the Registry", "20200526");
    }

    static final String ROUTES = "Services\\Tcpip\\Parameters\\PersistentRoutes";
    private static final List<String> COLUMNS = List.of("Address", "Netmask", "Gateway", "Metric");

    @Override
    public RipLayout layout() {
        return RipLayout.TABLE;
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Optional<Key> key = context.controlSetKey(ROUTES);
        if (key.isEmpty()) {
            return KeyFacts.onlyAbsent(context, ROUTES);
        }
        List<RipFact> facts = new ArrayList<>();
        facts.add(KeyFacts.valueCount(context.controlSetPath(ROUTES), key.get()));
        for (Value v : key.get().values()) {
            String[] parts = v.name().split(",", 4);
            for (int i = 0; i < COLUMNS.size(); i++) {
                facts.add(new RipFact(
                        v.name(),
                        COLUMNS.get(i),
                        i < parts.length ? parts[i] : "",
                        key.get().lastWritten().orElse(null),
                        Evidence.ofValue(key.get(), v, "the value name is the route")));
            }
        }
        return facts;
    }
}
