package org.portmortem.snapshot;

/** The transport protocol of a socket, as netstat's Proto column names it (TCPv6 and UDPv6 fold in here). */
public enum Protocol {
    TCP,
    UDP,
    /**
     * Another IP protocol: a raw socket that Volatility 2's {@code sockets}/{@code sockscan} list by
     * protocol number (e.g. 255 "Reserved"). netstat never prints one; it is never a listener.
     */
    RAW
}
