package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.Service;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code services}: every key under {@code Services} of the control set in use, newest first, with
 * its DisplayName, ImagePath, Type, Start and Group, from the model's services. Facts are grouped
 * under the LastWrite time, as RegRipper heads them.
 */
public final class Services extends SystemPlugin {
    /** The plugin. */
    public Services() {
        super("services", "Lists services/drivers in Services key by LastWrite times", "20191024");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        for (Service s : ServicesByTime.newestFirst(context.systemModel().services())) {
            String group = ServicesByTime.heading(s.lastWritten());
            facts.add(RipFact.ofEvidence(group, "Name", s.name(), Evidence.ofKey(s.key(), null)));
            facts.add(RipFact.ofEvidence(group, "Display", ServiceLabels.text(s.displayName()), s.displayName().evidence()));
            facts.add(RipFact.ofEvidence(group, "ImagePath", ServiceLabels.text(s.imagePath()), s.imagePath().evidence()));
            facts.add(RipFact.ofEvidence(group, "Type", ServiceLabels.type(s), s.type().evidence()));
            facts.add(RipFact.ofEvidence(group, "Start", ServiceLabels.start(s), s.start().evidence()));
            facts.add(RipFact.ofEvidence(group, "Group", ServiceLabels.text(s.group()), s.group().evidence()));
        }
        return facts;
    }
}
