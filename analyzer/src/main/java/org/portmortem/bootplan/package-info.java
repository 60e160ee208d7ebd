/**
 * The boot plan: which services and drivers would run after the next boot and why (start type,
 * dependencies pulled in, failures with their chain, delayed and trigger starts) and which process
 * hosts each one. Reads only the system model. For many states of one machine (the hardening plan's),
 * {@code BootPlan.StatesOfOneMachine} keeps each service's entry while what decided it is the same.
 */
package org.portmortem.bootplan;
