package org.portmortem.model;

/** Whether a service trigger's event happens during a normal boot of this machine. */
public enum TriggerFiring {
    /** The event happens at every normal boot (e.g. an IP address becomes available). */
    AT_BOOT,
    /** The event only happens later, on demand (e.g. a client calls an RPC interface). */
    ON_DEMAND,
    /** It depends on things the hives do not show (devices present, ETW events). */
    UNCERTAIN
}
