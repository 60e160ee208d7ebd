package org.portmortem.model;

/** A service's Start value: when the service control manager or the loader starts it. */
public enum StartType {
    /** 0: loaded by the boot loader (drivers only). */
    BOOT(0),
    /** 1: loaded during kernel initialisation (drivers only). */
    SYSTEM(1),
    /** 2: started by the service control manager at boot. */
    AUTOMATIC(2),
    /** 3: started on demand (by a dependent, a trigger, or a program). */
    MANUAL(3),
    /** 4: not started. */
    DISABLED(4),
    /** The value is missing or holds a number Windows does not define. */
    UNKNOWN(-1);

    private final int code;

    StartType(int code) {
        this.code = code;
    }

    /** The Start value Windows stores; -1 for {@link #UNKNOWN}. */
    public int code() {
        return code;
    }

    /** The constants, made once: {@code values()} copies its array on every call, per service and state. */
    private static final StartType[] ALL = values();

    /** The start type for a stored Start value; {@code null} or an undefined number gives UNKNOWN. */
    public static StartType of(Integer start) {
        if (start != null) {
            for (StartType t : ALL) {
                if (t.code == start && t != UNKNOWN) {
                    return t;
                }
            }
        }
        return UNKNOWN;
    }
}
