package org.portmortem.ripper.system;

import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.Evidenced;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/** {@code shutdown}: {@code Control\Windows\ShutdownTime}, the last clean shutdown, from the model. */
public final class Shutdown extends SystemPlugin {
    /** The plugin. */
    public Shutdown() {
        super("shutdown", "Gets ShutdownTime value from System hive", "20200518");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Evidenced<java.time.Instant> t = context.systemModel().identity().lastShutdown();
        Evidence e = t.evidence();
        return List.of(RipFact.ofEvidence(e.keyPath(), "ShutdownTime",
                t.isPresent() ? RegRipperData.time(t.value()) : null, e));
    }
}
