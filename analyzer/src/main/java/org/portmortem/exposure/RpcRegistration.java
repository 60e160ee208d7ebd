package org.portmortem.exposure;

import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.knowledge.RpcInterfaceKnowledge;

/**
 * An RPC interface a running service or process registers, before its endpoints are resolved.
 *
 * @param iface what the knowledge base says about the interface
 * @param owner the hosting service and process
 * @param processInstance the process instance the dynamic port is shared within
 * @param certainty how sure the registration is
 * @param evidence why the service runs and the interface applies
 */
record RpcRegistration(
        RpcInterfaceKnowledge iface,
        Owner owner,
        String processInstance,
        Certainty certainty,
        List<Evidence> evidence) {}
