package org.portmortem.exposure.firewall;

import java.util.List;
import java.util.Locale;
import org.portmortem.BundledResource;
import org.portmortem.exposure.Listener;

/**
 * A Windows Firewall exception of XP SP2 / Server 2003 SP1 that exists only as Group Policy (File and
 * Printer Sharing, Remote Desktop, UPnP framework, remote administration): the ports and programs it
 * opens when its {@code Enabled} is 1, and whether {@code Enabled=0} blocks those ports even where a
 * local exception opens them. Defined, with sources, in {@code xp-policy-exceptions.json}.
 *
 * @param key the key below a profile's policy key, e.g. {@code Services\FileAndPrint}
 * @param name what the policy calls the exception
 * @param ports the ports it opens, as {@code port:PROTO}
 * @param programs the process images it lets receive unsolicited traffic on any port
 * @param disabledBlocks whether the policy disabled blocks its ports despite local exceptions
 */
record PolicyException(String key, String name, List<String> ports, List<String> programs, boolean disabledBlocks) {
    /** The exceptions, in the data file's order. */
    static final List<PolicyException> ALL = load();

    private static List<PolicyException> load() {
        return List.copyOf(BundledResource.json(PolicyException.class, "xp-policy-exceptions.json", DataFile.class)
                .exceptions());
    }

    /** The data file: what it is, its sources (cited by the exceptions' documentation), the exceptions. */
    private record DataFile(String about, java.util.Map<String, String> sources, List<PolicyException> exceptions) {}

    /** Whether the exception covers the listener: its fixed port and protocol, or its process. */
    boolean covers(Listener l) {
        if (!l.dynamic() && ports.contains(l.port() + ":" + l.protocol().name())) {
            return true;
        }
        String image = l.owner().process() == null ? "" : l.owner().process().toLowerCase(Locale.ROOT);
        return programs.contains(image);
    }
}
