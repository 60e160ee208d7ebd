package org.portmortem.model;

import java.time.Instant;
import java.util.List;
import org.portmortem.evidence.Evidence;

/**
 * A network interface bound to TCP/IP: {@code Services\Tcpip\Parameters\Interfaces\{GUID}} with its
 * adapter name, NetBIOS-over-TCP/IP options and the addresses it would have at boot.
 *
 * @param guid the interface GUID with braces, as the key names it
 * @param evidence the Tcpip interface key
 * @param name the connection name ({@code Control\Network\{4D36E972-...}\{GUID}\Connection\Name})
 * @param dhcpEnabled EnableDHCP
 * @param ipAddresses IPAddress (static addresses; {@code 0.0.0.0} entries kept as stored)
 * @param subnetMasks SubnetMask
 * @param defaultGateways DefaultGateway
 * @param dhcpIpAddress DhcpIPAddress (the last lease)
 * @param dhcpSubnetMask DhcpSubnetMask
 * @param dhcpServer DhcpServer
 * @param dhcpDefaultGateways DhcpDefaultGateway
 * @param leaseObtained LeaseObtainedTime (seconds since 1970, UTC)
 * @param leaseExpires LeaseTerminatesTime (seconds since 1970, UTC)
 * @param netbiosOptions NetBT {@code Parameters\Interfaces\Tcpip_{GUID}\NetbiosOptions}
 *     (0 use DHCP's setting, 1 enabled, 2 disabled)
 * @param dhcpNetbiosOptions the same key's DhcpNetbiosOptions (what DHCP last said)
 * @param ipv6Interface the {@code Tcpip6\Parameters\Interfaces\{GUID}} key or its absence
 * @param bootAddresses the IPv4 addresses the interface would have at boot: the static ones, or the
 *     last DHCP lease marked as such; empty when neither is recorded
 */
public record NetworkInterface(
        String guid,
        Evidence evidence,
        Evidenced<String> name,
        Evidenced<Boolean> dhcpEnabled,
        Evidenced<List<String>> ipAddresses,
        Evidenced<List<String>> subnetMasks,
        Evidenced<List<String>> defaultGateways,
        Evidenced<String> dhcpIpAddress,
        Evidenced<String> dhcpSubnetMask,
        Evidenced<String> dhcpServer,
        Evidenced<List<String>> dhcpDefaultGateways,
        Evidenced<Instant> leaseObtained,
        Evidenced<Instant> leaseExpires,
        Evidenced<Integer> netbiosOptions,
        Evidenced<Integer> dhcpNetbiosOptions,
        Evidence ipv6Interface,
        List<InterfaceAddress> bootAddresses) {}
