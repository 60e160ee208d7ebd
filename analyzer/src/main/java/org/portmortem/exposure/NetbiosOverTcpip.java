package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;

/**
 * NetBIOS over TCP/IP per interface: NetBT opens 137/138/139 on the address of every interface
 * where NetBIOS is enabled. {@code NetBT\Parameters\Interfaces\Tcpip_{GUID}\NetbiosOptions}: 1
 * enabled, 2 disabled, 0 (or absent) "use the DHCP setting" — then {@code DhcpNetbiosOptions} (the
 * Microsoft vendor option 1 the DHCP client stored) 2 disables, anything else enables [NBTOPT]
 * [KB313314] [DHCP-NETBT].
 */
final class NetbiosOverTcpip {
    /** An interface where NetBIOS is enabled, with the values that decided it. */
    record Enabled(HostAtBoot.NetworkInterface nic, List<Evidence> evidence) {}

    /** An interface where NetBIOS is disabled, with the values that decided it. */
    record Disabled(HostAtBoot.NetworkInterface nic, List<Evidence> evidence) {}

    private final List<Enabled> enabled = new ArrayList<>();
    private final List<Disabled> disabled = new ArrayList<>();

    NetbiosOverTcpip(HostAtBoot host) {
        List<HostAtBoot.NetworkInterface> all = new ArrayList<>(host.interfaces());
        all.addAll(host.unaddressed());
        for (HostAtBoot.NetworkInterface nic : all) {
            String path = "CS\\Services\\NetBT\\Parameters\\Interfaces\\Tcpip_" + nic.id();
            Optional<Key> key = host.registry().key(path);
            List<Evidence> ev = new ArrayList<>();
            ev.add(host.registry()
                    .evidence(
                            path,
                            "NetbiosOptions",
                            "NetbiosOptions: 1 enabled, 2 disabled, 0/absent = DHCP-supplied setting"));
            int options = key.flatMap(k -> k.value("NetbiosOptions"))
                    .filter(Value::isNumber)
                    .map(Value::asInt)
                    .orElse(0);
            boolean on;
            if (options == 2) {
                on = false;
            } else if (options == 1) {
                on = true;
            } else {
                Optional<Value> dhcp =
                        key.flatMap(k -> k.value("DhcpNetbiosOptions")).filter(Value::isNumber);
                if (nic.dhcp() || dhcp.isPresent()) {
                    ev.add(host.registry()
                            .evidence(
                                    path,
                                    "DhcpNetbiosOptions",
                                    "DHCP-supplied NetBIOS option (Microsoft vendor option 1): 2 disables"));
                }
                on = dhcp.map(v -> v.asInt() != 2).orElse(true);
            }
            if (on) {
                enabled.add(new Enabled(nic, ev));
            } else {
                disabled.add(new Disabled(nic, ev));
            }
        }
    }

    List<Enabled> enabledInterfaces() {
        return enabled;
    }

    List<Disabled> disabledInterfaces() {
        return disabled;
    }
}
