package org.portmortem.exposure;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.knowledge.Family;

/**
 * What the predictor needs to know about a machine after boot: its family, its registry, what runs
 * in which process, and its network interfaces. Built from the system model and boot plan; kept to
 * these facts so that each mechanism sees only what it uses.
 *
 * @param family the Windows family
 * @param registry the SYSTEM control set and the SOFTWARE hive
 * @param running the services and drivers the boot plan starts, and where they run
 * @param interfaces the network interfaces with their addresses
 * @param warnings what the model could not decide that matters to the prediction
 */
public record HostAtBoot(
        Family family,
        RegistryScope registry,
        List<RunningUnit> running,
        List<NetworkInterface> interfaces,
        List<String> warnings) {

    public HostAtBoot {
        running = List.copyOf(running);
        interfaces = List.copyOf(interfaces);
        warnings = List.copyOf(warnings);
    }

    /** The running service or driver of that name (case-insensitive). */
    public Optional<RunningUnit> unit(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return running.stream().filter(u -> u.name().toLowerCase(Locale.ROOT).equals(n)).findFirst();
    }

    /**
     * A service or driver that runs after boot.
     *
     * @param name the name under {@code CS\Services}
     * @param driver true for a kernel driver (owned by System)
     * @param process the image it runs in ({@code svchost.exe}, {@code lsass.exe}, its own exe)
     * @param svchostGroup the svchost {@code -k} group, or {@code null}
     * @param certainty certain for auto-start; likely or uncertain for trigger/delayed/demand starts
     * @param evidence why it runs (Start value, dependencies)
     */
    public record RunningUnit(String name, boolean driver, String process, String svchostGroup,
            Certainty certainty, List<Evidence> evidence) {
        public RunningUnit {
            evidence = List.copyOf(evidence);
        }

        /** The process instance it shares with others: image plus svchost group. */
        public String processInstance() {
            return svchostGroup == null ? process.toLowerCase(Locale.ROOT)
                    : process.toLowerCase(Locale.ROOT) + " -k " + svchostGroup.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A network interface bound to TCP/IP.
     *
     * @param id the interface GUID as in {@code Tcpip\Parameters\Interfaces\{GUID}}
     * @param ipv4 its IPv4 addresses (static or DHCP lease), without 0.0.0.0
     * @param ipv6 its IPv6 addresses, if the hive records any
     * @param dhcp whether it takes its address from DHCP
     * @param evidence the values its addresses come from
     */
    public record NetworkInterface(String id, List<String> ipv4, List<String> ipv6, boolean dhcp,
            List<Evidence> evidence) {
        public NetworkInterface {
            ipv4 = List.copyOf(ipv4);
            ipv6 = List.copyOf(ipv6);
            evidence = List.copyOf(evidence);
        }
    }
}
