package org.portmortem.ripper.system;

import java.util.List;
import org.portmortem.model.Evidenced;
import org.portmortem.model.MachineIdentity;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/** {@code compname}: the NetBIOS computer name and the TCP/IP host name, from the model's identity. */
public final class ComputerName extends SystemPlugin {
    /** The plugin. */
    public ComputerName() {
        super("compname", "Gets ComputerName and Hostname values from System hive", "20090727");
    }

    @Override
    public List<RipFact> run(RipContext context) {
        MachineIdentity id = context.systemModel().identity();
        return List.of(fact("ComputerName", id.computerName()), fact("TCP/IP Hostname", id.hostName()));
    }

    private static RipFact fact(String name, Evidenced<String> e) {
        return RipFact.ofEvidence("", name, e.value(), e.evidence());
    }
}
