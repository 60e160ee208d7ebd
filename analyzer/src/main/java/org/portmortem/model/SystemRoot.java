package org.portmortem.model;

import org.portmortem.hive.Hive;
import org.portmortem.model.RegistryFacts.KeyAt;

/** Where Windows is installed, from SOFTWARE {@code Microsoft\Windows NT\CurrentVersion\SystemRoot}. */
final class SystemRoot {
    static final String CURRENT_VERSION = "Microsoft\\Windows NT\\CurrentVersion";
    /** What image paths assume when SOFTWARE does not say. */
    static final String ASSUMED = "C:\\Windows";

    private SystemRoot() {}

    static Evidenced<String> read(Hive software, RegistryFacts facts) {
        return facts.string(KeyAt.inSoftware(software, CURRENT_VERSION), "SystemRoot");
    }
}
