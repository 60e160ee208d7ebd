package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import org.portmortem.model.Service;
import org.portmortem.model.ServiceTrigger;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code triggerinfo}: the start and stop triggers of trigger-start services (Windows 7 and later),
 * decoded by the model from each service's {@code TriggerInfo\N} subkeys, with whether the event
 * happens at a normal boot of this machine.
 */
public final class TriggerInfo extends SystemPlugin {
    /** The plugin. */
    public TriggerInfo() {
        super("triggerinfo", "Lists service start/stop triggers (TriggerInfo) and whether they fire at boot", "");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        for (Service s : ServicesByTime.newestFirst(context.systemModel().services(), Service::lastWritten)) {
            for (ServiceTrigger t : s.triggers()) {
                String path = t.evidence().keyPath();
                String index = path.substring(path.lastIndexOf('\\') + 1);
                facts.add(RipFact.ofEvidence(
                        s.name(),
                        "Trigger " + index,
                        t.describe() + "; at boot: " + t.firing().name().toLowerCase(java.util.Locale.ROOT) + " ("
                                + t.firingReason() + ")",
                        t.evidence()));
            }
        }
        return facts;
    }
}
