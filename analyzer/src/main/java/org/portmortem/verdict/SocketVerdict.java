package org.portmortem.verdict;

import java.util.Objects;
import org.portmortem.exposure.Listener;
import org.portmortem.snapshot.Socket;

/**
 * The verdict on one observed listening socket: a TCP socket in LISTENING state, or a UDP endpoint
 * (netstat lists every bound UDP endpoint, {@code *:*} foreign side).
 *
 * @param socket the socket as read
 * @param kind explained, unexplained or artefact
 * @param listener for EXPLAINED, the predicted listener that accounts for it; else {@code null}
 * @param owner who owns it (observed, or inferred from the model and marked so)
 * @param reason why, in one or two sentences: "fixed port 445 predicted for NetBT on 0.0.0.0",
 *     "dynamic port 1025 in 1024-5000 owned by PID 976, the process of the predicted RPC server",
 *     "listing has no PIDs: matched by (protocol, address, port)"
 */
public record SocketVerdict(Socket socket, VerdictKind kind, Listener listener, ObservedOwner owner, String reason) {

    public SocketVerdict {
        Objects.requireNonNull(socket, "socket");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        if ((kind == VerdictKind.EXPLAINED) != (listener != null)) {
            throw new IllegalArgumentException("an explained socket names its listener, others none");
        }
    }
}
