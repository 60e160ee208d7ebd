package org.portmortem.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portmortem.net.Protocol;

/**
 * A {@code 0.0.0.0:P LISTENING} line that a Windows 2000 or XP netstat prints for the local port
 * of each outgoing TCP connection: netstat shows TDI address objects, and the address object an
 * active open binds is reported as listening although no server accepts on it (HSC, "Minimization
 * of network services on Windows systems", 2002: local port 1367 connected to port 22 is also
 * listed as {@code 0.0.0.0:1367 LISTENING}). Microsoft fixed this in Windows Server 2003, so the
 * caller must apply these results only to snapshots of Windows 2000 and XP.
 *
 * <p>The text of a listing cannot tell this artefact from a real server on port P with an
 * accepted connection on it (local port P as well); the caller weighs it against the predicted
 * listeners: a predicted server on P keeps the line a real listener.
 *
 * @param listener the LISTENING socket on the unspecified IPv4 address
 * @param evidence the connected sockets whose local port is the listener's port
 */
public record PhantomListener(Socket listener, List<Socket> evidence) {
    public PhantomListener {
        evidence = List.copyOf(evidence);
    }

    /** The phantom listeners of a snapshot, in file order. Only the text is used, not the Windows version. */
    public static List<PhantomListener> findIn(NetstatSnapshot snapshot) {
        // Connected TCP sockets by local port, in file order: one pass, not one per listener, and only
        // for the ports of such listeners, so a large listing's connections are not all held.
        Set<Port> listenerPorts = new HashSet<>();
        for (Socket l : snapshot.sockets()) {
            if (l.isListening() && "0.0.0.0".equals(l.localAddress())) {
                listenerPorts.add(l.localPort());
            }
        }
        Map<Port, List<Socket>> connectedByPort = new HashMap<>();
        for (Socket c : snapshot.sockets()) {
            if (c.protocol() == Protocol.TCP
                    && c.state() != null
                    && c.state().isConnected()
                    && listenerPorts.contains(c.localPort())) {
                connectedByPort
                        .computeIfAbsent(c.localPort(), p -> new ArrayList<>())
                        .add(c);
            }
        }
        List<PhantomListener> found = new ArrayList<>();
        for (Socket l : snapshot.sockets()) {
            if (!l.isListening() || !"0.0.0.0".equals(l.localAddress())) {
                continue;
            }
            List<Socket> connected = connectedByPort.getOrDefault(l.localPort(), List.of());
            if (!connected.isEmpty()) {
                found.add(new PhantomListener(l, connected));
            }
        }
        return found;
    }
}
