package org.portmortem.snapshot;

import java.util.List;
import java.util.Objects;
import org.portmortem.net.Protocol;

/**
 * One socket line of a listing, normalized. Addresses are printed without IPv6 brackets and keep
 * their zone index ({@code fe80::1%9}); with {@code netstat -a} without {@code -n} they are host
 * names, kept as printed. The foreign side of a UDP endpoint ({@code *:*}) is address {@code "*"}
 * and a null port.
 *
 * @param protocol       TCP or UDP
 * @param ipVersion      4 or 6, or null when the address is a resolved host name
 * @param localAddress   local address as printed, brackets removed
 * @param localPort      local port, numeric or a resolved service name
 * @param foreignAddress foreign address as printed, brackets removed ({@code *} for UDP)
 * @param foreignPort    foreign port, or null for UDP
 * @param state          normalized TCP state, or null for UDP
 * @param stateText      the state exactly as printed (localized), or null for UDP
 * @param pid            owning process id ({@code -o}, PowerShell OwningProcess), or null
 * @param process        owning image name ({@code -b} {@code [exe]} line or a process table), or null
 * @param services       services hosted by the owner ({@code -b} service tag or tasklist /svc), maybe empty
 * @param line           1-based line number in the file (for CSV, the record's line)
 * @param memory         for a row of a memory-image or live-response listing, its object offset,
 *                       creation time and record mark; null for netstat and PowerShell
 */
public record Socket(
        Protocol protocol,
        Integer ipVersion,
        String localAddress,
        Port localPort,
        String foreignAddress,
        Port foreignPort,
        SocketState state,
        String stateText,
        Integer pid,
        String process,
        List<String> services,
        int line,
        MemoryRecord memory) {

    public Socket {
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(localAddress);
        Objects.requireNonNull(localPort);
        services = List.copyOf(services);
    }

    /** A socket of a netstat or PowerShell listing (no memory record). */
    public Socket(
            Protocol protocol,
            Integer ipVersion,
            String localAddress,
            Port localPort,
            String foreignAddress,
            Port foreignPort,
            SocketState state,
            String stateText,
            Integer pid,
            String process,
            List<String> services,
            int line) {
        this(
                protocol,
                ipVersion,
                localAddress,
                localPort,
                foreignAddress,
                foreignPort,
                state,
                stateText,
                pid,
                process,
                services,
                line,
                null);
    }

    /** The same socket with its owner filled in. */
    public Socket withOwner(String newProcess, List<String> newServices) {
        return new Socket(
                protocol,
                ipVersion,
                localAddress,
                localPort,
                foreignAddress,
                foreignPort,
                state,
                stateText,
                pid,
                newProcess,
                newServices,
                line,
                memory);
    }

    /** The same socket with another printed state text (a plugin that prints no state: null). */
    public Socket withStateText(String newStateText) {
        return new Socket(
                protocol,
                ipVersion,
                localAddress,
                localPort,
                foreignAddress,
                foreignPort,
                state,
                newStateText,
                pid,
                process,
                services,
                line,
                memory);
    }

    /** The same socket with another memory record (e.g. its mark decided). */
    public Socket withMemory(MemoryRecord newMemory) {
        return new Socket(
                protocol,
                ipVersion,
                localAddress,
                localPort,
                foreignAddress,
                foreignPort,
                state,
                stateText,
                pid,
                process,
                services,
                line,
                newMemory);
    }

    /**
     * Whether the row stands for a socket that existed when the listing was taken: every netstat
     * row, and a memory row marked {@link RecordMark#LIVE}. Closed, duplicate, unbound and
     * implausible memory rows are kept and shown, but never judged as listeners.
     */
    public boolean isLive() {
        return memory == null || memory.mark() == RecordMark.LIVE;
    }

    /** Whether this is a TCP socket in the LISTENING state. */
    public boolean isListening() {
        return protocol == Protocol.TCP && state == SocketState.LISTENING;
    }

    /** Local endpoint as netstat prints it ({@code [::]:135}, {@code 0.0.0.0:445}). */
    public String localEndpoint() {
        return endpoint(localAddress, localPort);
    }

    /** Foreign endpoint as netstat prints it ({@code *:*} for UDP). */
    public String foreignEndpoint() {
        return foreignPort == null ? foreignAddress + ":*" : endpoint(foreignAddress, foreignPort);
    }

    private static String endpoint(String address, Port port) {
        return (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
