package org.portmortem.exposure;

/** The transport of a listening socket, as netstat names it. */
public enum Protocol {
    TCP,
    UDP
}
