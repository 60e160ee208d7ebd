package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.portmortem.snapshot.MemoryRecord;
import org.portmortem.snapshot.Socket;

/**
 * An observed socket: {@code {protocol, ipVersion, localAddress, localPort, localEndpoint,
 * foreignEndpoint, state, stateText, pid, process, services[], line, memory}}, {@code memory}
 * {@code null} for netstat and PowerShell, else {@code {offset, created, createdUtc, mark, markReason,
 * duplicateOf, listing, ownerNote}}.
 */
public final class SocketJson {
    private SocketJson() {}

    /** One socket's fields into {@code n}. */
    public static void write(ObjectNode n, Socket s) {
        n.put("protocol", s.protocol().name());
        n.put("ipVersion", s.ipVersion());
        n.put("localAddress", s.localAddress());
        n.put("localPort", s.localPort().toString());
        n.put("localEndpoint", s.localEndpoint());
        n.put("foreignEndpoint", s.foreignEndpoint());
        n.put("state", s.state() == null ? null : s.state().name());
        n.put("stateText", s.stateText());
        n.put("pid", s.pid());
        n.put("process", s.process());
        JsonFields.strings(n.putArray("services"), s.services());
        n.put("line", s.line());
        memory(n, s.memory());
    }

    /** A memory row's offset, creation time and mark (schema 1.2); null for netstat. */
    private static void memory(ObjectNode n, MemoryRecord m) {
        if (m == null) {
            n.putNull("memory");
            return;
        }
        ObjectNode o = n.putObject("memory");
        o.put("offset", m.offset());
        o.put("created", m.createdText());
        o.put("createdUtc", m.created() == null ? null : m.created().toString());
        o.put("mark", m.mark().name().toLowerCase(Locale.ROOT));
        o.put("markReason", m.reason());
        o.put("duplicateOf", m.duplicateOf());
        o.put("listing", m.listing());
        o.put("ownerNote", m.ownerNote());
    }
}
