package org.portmortem.model;

import java.util.EnumSet;
import java.util.Set;

/**
 * The bits of a service's Type value (SERVICE_* type flags, winsvc.h). A Type holds one or more of
 * them; {@link #of(int)} splits it.
 */
public enum ServiceType {
    /** 0x1 SERVICE_KERNEL_DRIVER. */
    KERNEL_DRIVER(0x1),
    /** 0x2 SERVICE_FILE_SYSTEM_DRIVER. */
    FILE_SYSTEM_DRIVER(0x2),
    /** 0x4 SERVICE_ADAPTER (obsolete). */
    ADAPTER(0x4),
    /** 0x8 SERVICE_RECOGNIZER_DRIVER. */
    RECOGNIZER_DRIVER(0x8),
    /** 0x10 SERVICE_WIN32_OWN_PROCESS: a service with a process of its own. */
    OWN_PROCESS(0x10),
    /** 0x20 SERVICE_WIN32_SHARE_PROCESS: a service that shares a process (svchost, lsass, services). */
    SHARE_PROCESS(0x20),
    /** 0x40 SERVICE_USER_SERVICE: a per-user service template (0x50 = user own process). */
    USER_SERVICE(0x40),
    /** 0x80 SERVICE_USERSERVICE_INSTANCE: an instance of a per-user service. */
    USER_SERVICE_INSTANCE(0x80),
    /** 0x100 SERVICE_INTERACTIVE_PROCESS: may interact with the desktop. */
    INTERACTIVE(0x100);

    /** The bits that make a service a driver (Type &amp; 0x0B). */
    public static final int DRIVER_MASK = 0x0B;

    private final int bit;

    ServiceType(int bit) {
        this.bit = bit;
    }

    /** The bit in the Type value. */
    public int bit() {
        return bit;
    }

    /** The flags set in a Type value; bits Windows does not define are left out. */
    public static Set<ServiceType> of(int type) {
        Set<ServiceType> out = EnumSet.noneOf(ServiceType.class);
        for (ServiceType t : values()) {
            if ((type & t.bit) != 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** Whether a Type value describes a driver (kernel, file-system or recognizer). */
    public static boolean isDriver(int type) {
        return (type & DRIVER_MASK) != 0;
    }
}
