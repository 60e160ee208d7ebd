package org.portmortem.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A Windows release family: client and server releases that share a kernel version and so the same
 * services and defaults. Build numbers decide; the product name alone can mislead (Windows 11 still
 * says "Windows 10" in ProductName).
 */
public enum WindowsFamily {
    /** Windows NT 4.0 (kernel 4.0, build 1381). */
    NT4("Windows NT 4.0"),
    /** Windows 2000 (5.0, build 2195). */
    WIN2000("Windows 2000"),
    /** Windows XP (5.1, build 2600; XP x64 is 5.2 with ProductType WinNT). */
    XP("Windows XP"),
    /** Windows Server 2003 and 2003 R2 (5.2, build 3790). */
    SERVER_2003("Windows Server 2003"),
    /** Windows Vista and Server 2008 (6.0, builds 6000-6003). */
    VISTA_2008("Windows Vista / Server 2008"),
    /** Windows 7 and Server 2008 R2 (6.1, builds 7600-7601). */
    WIN7_2008R2("Windows 7 / Server 2008 R2"),
    /** Windows 8 and Server 2012 (6.2, build 9200). */
    WIN8_2012("Windows 8 / Server 2012"),
    /** Windows 8.1 and Server 2012 R2 (6.3, build 9600). */
    WIN81_2012R2("Windows 8.1 / Server 2012 R2"),
    /** Windows 10 and Server 2016, 2019, 2022 (10.0, builds 10240 to below 22000, and 20348). */
    WIN10_2016_2022("Windows 10 / Server 2016-2022"),
    /** Windows 11 and Server 2025 (10.0, build 22000 and later). */
    WIN11_2025("Windows 11 / Server 2025"),
    /** Nothing in the hives tells. */
    UNKNOWN("unknown Windows");

    private final String displayName;

    WindowsFamily(String displayName) {
        this.displayName = displayName;
    }

    /** The family as a person names it. */
    public String displayName() {
        return displayName;
    }

    /** True for families up to and including Windows Server 2003 (the NT 5 generation and older). */
    public boolean isPreVista() {
        return ordinal() <= SERVER_2003.ordinal();
    }

    /** True for a known family that is {@code other} or a later one ({@link #UNKNOWN} is neither). */
    public boolean atLeast(WindowsFamily other) {
        return this != UNKNOWN && ordinal() >= other.ordinal();
    }

    /**
     * The families a knowledge-file token stands for: the columns of table A of the facts document
     * ({@code WIN2000}, {@code WINXP}, {@code WIN2003}, {@code VISTA7} for Vista, 7, 2008 and 2008 R2,
     * {@code WIN8} for 8, 8.1, 2012 and 2012 R2, {@code WIN10} for 10, 11 and Server 2016 and later),
     * or the groups {@code ALL}, {@code PRE_VISTA} (2000, XP, 2003) and {@code VISTA_PLUS}. NT 4.0 and
     * an unknown family are in none: the knowledge base starts at Windows 2000.
     *
     * @throws IllegalArgumentException for any other token (a defect of the knowledge file)
     */
    public static Set<WindowsFamily> ofKnowledgeToken(String token) {
        return switch (token.trim().toUpperCase(Locale.ROOT)) {
            case "ALL" -> EnumSet.range(WIN2000, WIN11_2025);
            case "PRE_VISTA" -> EnumSet.range(WIN2000, SERVER_2003);
            case "VISTA_PLUS" -> EnumSet.range(VISTA_2008, WIN11_2025);
            case "WIN2000" -> EnumSet.of(WIN2000);
            case "WINXP" -> EnumSet.of(XP);
            case "WIN2003" -> EnumSet.of(SERVER_2003);
            case "VISTA7" -> EnumSet.of(VISTA_2008, WIN7_2008R2);
            case "WIN8" -> EnumSet.of(WIN8_2012, WIN81_2012R2);
            case "WIN10" -> EnumSet.of(WIN10_2016_2022, WIN11_2025);
            default -> throw new IllegalArgumentException("not a knowledge-base family: " + token);
        };
    }
}
