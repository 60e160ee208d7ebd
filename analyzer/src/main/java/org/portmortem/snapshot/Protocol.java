package org.portmortem.snapshot;

/** The transport protocol of a socket, as netstat's Proto column names it (TCPv6 and UDPv6 fold in here). */
public enum Protocol {
    TCP,
    UDP
}
