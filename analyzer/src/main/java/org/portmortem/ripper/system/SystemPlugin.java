package org.portmortem.ripper.system;

import org.portmortem.ripper.HiveType;
import org.portmortem.ripper.RipPlugin;

/** A plugin that reads the SYSTEM hive, with its name, description and RegRipper version fixed at construction. */
public abstract class SystemPlugin implements RipPlugin {
    private final String name;
    private final String description;
    private final String regRipperVersion;

    /**
     * @param name the plugin name ({@code -p})
     * @param description one line
     * @param regRipperVersion the RegRipper plugin version ported, or {@code ""} for an addition
     */
    protected SystemPlugin(String name, String description, String regRipperVersion) {
        this.name = name;
        this.description = description;
        this.regRipperVersion = regRipperVersion;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final HiveType hiveType() {
        return HiveType.SYSTEM;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final String regRipperVersion() {
        return regRipperVersion;
    }
}
