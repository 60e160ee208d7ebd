package org.portmortem.ripper.system;

import java.util.List;
import org.portmortem.model.ControlSetFacts;
import org.portmortem.model.Evidenced;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/** {@code compname}: the NetBIOS computer name and the TCP/IP host name, read as the model's identity reads them. */
public final class ComputerName extends SystemPlugin {
    /** The plugin. */
    public ComputerName() {
        super("compname", "Gets ComputerName and Hostname values from System hive", "20090727");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        return List.of(
                fact("ComputerName", ControlSetFacts.computerName(context.controlSet())),
                fact("TCP/IP Hostname", ControlSetFacts.hostName(context.controlSet())));
    }

    private static RipFact fact(String name, Evidenced<String> e) {
        return RipFact.ofEvidence("", name, e.value(), e.evidence());
    }
}
