package org.portmortem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.model.RegistryFacts.KeyAt;

/**
 * Reads the TCP/IP interfaces ({@code Services\Tcpip\Parameters\Interfaces\{GUID}}) with their adapter
 * names, NetBT options and the addresses they would have at boot.
 */
final class InterfaceReader {
    /** The network adapter class under Control\Network, where connection names live. */
    static final String NETWORK_ADAPTER_CLASS = "{4D36E972-E325-11CE-BFC1-08002BE10318}";

    private static final String UNSET = "0.0.0.0";

    private InterfaceReader() {}

    static List<NetworkInterface> readAll(Key controlSet, RegistryFacts facts) {
        KeyAt cs = KeyAt.of(controlSet);
        Optional<Key> interfaces =
                cs.child("Services\\Tcpip\\Parameters\\Interfaces").key();
        if (interfaces.isEmpty()) {
            return List.of();
        }
        List<NetworkInterface> out = new ArrayList<>();
        for (Key k : interfaces.get().subkeys()) {
            out.add(read(cs, k, facts));
        }
        return out;
    }

    private static NetworkInterface read(KeyAt cs, Key k, RegistryFacts facts) {
        String guid = k.name();
        KeyAt netbt = cs.child("Services\\NetBT\\Parameters\\Interfaces\\Tcpip_" + guid);
        Evidenced<Integer> enableDhcp = facts.integer(k, "EnableDHCP");
        Evidenced<List<String>> ips = facts.strings(k, "IPAddress");
        Evidenced<List<String>> masks = facts.strings(k, "SubnetMask");
        Evidenced<String> dhcpIp = facts.string(k, "DhcpIPAddress");
        Evidenced<String> dhcpMask = facts.string(k, "DhcpSubnetMask");
        Evidenced<Boolean> dhcp = enableDhcp.map(v -> v != 0);
        return new NetworkInterface(
                guid,
                Evidence.ofKey(k, "TCP/IP interface"),
                facts.string(
                        cs.child("Control\\Network\\" + NETWORK_ADAPTER_CLASS + "\\" + guid + "\\Connection"), "Name"),
                dhcp,
                ips,
                masks,
                facts.strings(k, "DefaultGateway"),
                dhcpIp,
                dhcpMask,
                facts.string(k, "DhcpServer"),
                facts.strings(k, "DhcpDefaultGateway"),
                calendarTime(facts.unixTime(k, "LeaseObtainedTime")),
                calendarTime(facts.unixTime(k, "LeaseTerminatesTime")),
                facts.integer(netbt, "NetbiosOptions"),
                facts.integer(netbt, "DhcpNetbiosOptions"),
                cs.child("Services\\Tcpip6\\Parameters\\Interfaces\\" + guid).evidence("IPv6 interface"),
                bootAddresses(dhcp, ips, masks, dhcpIp, dhcpMask));
    }

    /**
     * Lease times before this, 1990-01-01T00:00:00Z, are not calendar times (seen on Windows 10: small
     * counts of seconds). Given in seconds: parsing the text was the ISO parser's first use in a run, 5 ms.
     */
    static final java.time.Instant EARLIEST_LEASE = java.time.Instant.ofEpochSecond(631_152_000L);

    /** A lease time, or absent with a note where the stored number cannot be a date. */
    static Evidenced<java.time.Instant> calendarTime(Evidenced<java.time.Instant> t) {
        if (!t.isPresent() || !t.value().isBefore(EARLIEST_LEASE)) {
            return t;
        }
        Evidence e = t.evidence();
        return Evidenced.absent(new Evidence(
                e.hive(),
                e.keyPath(),
                e.valueName(),
                e.valueType(),
                e.data(),
                e.lastWritten(),
                "not a calendar time (before 1990); not shown as a date"));
    }

    /** Static addresses when DHCP is off, else the last lease, marked as such. */
    static List<InterfaceAddress> bootAddresses(
            Evidenced<Boolean> dhcp,
            Evidenced<List<String>> ips,
            Evidenced<List<String>> masks,
            Evidenced<String> dhcpIp,
            Evidenced<String> dhcpMask) {
        List<InterfaceAddress> out = new ArrayList<>();
        if (Boolean.TRUE.equals(dhcp.value())) {
            String a = dhcpIp.value();
            if (a != null && !a.isBlank() && !a.equals(UNSET)) {
                out.add(new InterfaceAddress(
                        a.trim(), dhcpMask.value(), AddressSource.DHCP_LAST_LEASE, dhcpIp.evidence()));
            }
            return out;
        }
        List<String> list = ips.orElse(List.of());
        List<String> maskList = masks.orElse(List.of());
        for (int i = 0; i < list.size(); i++) {
            String a = list.get(i).trim();
            if (!a.isEmpty() && !a.equals(UNSET)) {
                out.add(new InterfaceAddress(
                        a, i < maskList.size() ? maskList.get(i) : null, AddressSource.STATIC, ips.evidence()));
            }
        }
        return out;
    }
}
