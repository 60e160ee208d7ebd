package org.portmortem.snapshot;

/**
 * What a row of a memory-image listing stands for. A pool scan ({@code windows.netscan},
 * {@code netscan}, {@code sockscan}, {@code connscan}) reads every block of memory that looks
 * like a socket object: live ones, freed ones whose memory was not reused yet, the same object
 * reached through several kernel address aliases, and garbage. Every row is kept and shown with
 * its mark; only {@link #LIVE} rows are judged as observed sockets, each socket once.
 */
public enum RecordMark {
    /** A socket that existed when memory was captured, as far as the row tells. */
    LIVE,
    /** A TCP object in state CLOSED, or one without an owning process: freed or being torn down. */
    CLOSED,
    /** The same socket as an earlier row (same endpoints, state, owner and creation time) at another offset. */
    DUPLICATE,
    /** A UDP or raw object bound to local port 0: created but never bound, so netstat would not list it. */
    UNBOUND,
    /** Fields no live socket can have (an unparseable address, a PID that is not a multiple of 4, control bytes). */
    IMPLAUSIBLE
}
