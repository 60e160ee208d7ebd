package org.portmortem.ripper;

import java.util.Locale;
import org.portmortem.hive.Hive;

/**
 * The kind of hive a plugin reads, as RegRipper names it in each plugin's {@code hive} field. The
 * kind of a given file is recognised by its content ({@link #of(Hive)}), not by its file name, since
 * exported hives are often renamed.
 */
public enum HiveType {
    /** SYSTEM: control sets, services, network configuration. */
    SYSTEM,
    /** SOFTWARE: installed software, Windows version, machine-wide policies. */
    SOFTWARE,
    /** NTUSER.DAT: one user's settings. */
    NTUSER,
    /** SAM: local accounts. */
    SAM,
    /** SECURITY: LSA secrets and policy. */
    SECURITY,
    /** A hive this tool does not recognise (a fragment, a delta hive, a test hive). */
    OTHER;

    /**
     * The kind of a hive, from the keys at its root: {@code Select} with a control set for SYSTEM,
     * {@code Microsoft\Windows NT\CurrentVersion} without {@code AppDataLow} for SOFTWARE (a user's
     * Software key saved on its own has both, and is a fragment), {@code SAM\Domains} for SAM,
     * {@code Policy} for SECURITY, {@code Software} with {@code Control Panel} or {@code Environment}
     * for NTUSER.
     */
    public static HiveType of(Hive hive) {
        if (hive.key("Select").isPresent()
                && hive.root().subkeys().stream()
                        .anyMatch(k -> k.name().toLowerCase(Locale.ROOT).startsWith("controlset"))) {
            return SYSTEM;
        }
        if (hive.key("Microsoft\\Windows NT\\CurrentVersion").isPresent()) {
            // AppDataLow is the low-integrity part of a user's Software key (HKCU\Software\AppDataLow,
            // Vista and later: iertutil CreateProtectedModeRegistry, per Geoff Chappell's study of it),
            // never a key of the machine's SOFTWARE hive
            return hive.key("AppDataLow").isPresent() ? OTHER : SOFTWARE;
        }
        if (hive.key("SAM\\Domains").isPresent()) {
            return SAM;
        }
        if (hive.key("Policy").isPresent()) {
            return SECURITY;
        }
        if (hive.key("Software").isPresent()
                && (hive.key("Control Panel").isPresent()
                        || hive.key("Environment").isPresent())) {
            return NTUSER;
        }
        return OTHER;
    }

    /** The name RegRipper prints in a plugin banner, e.g. {@code System}. */
    public String regRipperName() {
        return this == NTUSER
                ? "NTUSER.DAT"
                : name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
    }
}
