package org.portmortem.ripper.system;

import java.time.Instant;
import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.ControlSetFacts;
import org.portmortem.model.Evidenced;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code shutdown}: {@code Control\Windows\ShutdownTime}, the last clean shutdown, read as the model reads it. A
 * FILETIME before 1970 (e.g. eight zero bytes) is shown as 1970-01-01 00:00:00Z, as RegRipper's
 * {@code getTime} shows it (it turns a negative Unix time into 0); the evidence keeps the stored bytes.
 */
public final class Shutdown extends SystemPlugin {
    /** The plugin. */
    public Shutdown() {
        super("shutdown", "Gets ShutdownTime value from System hive", "20200518");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        Evidenced<Instant> t = ControlSetFacts.lastShutdown(context.controlSet());
        Evidence e = t.evidence();
        return List.of(RipFact.ofEvidence(
                e.keyPath(),
                "ShutdownTime",
                t.isPresent()
                        ? RegRipperData.time(t.value().isBefore(Instant.EPOCH) ? Instant.EPOCH : t.value())
                        : null,
                e));
    }
}
