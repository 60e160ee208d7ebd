package org.portmortem.snapshot.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.portmortem.net.Protocol;
import org.portmortem.snapshot.MemoryRecord;
import org.portmortem.snapshot.RecordMark;
import org.portmortem.snapshot.Socket;
import org.portmortem.snapshot.SocketState;

/**
 * Marks the rows of a pool scan (see {@link RecordMark}), first rule that applies:
 * <ol>
 *   <li>implausible: a local address that is not an address of the row's IP version, a
 *       non-numeric local port, an unknown address family ({@code TCPv?}), control characters
 *       in the owner, or a PID that is not a multiple of 4 (Windows allocates process IDs from
 *       a handle table in steps of 4: Raymond Chen, "Why are process and thread IDs multiples
 *       of four?", The Old New Thing, 2008-02-28);</li>
 *   <li>closed: TCP state {@code CLOSED}, or owner PID 0 (no process; the netscan plugin of
 *       Volatility 3 prints {@code -} for it);</li>
 *   <li>unbound: local port 0 (UDP and raw objects created but never bound);</li>
 *   <li>duplicate: the same protocol, IP version, endpoints, state, PID, owner and creation time as
 *       an earlier live row at another offset (the same object reached through another kernel
 *       address alias, or found twice by the scan).</li>
 * </ol>
 * A dual-stack object appears as a v4 and a v6 row at one offset; both are kept live, as netstat
 * lists both.
 */
public final class RecordMarks {
    private RecordMarks() {}

    /** The rows with their marks, in the same order. */
    public static List<Socket> mark(List<Socket> rows) {
        List<Socket> out = new ArrayList<>(rows.size());
        Map<String, Socket> firstLive = new HashMap<>();
        for (Socket s : rows) {
            MemoryRecord m = s.memory();
            String implausible = implausible(s);
            if (implausible != null) {
                out.add(s.withMemory(m.marked(RecordMark.IMPLAUSIBLE, implausible, null)));
                continue;
            }
            if (s.protocol() == Protocol.TCP && s.state() == SocketState.CLOSED) {
                out.add(s.withMemory(m.marked(
                        RecordMark.CLOSED,
                        "TCP state CLOSED: the connection is torn down and" + " its object lingers in pool memory",
                        null)));
                continue;
            }
            if (s.pid() != null && s.pid() == 0) {
                out.add(s.withMemory(m.marked(
                        RecordMark.CLOSED,
                        "owner PID 0: no process holds the object (freed," + " or a connection in TIME_WAIT)",
                        null)));
                continue;
            }
            if (s.localPort().isNumeric() && s.localPort().number() == 0) {
                out.add(s.withMemory(m.marked(
                        RecordMark.UNBOUND,
                        "local port 0: created but not bound to a port;" + " netstat does not list such objects",
                        null)));
                continue;
            }
            String key = String.join(
                    "|",
                    s.protocol().name(),
                    String.valueOf(s.ipVersion()),
                    s.localAddress(),
                    s.localPort().toString(),
                    s.foreignAddress(),
                    String.valueOf(s.foreignPort()),
                    String.valueOf(s.state()),
                    String.valueOf(s.pid()),
                    String.valueOf(s.process()),
                    String.valueOf(
                            m.createdText() == null ? null : m.createdText().strip()));
            Socket first = firstLive.putIfAbsent(key, s);
            if (first != null && !Objects.equals(first.memory().offset(), m.offset())) {
                String where = first.memory().offset() != null
                        ? "offset " + first.memory().offset()
                        : "line " + first.line();
                out.add(s.withMemory(m.marked(
                        RecordMark.DUPLICATE,
                        "the same socket as " + where + " (same endpoints, state, owner and creation time)",
                        where)));
                continue;
            }
            out.add(s);
        }
        return out;
    }

    private static String implausible(Socket s) {
        if (s.protocol() != Protocol.RAW && s.ipVersion() == null) {
            return "unknown address family";
        }
        String a = s.localAddress();
        int zone = a.indexOf('%');
        String bare = zone >= 0 ? a.substring(0, zone) : a;
        if (s.ipVersion() != null && s.ipVersion() == 4 && !MemoryListingParser.isIpv4(bare)) {
            return "local address '" + a + "' is not an IPv4 address";
        }
        if (s.ipVersion() != null && s.ipVersion() == 6 && !isIpv6(bare)) {
            return "local address '" + a + "' is not an IPv6 address";
        }
        if (!s.localPort().isNumeric()) {
            return "local port '" + s.localPort() + "' is not a number";
        }
        if (s.process() != null && s.process().chars().anyMatch(c -> c < 0x20 || c == 0x7F || c == 0xFFFD)) {
            return "the owner name holds control or undecodable characters (garbage memory)";
        }
        if (s.pid() != null && s.pid() % 4 != 0) {
            return "PID " + s.pid() + " is not a multiple of 4, which no Windows process ID is";
        }
        return null;
    }

    /** A textual IPv6 address (RFC 4291 section 2.2 forms, with an optional embedded IPv4 tail). */
    static boolean isIpv6(String a) {
        if (a.isEmpty() || a.indexOf(':') < 0 || !a.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        int doubleColon = a.indexOf("::");
        if (doubleColon >= 0 && a.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = a.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String g = groups[i];
            if (g.isEmpty()) {
                continue;
            }
            if (g.contains(".")) {
                if (i != groups.length - 1 || !MemoryListingParser.isIpv4(g)) {
                    return false;
                }
                count += 2;
            } else if (g.length() > 4) {
                return false;
            } else {
                count++;
            }
        }
        return doubleColon >= 0 ? count < 8 : count == 8;
    }
}
