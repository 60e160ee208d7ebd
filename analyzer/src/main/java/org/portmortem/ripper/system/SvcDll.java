package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.portmortem.model.Service;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code svcdll}: services whose {@code Parameters} key holds a ServiceDll, newest service key first,
 * from the model's services. A ServiceDll on the service key itself (which Windows also reads) is
 * not in RegRipper's list and is left out here too; the {@code services} command shows it.
 */
public final class SvcDll extends SystemPlugin {
    /** The plugin. */
    public SvcDll() {
        super("svcdll", "Lists Services keys with ServiceDll values", "20200525");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        for (Service s : ServicesByTime.newestFirst(context.systemModel().services())) {
            if (hasParametersDll(s)) {
                facts.add(new RipFact(ServicesByTime.heading(s.lastWritten()), s.name(), s.serviceDll().value(),
                        s.lastWritten(), s.serviceDll().evidence()));
            }
        }
        return facts;
    }

    /** Whether the model read the service's ServiceDll from its Parameters subkey. */
    static boolean hasParametersDll(Service s) {
        return s.serviceDll().isPresent()
                && s.serviceDll().evidence().keyPath().toLowerCase(Locale.ROOT).endsWith("\\parameters");
    }
}
