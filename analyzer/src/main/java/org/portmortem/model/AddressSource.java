package org.portmortem.model;

/** Where an interface's address at boot comes from. */
public enum AddressSource {
    /** Configured statically (IPAddress with EnableDHCP = 0). */
    STATIC,
    /**
     * The address of the last DHCP lease recorded in the hive (DhcpIPAddress). At boot the DHCP
     * client asks to renew it; the server may hand out another one, so this is a likely, not a
     * certain, address.
     */
    DHCP_LAST_LEASE
}
