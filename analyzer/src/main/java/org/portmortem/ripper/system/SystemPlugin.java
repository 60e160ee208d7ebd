package org.portmortem.ripper.system;

import java.util.List;
import org.portmortem.ripper.DeclaredPlugin;
import org.portmortem.ripper.HiveType;

/** A plugin that reads the SYSTEM hive, with its name, description and RegRipper version fixed at construction. */
public abstract class SystemPlugin extends DeclaredPlugin {
    /**
     * @param name the plugin name ({@code -p})
     * @param description one line
     * @param regRipperVersion the RegRipper plugin version ported, or {@code ""} for an addition
     */
    protected SystemPlugin(String name, String description, String regRipperVersion) {
        super(name, List.of(HiveType.SYSTEM), description, regRipperVersion);
    }
}
