package org.portmortem.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Groups the hosts of a fleet on their {@link StackKey}s in this JVM, rarest first. */
public final class Stacking {
    private Stacking() {}

    /** The stacking tables of the hosts, all three in one list, rarest first. */
    public static List<StackKey.Stack> of(List<HostSummary> hosts) {
        Map<StackKey, TreeSet<String>> groups = new HashMap<>();
        for (HostSummary h : hosts) {
            for (StackKey k : StackKey.of(h)) {
                groups.computeIfAbsent(k, x -> new TreeSet<>()).add(h.id());
            }
        }
        List<StackKey.Stack> out = new ArrayList<>();
        groups.forEach((k, ids) -> out.add(new StackKey.Stack(k, ids.size(), new ArrayList<>(ids))));
        out.sort(StackKey.RAREST_FIRST);
        return out;
    }
}
