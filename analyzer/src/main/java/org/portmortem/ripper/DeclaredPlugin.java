package org.portmortem.ripper;

import java.util.List;

/**
 * A plugin whose name, hive types, description and RegRipper version are fixed when it is made, so a
 * plugin class only says what it reads.
 */
public abstract class DeclaredPlugin implements RipPlugin {
    private final String name;
    private final List<HiveType> hiveTypes;
    private final String description;
    private final String regRipperVersion;

    /**
     * @param name the plugin name ({@code -p})
     * @param hiveTypes the kinds of hive it reads, the first being {@link #hiveType()}
     * @param description one line
     * @param regRipperVersion the RegRipper plugin version ported, or {@code ""} for an addition
     */
    protected DeclaredPlugin(String name, List<HiveType> hiveTypes, String description, String regRipperVersion) {
        if (hiveTypes.isEmpty()) {
            throw new IllegalArgumentException(name + ": a plugin reads at least one kind of hive");
        }
        this.name = name;
        this.hiveTypes = List.copyOf(hiveTypes);
        this.description = description;
        this.regRipperVersion = regRipperVersion;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final HiveType hiveType() {
        return hiveTypes.get(0);
    }

    @Override
    public final List<HiveType> hiveTypes() {
        return hiveTypes;
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
