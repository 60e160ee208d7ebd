package org.portmortem.model;

import java.time.Instant;

/**
 * One {@code ControlSet00N} key of SYSTEM.
 *
 * @param number N
 * @param keyPath the key's path, e.g. {@code ControlSet001}
 * @param lastWritten the key's last-write time, or {@code null} where the source has none
 */
public record ControlSet(int number, String keyPath, Instant lastWritten) {}
