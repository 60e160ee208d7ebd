package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Set;
import org.portmortem.exposure.Mechanism;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;

/**
 * A port that one of the code mechanisms opens for a service by default, where the number of
 * listeners or their addresses come from the registry and so cannot be a fixed endpoint (a WinRM
 * listener without a {@code Port} value, the endpoint mapper). The mechanism reads its default from
 * here, so the knowledge base and the code cannot disagree.
 *
 * @param mechanism the mechanism that opens it
 * @param role which of the mechanism's listeners (e.g. {@code HTTP} or {@code HTTPS} for WinRM)
 * @param families where this default holds
 * @param protocol TCP or UDP
 * @param port the port
 * @param sources source keys (see {@code sources.json})
 * @param note what the port is
 */
public record ConfiguredPort(
        Mechanism.Kind mechanism,
        String role,

        @JsonDeserialize(converter = FamiliesConverter.class)
        Set<WindowsFamily> families,

        Protocol protocol,
        int port,
        List<String> sources,
        String note) {

    public ConfiguredPort {
        families = Defaults.families(families);
        sources = Defaults.list(sources);
    }
}
