package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Set;
import org.portmortem.exposure.Certainty;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;

/**
 * One socket a service, driver or process opens on some Windows families, under some conditions.
 *
 * @param families where this holds (tokens of {@link WindowsFamily#ofKnowledgeToken}, resolved)
 * @param protocol TCP or UDP
 * @param port where the port number comes from
 * @param bind which local addresses
 * @param ipVersions 4 and/or 6
 * @param when conditions that must all hold for the socket to be opened
 * @param certainty how sure the knowledge is
 * @param reason why it is not certain
 * @param process the process that owns the socket when it is not the service's host (e.g.
 *     {@code System} for kernel listeners such as http.sys)
 * @param sources source keys (see {@code sources.json})
 * @param note what this socket is, for evidence
 */
public record EndpointKnowledge(
        @JsonDeserialize(converter = FamiliesConverter.class)
        Set<WindowsFamily> families,

        Protocol protocol,
        PortSpec port,
        BindScope bind,
        List<Integer> ipVersions,
        List<RegistryCondition> when,
        Certainty.Level certainty,
        String reason,
        String process,
        List<String> sources,
        String note) {

    public EndpointKnowledge {
        ipVersions = ipVersions == null || ipVersions.isEmpty() ? List.of(4) : List.copyOf(ipVersions);
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
