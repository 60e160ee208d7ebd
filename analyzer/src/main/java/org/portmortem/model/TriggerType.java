package org.portmortem.model;

/**
 * The kind of event a service trigger waits for (SERVICE_TRIGGER dwTriggerType, winsvc.h; see
 * {@code triggers.json} for the sources).
 */
public enum TriggerType {
    /** 1 SERVICE_TRIGGER_TYPE_DEVICE_INTERFACE_ARRIVAL. */
    DEVICE_INTERFACE_ARRIVAL(1),
    /** 2 SERVICE_TRIGGER_TYPE_IP_ADDRESS_AVAILABILITY. */
    IP_ADDRESS_AVAILABILITY(2),
    /** 3 SERVICE_TRIGGER_TYPE_DOMAIN_JOIN. */
    DOMAIN_JOIN(3),
    /** 4 SERVICE_TRIGGER_TYPE_FIREWALL_PORT_EVENT. */
    FIREWALL_PORT_EVENT(4),
    /** 5 SERVICE_TRIGGER_TYPE_GROUP_POLICY. */
    GROUP_POLICY(5),
    /** 6 SERVICE_TRIGGER_TYPE_NETWORK_ENDPOINT (RPC interface or named pipe request). */
    NETWORK_ENDPOINT(6),
    /** 7 SERVICE_TRIGGER_TYPE_CUSTOM_SYSTEM_STATE_CHANGE. */
    CUSTOM_SYSTEM_STATE_CHANGE(7),
    /** 20 SERVICE_TRIGGER_TYPE_CUSTOM (an ETW provider event). */
    CUSTOM(20),
    /** 30 SERVICE_TRIGGER_TYPE_AGGREGATE. */
    AGGREGATE(30),
    /** A number not in the list above. */
    UNKNOWN(-1);

    private final int code;

    TriggerType(int code) {
        this.code = code;
    }

    /** The dwTriggerType number. */
    public int code() {
        return code;
    }

    /** The type for a stored number, UNKNOWN if not defined. */
    public static TriggerType of(int code) {
        for (TriggerType t : values()) {
            if (t.code == code && t != UNKNOWN) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
