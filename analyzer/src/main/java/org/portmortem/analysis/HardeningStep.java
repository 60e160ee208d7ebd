package org.portmortem.analysis;

import java.util.List;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.remediation.Remediation;
import org.portmortem.verdict.RemoteManagement;

/**
 * One step of the hardening plan: a remediation applied on top of the previous steps, and the
 * listening set predicted after it.
 *
 * @param number 0 for the machine as found, then 1, 2, ... in the order the steps are applied
 * @param title what the step does, one line ("as found" for step 0)
 * @param remediation the remediation applied at this step, with its commands; {@code null} for step 0
 * @param guiPath where the same change is made in the GUI, or {@code null} where the sources give none
 * @param listeners the listeners predicted after this step, in the predictor's order
 * @param openPorts how many listening sockets are predicted after this step (the chart's data point)
 * @param closed the listeners this step closes, as {@code TCP 0.0.0.0:80 inetinfo.exe (W3SVC)}
 * @param opened the listeners this step opens, in the same form (rare: a socket changing owner or
 *     address when another closes)
 * @param remoteManagement the administrators' remote access this step removes and where to keep it instead,
 *     or {@code null} when it removes none
 */
public record HardeningStep(
        int number,
        String title,
        Remediation remediation,
        String guiPath,
        List<Listener> listeners,
        int openPorts,
        List<String> closed,
        List<String> opened,
        RemoteManagement.Cut remoteManagement) {
    public HardeningStep {
        listeners = List.copyOf(listeners);
        closed = List.copyOf(closed);
        opened = List.copyOf(opened);
    }

    /** A step that removes no remote management access. */
    public HardeningStep(
            int number,
            String title,
            Remediation remediation,
            String guiPath,
            List<Listener> listeners,
            int openPorts,
            List<String> closed,
            List<String> opened) {
        this(number, title, remediation, guiPath, listeners, openPorts, closed, opened, null);
    }
}
