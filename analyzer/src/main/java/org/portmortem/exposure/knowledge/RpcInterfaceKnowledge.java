package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Set;
import org.portmortem.exposure.Certainty;
import org.portmortem.model.WindowsFamily;

/**
 * An MS-RPC interface a service or process registers, with the protocol sequences it registers at
 * start (table C of the facts document).
 *
 * @param uuid interface UUID, upper case
 * @param version {@code major.minor}
 * @param name the interface's protocol name (e.g. {@code MS-TSCH ATSvc})
 * @param protseqs protocol sequences with their endpoint: {@code ncacn_ip_tcp} (dynamic port),
 *     {@code ncacn_ip_tcp:135} (fixed port), {@code ncadg_ip_udp}, {@code ncacn_np:\PIPE\atsvc},
 *     {@code ncacn_http}, {@code ncalrpc:name}
 * @param families where this holds
 * @param when conditions that must all hold
 * @param certainty how sure the knowledge is
 * @param reason why it is not certain
 * @param sources source keys
 */
public record RpcInterfaceKnowledge(
        String uuid,
        String version,
        String name,
        List<String> protseqs,

        @JsonDeserialize(converter = FamiliesConverter.class)
        Set<WindowsFamily> families,

        List<RegistryCondition> when,
        Certainty.Level certainty,
        String reason,
        List<String> sources) {

    public RpcInterfaceKnowledge {
        protseqs = Defaults.list(protseqs);
        when = Defaults.list(when);
        certainty = Defaults.certainty(certainty);
        sources = Defaults.list(sources);
        families = Defaults.families(families);
    }

    /** The certainty as a value with its reason. */
    public Certainty certaintyWithReason() {
        return new Certainty(certainty, reason);
    }
}
