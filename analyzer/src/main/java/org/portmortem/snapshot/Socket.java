package org.portmortem.snapshot;

import java.util.List;
import java.util.Objects;

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
        int line) {

    public Socket {
        Objects.requireNonNull(protocol);
        Objects.requireNonNull(localAddress);
        Objects.requireNonNull(localPort);
        services = List.copyOf(services);
    }

    /** The same socket with its owner filled in. */
    public Socket withOwner(String newProcess, List<String> newServices) {
        return new Socket(protocol, ipVersion, localAddress, localPort, foreignAddress, foreignPort, state, stateText,
                pid, newProcess, newServices, line);
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
