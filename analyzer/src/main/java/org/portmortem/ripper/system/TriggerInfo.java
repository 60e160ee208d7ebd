package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.portmortem.hive.Key;
import org.portmortem.model.ControlSetFacts;
import org.portmortem.model.ServiceTrigger;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code triggerinfo}: the start and stop triggers of trigger-start services (Windows 7 and later),
 * decoded from each service's {@code TriggerInfo\N} subkeys as the model decodes them, with whether the event
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
        Function<Key, List<ServiceTrigger>> triggers = ControlSetFacts.triggerDecoder(context.controlSet());
        for (Key s : ServicesByTime.newestFirst(context.serviceKeys())) {
            for (ServiceTrigger t : triggers.apply(s)) {
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
