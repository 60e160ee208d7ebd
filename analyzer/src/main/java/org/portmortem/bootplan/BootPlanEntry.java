package org.portmortem.bootplan;

import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.evidence.SharedText;
import org.portmortem.model.Service;

/**
 * One service or driver in the boot plan: what happens to it at the next boot, and why.
 *
 * @param service the service
 * @param decision what happens to it
 * @param willRun whether it would be running after boot: true for RUNS, RUNS_AS_DEPENDENCY and
 *     DELAYED, and for TRIGGER_START when a start trigger fires at a normal boot
 * @param reason one line a person reads, e.g. "Start=2 (automatic)" or "depends on IISADMIN, which
 *     is disabled (Start=4)"
 * @param failureChain for FAILS_TO_START, the chain from this service to the dependency that fails,
 *     e.g. [W3SVC, IISADMIN]; for members of a dependency cycle, the cycle; else empty
 * @param requiredBy for RUNS_AS_DEPENDENCY, the starting services that pull this one in; else empty
 * @param evidence the registry facts the decision rests on (Start, Type, DependOnService, ...)
 * @param host the process that would host it
 */
public record BootPlanEntry(
        Service service,
        BootDecision decision,
        boolean willRun,
        String reason,
        List<String> failureChain,
        List<String> requiredBy,
        List<Evidence> evidence,
        HostProcess host) {

    /** Most reasons are one of a few sentences ("Start=3 (manual); ..."): kept once, see {@link SharedText}. */
    public BootPlanEntry {
        reason = SharedText.of(reason);
    }

    /** The service name. */
    public String name() {
        return service.name();
    }
}
