package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.PortRange;

/**
 * A predicted listener: {@code id}, {@code protocol}, {@code ipVersion}, {@code address}, {@code port}
 * ({@code null} when dynamic), {@code dynamic}, {@code localEndpoint}, {@code portRange}, {@code owner}
 * {service, process, svchostGroup, sharedWith[]}, {@code startType}, {@code mechanism} {kind,
 * description}, {@code certainty} {level, reason}, {@code firewall} {per profile {reachability,
 * decidedBy, evidence[]}, inForce {profile, reachability, reason}}, {@code evidence[]}; and the short
 * reference to one ({@code {id, protocol, localEndpoint, service, process}}) where the full record is
 * written elsewhere.
 */
public final class ListenerJson {
    private ListenerJson() {}

    /** The i-th listener of the prediction, with its report id. */
    public static void write(ObjectNode n, int index, Listener l, JsonContext c) {
        fields(n, c.ids().listener(index), l, c);
    }

    /**
     * A listener named elsewhere (a finding's, a hardening step's) with the id of the equal listener of
     * the prediction, or {@code null} for one not in the prediction as found.
     */
    public static void write(ObjectNode n, Listener l, JsonContext c) {
        fields(n, c.ids().listener(l), l, c);
    }

    private static void fields(ObjectNode n, String id, Listener l, JsonContext c) {
        n.put("id", id);
        n.put("protocol", l.protocol().name());
        n.put("ipVersion", l.ipVersion());
        n.put("address", l.address());
        n.put("port", l.port());
        n.put("dynamic", l.dynamic());
        n.put("localEndpoint", l.localEndpoint());
        if (l.portRange() == null) {
            n.putNull("portRange");
        } else {
            portRange(n.putObject("portRange"), l.portRange(), c);
        }
        ObjectNode owner = n.putObject("owner");
        owner.put("service", l.owner().service());
        owner.put("process", l.owner().process());
        owner.put("svchostGroup", l.owner().svchostGroup());
        JsonFields.strings(owner.putArray("sharedWith"), l.owner().sharedWith());
        n.put("startType", c.startType(l.owner().service()));
        ObjectNode m = n.putObject("mechanism");
        m.put("kind", l.mechanism().kind().name().toLowerCase(Locale.ROOT));
        m.put("description", l.mechanism().description());
        JsonFields.certainty(n.putObject("certainty"), l.certainty());
        ObjectNode fw = n.putObject("firewall");
        l.firewall().profiles().forEach((profile, d) -> {
            ObjectNode p = fw.putObject(profile);
            p.put("reachability", d.reachability().word());
            p.put("decidedBy", d.decidedBy());
            EvidenceJson.array(p.putArray("evidence"), d.evidence(), c);
        });
        ObjectNode inForce = fw.putObject("inForce");
        FirewallVerdict.Decision d = l.firewall().inForceDecision();
        inForce.put(
                "profile",
                l.firewall().inForce() == null ? null : l.firewall().inForce().toLowerCase(Locale.ROOT));
        inForce.put("reachability", l.firewall().inForceReachability().word());
        inForce.put("reason", d == null ? "no firewall profile was evaluated" : d.decidedBy());
        EvidenceJson.array(n.putArray("evidence"), l.evidence(), c);
    }

    /** A listener by its identity only, where the full record is in the report's {@code listeners}. */
    public static void reference(ObjectNode n, Listener l, JsonContext c) {
        n.put("id", c.ids().listener(l));
        n.put("protocol", l.protocol().name());
        n.put("localEndpoint", l.localEndpoint());
        n.put("service", l.owner().service());
        n.put("process", l.owner().process());
    }

    /** A port range: {@code {first, last, origin, evidence[]}}. */
    public static void portRange(ObjectNode n, PortRange r, JsonContext c) {
        n.put("first", r.first());
        n.put("last", r.last());
        n.put("origin", r.origin());
        EvidenceJson.array(n.putArray("evidence"), r.evidence(), c);
    }
}
