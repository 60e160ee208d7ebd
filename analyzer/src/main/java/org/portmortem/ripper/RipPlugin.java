package org.portmortem.ripper;

import java.io.IOException;
import java.util.List;

/**
 * A port of a RegRipper plugin (or an addition RegRipper lacks): it declares the kind of hive it
 * reads and yields typed facts. Facts come from the {@link org.portmortem.model.SystemModel} where
 * the model holds them, and otherwise from the hive's keys below the model's control set.
 */
public interface RipPlugin {
    /** The plugin name, as RegRipper's {@code -p} takes it (e.g. {@code compname}). */
    String name();

    /** The kind of hive the plugin reads; for a plugin that reads several, the first of {@link #hiveTypes()}. */
    HiveType hiveType();

    /**
     * Every kind of hive the plugin reads, in RegRipper's order: most read one, termserv reads System
     * and Software and reports what the hive it is given holds.
     */
    default List<HiveType> hiveTypes() {
        return List.of(hiveType());
    }

    /** Whether the plugin reads that kind of hive. */
    default boolean reads(HiveType type) {
        return hiveTypes().contains(type);
    }

    /** One line saying what the plugin reports. */
    String description();

    /**
     * The version of the RegRipper plugin this port reports the same facts as (e.g.
     * {@code 20090727}), or {@code ""} for a plugin RegRipper 3.0 does not have.
     */
    String regRipperVersion();

    /** How RegRipper lays out this plugin's text. */
    default RipLayout layout() {
        return RipLayout.LIST;
    }

    /** Whether RegRipper offers a {@code _tln} timeline variant of this plugin. */
    default boolean hasTimeline() {
        return false;
    }

    /**
     * Reads the facts.
     *
     * @param context a context whose hive is of one of {@link #hiveTypes()}
     */
    List<RipFact> run(RipContext context) throws IOException;
}
