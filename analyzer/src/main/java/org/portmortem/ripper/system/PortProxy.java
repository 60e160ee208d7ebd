package org.portmortem.ripper.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * {@code portproxy}: {@code netsh interface portproxy} forwardings, where the IP Helper service
 * listens on {@code address/port} (the value name) and forwards to the data. RegRipper reads
 * {@code ControlSet001\...\v4tov4\tcp} only; this port reads the control set in use and all four
 * directions (v4tov4, v4tov6, v6tov4, v6tov6). Each direction's key that exists is reported as its
 * {@link KeyFacts#VALUES} count (under the key's path and LastWrite time) followed by its values; a
 * missing v4tov4 key is an absent fact, RegRipper's "... not found.", the other directions' are left
 * out.
 */
public final class PortProxy extends SystemPlugin {
    /** The plugin. */
    public PortProxy() {
        super("portproxy", "Get port proxy configuration from PortProxy key", "20210622");
    }

    static final List<String> DIRECTIONS = List.of("v4tov4", "v4tov6", "v6tov4", "v6tov6");
    /** The one direction RegRipper reads. */
    public static final String REGRIPPER_DIRECTION = "v4tov4";

    @Override
    public List<RipFact> run(RipContext context) {
        List<RipFact> facts = new ArrayList<>();
        for (String direction : DIRECTIONS) {
            String path = "Services\\PortProxy\\" + direction + "\\tcp";
            Optional<Key> key = context.controlSetKey(path);
            if (key.isPresent()) {
                String group = context.controlSetPath(path);
                facts.add(KeyFacts.valueCount(group, key.get()));
                for (Value v : key.get().values()) {
                    facts.add(RipFact.ofValue(group, key.get(), v, v.name(), RegRipperData.of(v)));
                }
            } else if (direction.equals(REGRIPPER_DIRECTION)) {
                facts.add(KeyFacts.absentKey(context, path));
            }
        }
        return facts;
    }
}
