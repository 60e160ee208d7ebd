package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.knowledge.BindScope;

/**
 * Turns a bind scope into the local addresses of this host, each with the evidence for that
 * address (the interface's address values, or NetBT's per-interface options).
 */
final class AddressPlan {
    /**
     * One local address and why it is there.
     *
     * @param certainty how sure the address is; {@code null} where it is as sure as the interface
     * @param where the interface, in words, for an address not known; else {@code null}
     */
    record Bound(String address, int ipVersion, List<Evidence> evidence, Certainty certainty, String where) {
        Bound(String address, int ipVersion, List<Evidence> evidence) {
            this(address, ipVersion, evidence, null, null);
        }
    }

    private final HostAtBoot host;
    private final NetbiosOverTcpip netbt;

    AddressPlan(HostAtBoot host, NetbiosOverTcpip netbt) {
        this.host = host;
        this.netbt = netbt;
    }

    List<Bound> addresses(BindScope scope, int ipVersion) {
        List<Bound> out = new ArrayList<>();
        switch (scope) {
            case ALL -> out.add(new Bound(ipVersion == 6 ? "::" : "0.0.0.0", ipVersion, List.of()));
            case LOOPBACK -> out.add(loopback(ipVersion));
            case PER_INTERFACE_ADDRESS -> interfaceAddresses(ipVersion, false, out);
            case PER_INTERFACE_ADDRESS_AND_LOOPBACK -> {
                interfaceAddresses(ipVersion, false, out);
                out.add(loopback(ipVersion));
            }
            case PER_DHCP_INTERFACE_ADDRESS -> interfaceAddresses(ipVersion, true, out);
            case PER_NETBIOS_INTERFACE_ADDRESS -> {
                if (ipVersion == 4) {
                    for (NetbiosOverTcpip.Enabled e : netbt.enabledInterfaces()) {
                        List<Evidence> ev = new ArrayList<>(e.nic().evidence());
                        ev.addAll(e.evidence());
                        for (String a : e.nic().ipv4()) {
                            out.add(new Bound(a, 4, ev));
                        }
                        if (e.nic().ipv4().isEmpty()) {
                            out.add(unknown(e.nic(), ev));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static Bound loopback(int ipVersion) {
        return new Bound(ipVersion == 6 ? "::1" : "127.0.0.1", ipVersion, List.of());
    }

    private void interfaceAddresses(int ipVersion, boolean dhcpOnly, List<Bound> out) {
        for (HostAtBoot.NetworkInterface nic : host.interfaces()) {
            if (dhcpOnly && !nic.dhcp()) {
                continue;
            }
            for (String a : ipVersion == 6 ? nic.ipv6() : nic.ipv4()) {
                out.add(new Bound(a, ipVersion, nic.evidence()));
            }
        }
        if (ipVersion == 4) {
            host.unaddressed().forEach(nic -> out.add(unknown(nic, nic.evidence())));
        }
    }

    /**
     * A listener bound to the address of an interface whose address is unknown (DHCP, no lease
     * recorded): predicted, not dropped, at {@link Listener#UNKNOWN_DHCP_ADDRESS}, uncertain.
     */
    private static Bound unknown(HostAtBoot.NetworkInterface nic, List<Evidence> evidence) {
        return new Bound(
                Listener.UNKNOWN_DHCP_ADDRESS,
                4,
                evidence,
                new Certainty(
                        Certainty.Level.UNCERTAIN,
                        "interface " + nic.display() + " takes its address from DHCP and the hive records no lease: the"
                                + " listener opens on whatever address DHCP gives it, if the interface is connected at boot"),
                "interface " + nic.display());
    }
}
