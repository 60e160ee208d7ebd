package org.portmortem.bootplan;

/** What happens to a service or driver at the next boot. */
public enum BootDecision {
    /** Loaded or started at boot on its own account: a boot/system driver, or an automatic service. */
    RUNS,
    /** Demand-start (or not otherwise started), but a service that starts at boot depends on it. */
    RUNS_AS_DEPENDENCY,
    /** An automatic service with DelayedAutostart: started shortly after the other automatic ones. */
    DELAYED,
    /** A demand-start service with start triggers; whether it runs depends on its triggers firing. */
    TRIGGER_START,
    /** Demand-start and nothing at boot needs it. */
    NOT_STARTED,
    /** Start = 4. */
    DISABLED,
    /** Would be started, but a dependency is disabled, missing or in a cycle. */
    FAILS_TO_START;
}
