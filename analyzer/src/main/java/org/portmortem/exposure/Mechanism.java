package org.portmortem.exposure;

import java.util.Objects;
import org.portmortem.RecordHash;

/**
 * What opens a socket.
 *
 * @param kind the mechanism
 * @param description one line, e.g. "NetBT session service on 192.70.106.143"
 */
public record Mechanism(Kind kind, String description) {

    /** The mechanisms the predictor knows. */
    public enum Kind {
        /** A fixed port the knowledge base lists for the service. */
        FIXED_PORT,
        /** A port read from a registry value (RDP PortNumber, TelnetPort, ...). */
        REGISTRY_PORT,
        /** NetBIOS over TCP/IP: 137/138/139 per interface address. */
        NETBT,
        /** Direct-hosted SMB on 445 (NetBT's SMB device before 2003, srv/srv2/srvnet after). */
        SMB_DIRECT_HOST,
        /** The RPC endpoint mapper on 135. */
        ENDPOINT_MAPPER,
        /** A port from the RPC dynamic range, taken by a process that registers ncacn_ip_tcp or ncadg_ip_udp. */
        DYNAMIC_RPC,
        /** An ephemeral port outside RPC's control (a cached client socket, a port chosen at install). */
        DYNAMIC_PORT,
        /** A WinRM listener from the WSMAN\Listener registry keys. */
        WINRM_LISTENER,
        /** A netsh interface portproxy rule. */
        PORT_PROXY,
        /** A SQL Server instance's TCP port from its SuperSocketNetLib keys. */
        SQL_SERVER,
        /** HTTP.sys (System) on a port of a URL reservation whose registering service starts at boot. */
        HTTP_SYS_URL,
        /**
         * HTTP.sys (System) on a port of a URL reservation or certificate binding whose registering
         * program is not known to start at boot: a possible listener, not a predicted one.
         */
        HTTP_SYS_RESERVATION
    }

    // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Mechanism that
                        && Objects.equals(kind, that.kind)
                        && Objects.equals(description, that.description);
    }

    @Override
    public int hashCode() {
        return RecordHash.of(kind, description);
    }
}
