/**
 * The system model: what the SYSTEM and SOFTWARE hives say, typed. {@code SystemModel} holds the
 * version and family, control sets, identity and time zone, services and drivers, svchost groups,
 * triggers and interfaces; every fact is an {@code Evidenced<T>} that carries the key, value and
 * last-write time it was read from, so any line of a report can be checked with another tool.
 */
package org.portmortem.model;
