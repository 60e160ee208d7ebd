package org.portmortem.net;

/**
 * The transport protocol of a socket, as netstat's Proto column names it (TCPv6 and UDPv6 fold in
 * here; the IP version is kept apart). One vocabulary for what is predicted and what is observed, so
 * that a listener and a socket compare with {@code ==}.
 */
public enum Protocol {
    TCP,
    UDP,
    /**
     * Another IP protocol: a raw socket that Volatility 2's {@code sockets}/{@code sockscan} list by
     * protocol number (e.g. 255 "Reserved"). netstat never prints one; it is never a listener, and no
     * prediction has it.
     */
    RAW
}
