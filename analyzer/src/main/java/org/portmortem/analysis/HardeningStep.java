package org.portmortem.analysis;

import java.util.List;
import org.portmortem.exposure.Listener;
import org.portmortem.verdict.RemediationRef;

/**
 * One step of the hardening plan: a remediation applied on top of the previous steps, and the
 * listening set predicted after it.
 *
 * @param number 0 for the machine as found, then 1, 2, ... in the order the steps are applied
 * @param title what the step does, one line ("as found" for step 0)
 * @param remediations the remediations applied at this step (empty for step 0)
 * @param listeners the listeners predicted after this step, in the predictor's order
 * @param openPorts how many listening sockets are predicted after this step (the chart's data point)
 * @param closed the local endpoints (protocol and {@code address:port}) that this step closes
 * @param opened the local endpoints that this step opens (rare: a service moving ports)
 */
public record HardeningStep(int number, String title, List<RemediationRef> remediations, List<Listener> listeners,
        int openPorts, List<String> closed, List<String> opened) {
    public HardeningStep {
        remediations = List.copyOf(remediations);
        listeners = List.copyOf(listeners);
        closed = List.copyOf(closed);
        opened = List.copyOf(opened);
    }
}
