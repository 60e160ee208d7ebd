package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.portmortem.hive.Key;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code svcdll} (svcdll.pl v.20200525): first the {@code Services} key of the control set in use (fact
 * {@value Services#SERVICES_KEY}), then each service whose {@code Parameters} subkey holds a ServiceDll,
 * newest service key first (RegRipper sorts them by the service key's LastWrite second, not the
 * Parameters key's): a group named after the service with one fact {@code ServiceDll}, dated with the
 * service key's time, its evidence the value in {@code Parameters}. A ServiceDll on the service key
 * itself (which Windows also reads) is not in RegRipper's list and is left out here too; the
 * {@code services} command shows it.
 */
public final class SvcDll extends SystemPlugin {
    /** The plugin. */
    public SvcDll() {
        super("svcdll", "Lists Services keys with ServiceDll values", "20200525");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        facts.add(ServicesByTime.servicesKey(context));
        for (Key k : ServicesByTime.newestFirst(context.serviceKeys())) {
            ServicesByTime.parametersWithDll(k)
                    .ifPresent(p -> facts.add(ServicesByTime.value(
                            k.name(),
                            ServicesByTime.time(k),
                            p,
                            "ServiceDll",
                            "ServiceDll",
                            UnaryOperator.identity())));
        }
        return facts;
    }
}
