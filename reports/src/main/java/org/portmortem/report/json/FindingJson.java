package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.RemediationRef;

/**
 * A finding: {@code {id, severity, basis, title, description, listeners[], sockets[], evidence[],
 * remediations[] {action, commands[], guiPath, source}, justification}}; the report adds its {@code
 * anchor}.
 */
public final class FindingJson {
    private FindingJson() {}

    /** One finding's fields into {@code n}. */
    public static void write(ObjectNode n, Finding f, JsonContext c) {
        n.put("id", f.id());
        n.put("severity", f.severity().word());
        n.put("basis", f.basis().name().toLowerCase(Locale.ROOT));
        n.put("title", f.title());
        n.put("description", f.description());
        ArrayNode ls = n.putArray("listeners");
        f.listeners().forEach(l -> ListenerJson.write(ls.addObject(), l, c));
        ArrayNode sk = n.putArray("sockets");
        f.sockets().forEach(s -> SocketJson.write(sk.addObject(), s));
        EvidenceJson.array(n.putArray("evidence"), f.evidence(), c);
        ArrayNode rems = n.putArray("remediations");
        for (RemediationRef r : f.remediations()) {
            ObjectNode o = rems.addObject();
            o.put("action", r.action());
            JsonFields.strings(o.putArray("commands"), r.commands());
            o.put("guiPath", r.guiPath());
            o.put("source", r.source());
        }
        n.put("justification", f.justification());
    }
}
