package org.portmortem.verdict;

import java.util.Objects;
import org.portmortem.snapshot.Socket;

/**
 * An established (or opening/closing) TCP connection of a snapshot, with its owner and remote end.
 *
 * @param socket the socket as read
 * @param direction inbound when the local port is that of an observed listener of the same address
 *     (or of {@code 0.0.0.0}), else outbound
 * @param owner who owns it
 * @param remoteEndpoint the foreign endpoint as netstat prints it ({@code 192.70.106.76:22})
 */
public record Connection(Socket socket, Direction direction, ObservedOwner owner, String remoteEndpoint) {

    /** Which side opened the connection, as far as the listing tells. */
    public enum Direction {
        /** Accepted by a local listener. */
        INBOUND,
        /** Opened by this host. */
        OUTBOUND
    }

    public Connection {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(direction, "direction");
    }
}
