package org.portmortem.exposure.knowledge;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The Windows families the knowledge base distinguishes, with their server editions: the columns of
 * table A of the facts document. Knowledge files name them, or the groups {@code ALL},
 * {@code PRE_VISTA} (2000, XP, 2003) and {@code VISTA_PLUS}.
 */
public enum Family {
    /** Windows 2000 Professional and Server (NT 5.0). */
    WIN2000,
    /** Windows XP (NT 5.1; XP x64 reports 5.2 but behaves as 2003). */
    WINXP,
    /** Windows Server 2003 and 2003 R2 (NT 5.2). */
    WIN2003,
    /** Windows Vista, 7, Server 2008 and 2008 R2 (NT 6.0, 6.1). */
    VISTA7,
    /** Windows 8, 8.1, Server 2012 and 2012 R2 (NT 6.2, 6.3 below build 10000). */
    WIN8,
    /** Windows 10 and 11, Server 2016 and later (build 10240 and above). */
    WIN10;

    /** True for 2000, XP and 2003: dynamic range 1025-5000, NetBT SMB device. */
    public boolean preVista() {
        return ordinal() <= WIN2003.ordinal();
    }

    /** The families a knowledge-file token stands for. */
    public static Set<Family> parseToken(String token) {
        String t = token.trim().toUpperCase(Locale.ROOT);
        return switch (t) {
            case "ALL" -> EnumSet.allOf(Family.class);
            case "PRE_VISTA" -> EnumSet.of(WIN2000, WINXP, WIN2003);
            case "VISTA_PLUS" -> EnumSet.of(VISTA7, WIN8, WIN10);
            default -> EnumSet.of(Family.valueOf(t));
        };
    }
}
