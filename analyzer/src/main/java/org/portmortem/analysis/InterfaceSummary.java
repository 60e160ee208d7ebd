package org.portmortem.analysis;

import java.util.List;
import org.portmortem.evidence.Evidence;

/**
 * A network interface as the report shows it.
 *
 * @param guid the interface GUID
 * @param name the connection name, or {@code null} where the hive has none
 * @param addressing {@code DHCP} or {@code static}, or {@code unknown}
 * @param bootAddresses the IPv4 addresses it would have at boot, with their source, e.g.
 *     {@code 10.0.0.5/255.255.255.0 (static)}
 * @param netbios NetBIOS over TCP/IP as configured, in words
 * @param evidence the facts these were read from
 */
public record InterfaceSummary(
        String guid,
        String name,
        String addressing,
        List<String> bootAddresses,
        String netbios,
        List<Evidence> evidence) {
    public InterfaceSummary {
        bootAddresses = List.copyOf(bootAddresses);
        evidence = List.copyOf(evidence);
    }
}
