package org.portmortem.report.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.model.Service;
import org.portmortem.model.ServiceTrigger;

/**
 * A service or driver with its boot decision, as the report's {@code bootPlan} entries and {@code
 * services --format json} write it: {@code id}, {@code name}, {@code displayName}, {@code kind}
 * ({@code service}, {@code driver}), the values as stored ({@code type}, {@code start}, {@code
 * imagePath}, {@code serviceDll}, {@code objectName}, {@code group}, {@code dependOnService[]}, {@code
 * dependOnGroup[]}, {@code delayedAutostart}), {@code startType} in words, {@code imageFile}
 * (ImagePath resolved), {@code triggers[]}, {@code lastWritten} (the service key's), the decision
 * ({@code decision}, {@code willRun}, {@code reason}, {@code failureChain[]}, {@code requiredBy[]}),
 * {@code host} {kind, image, path, svchostGroup} and {@code evidence[]}.
 */
public final class ServiceJson {
    private ServiceJson() {}

    /** One boot plan entry into {@code n}. */
    public static void write(ObjectNode n, BootPlanEntry e, JsonContext c) {
        Service s = e.service();
        n.put("id", c.ids().service(e.name()));
        n.put("name", e.name());
        n.put(
                "displayName",
                s.displayName().isPresent() ? s.displayName().value().raw() : null);
        n.put("kind", s.isDriver() ? "driver" : "service");
        n.put("type", s.type().value());
        n.put("start", s.start().value());
        n.put("startType", c.startType(e.name()));
        n.put("imagePath", s.imagePath().value());
        n.put("imageFile", s.image() == null ? null : s.image().file());
        n.put("serviceDll", s.serviceDll().value());
        n.put("objectName", s.objectName().value());
        n.put("group", s.group().value());
        JsonFields.strings(n.putArray("dependOnService"), s.dependsOnServices());
        JsonFields.strings(n.putArray("dependOnGroup"), s.dependsOnGroups());
        n.put("delayedAutostart", s.isDelayedAutostart());
        triggers(n.putArray("triggers"), s);
        JsonFields.instant(n, "lastWritten", s.lastWritten(), c);
        n.put("decision", e.decision().name().toLowerCase(Locale.ROOT));
        n.put("willRun", e.willRun());
        n.put("reason", e.reason());
        JsonFields.strings(n.putArray("failureChain"), e.failureChain());
        JsonFields.strings(n.putArray("requiredBy"), e.requiredBy());
        ObjectNode host = n.putObject("host");
        host.put("kind", e.host().kind().name().toLowerCase(Locale.ROOT));
        host.put("image", e.host().image());
        host.put("path", e.host().path());
        host.put("svchostGroup", e.host().svchostGroup());
        EvidenceJson.array(n.putArray("evidence"), e.evidence(), c);
    }

    /** The decoded TriggerInfo subkeys: {type, action, subtype, subtypeName, data[], firing, firingReason}. */
    private static void triggers(ArrayNode arr, Service s) {
        for (ServiceTrigger t : s.triggers()) {
            ObjectNode o = arr.addObject();
            o.put("type", t.type().name().toLowerCase(Locale.ROOT));
            o.put("action", t.start() ? "start" : "stop");
            o.put("subtype", t.subtype());
            o.put("subtypeName", t.subtypeName());
            JsonFields.strings(o.putArray("data"), t.data());
            o.put("firing", t.firing().name().toLowerCase(Locale.ROOT));
            o.put("firingReason", t.firingReason());
        }
    }
}
