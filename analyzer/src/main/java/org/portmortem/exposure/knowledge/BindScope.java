package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Which local addresses a listener binds to. */
public enum BindScope {
    /** The wildcard address: 0.0.0.0 for IPv4, :: for IPv6. */
    ALL,
    /** One socket on each IP address of each network interface. */
    PER_INTERFACE_ADDRESS,
    /** The loopback address only: 127.0.0.1 or ::1. */
    LOOPBACK,
    /** One socket on each interface address and one on the loopback address. */
    PER_INTERFACE_ADDRESS_AND_LOOPBACK,
    /** One socket on each address of an interface that gets its address from DHCP. */
    PER_DHCP_INTERFACE_ADDRESS,
    /** One socket on each address of an interface where NetBIOS over TCP/IP is enabled (NetBT). */
    PER_NETBIOS_INTERFACE_ADDRESS;

    /** The spelling used in knowledge files, e.g. {@code per-interface-address}. */
    @JsonValue
    public String token() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static BindScope ofToken(String token) {
        return valueOf(token.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
