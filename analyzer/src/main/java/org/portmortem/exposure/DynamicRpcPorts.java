package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Value;

/**
 * The ranges dynamic ports come from. RPC endpoints: 1025-5000 before Vista, 49152-65535 after
 * [KB929851] [HSC], unless {@code SW\Microsoft\Rpc\Internet} restricts them: {@code Ports} lists
 * ranges; when {@code PortsInternetAvailable} equals {@code UseInternetPorts} (both "Y", or both
 * "N" as {@code rpccfg -pi} writes) default endpoints take ports from that list, otherwise from the
 * rest of the range [KB154596] [HSC]. Other ephemeral sockets: 1025 to {@code MaxUserPort}
 * (default 5000) before Vista [KB196271], 49152-65535 after (the NSI store that netsh writes is not
 * decoded).
 */
final class DynamicRpcPorts {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d+)\\s*(?:-\\s*(\\d+))?\\s*");
    private static final String RPC_INTERNET = "SW\\Microsoft\\Rpc\\Internet";

    private final PortRange rpcRange;
    private final PortRange ephemeralRange;
    private final List<String> warnings = new ArrayList<>();

    DynamicRpcPorts(HostAtBoot host) {
        RegistryScope reg = host.registry();
        boolean pre = host.family().isPreVista();
        PortRange def = pre
                ? new PortRange(1025, 5000, "default dynamic range before Vista (1025-5000)", List.of())
                : new PortRange(49152, 65535, "default dynamic range since Vista (49152-65535)", List.of());
        this.rpcRange = rpcRange(reg, def);
        if (pre) {
            Optional<Value> max =
                    reg.value("CS\\Services\\Tcpip\\Parameters", "MaxUserPort").filter(Value::isNumber);
            int last =
                    max.map(Value::asInt).filter(n -> n >= 5000 && n <= 65534).orElse(5000);
            this.ephemeralRange = new PortRange(
                    1025,
                    last,
                    "ephemeral range 1025-MaxUserPort",
                    List.of(reg.evidence(
                            "CS\\Services\\Tcpip\\Parameters",
                            "MaxUserPort",
                            "upper bound of ephemeral ports; absent = 5000")));
        } else {
            this.ephemeralRange = new PortRange(
                    49152,
                    65535,
                    "default ephemeral range since Vista (netsh dynamicport setting not decoded)",
                    List.of());
        }
    }

    private PortRange rpcRange(RegistryScope reg, PortRange def) {
        Optional<Value> ports = reg.value(RPC_INTERNET, "Ports");
        if (ports.isEmpty()) {
            return def;
        }
        List<Evidence> ev = List.of(
                reg.evidence(RPC_INTERNET, "Ports", "RPC port ranges (rpccfg -pi/-pe)"),
                reg.evidence(RPC_INTERNET, "PortsInternetAvailable", "Y: the listed ports are the Internet ports"),
                reg.evidence(RPC_INTERNET, "UseInternetPorts", "Y: default endpoints use Internet ports"));
        List<int[]> ranges = new ArrayList<>();
        try {
            for (String s : ports.get().asStrings()) {
                Matcher m = RANGE.matcher(s);
                if (!m.matches()) {
                    warnings.add("Rpc\\Internet Ports entry \"" + s + "\" is not a port or range: RPC would refuse"
                            + " to register dynamic endpoints (error 87); default range assumed");
                    return def;
                }
                int a = Integer.parseInt(m.group(1));
                int b = m.group(2) == null ? a : Integer.parseInt(m.group(2));
                ranges.add(new int[] {Math.min(a, b), Math.max(a, b)});
            }
        } catch (RuntimeException e) {
            warnings.add("Rpc\\Internet Ports cannot be read (" + e.getMessage() + "): default range assumed");
            return def;
        }
        if (ranges.isEmpty()) {
            return def;
        }
        boolean listedAreInternet = yes(reg, "PortsInternetAvailable");
        boolean defaultUsesInternet = yes(reg, "UseInternetPorts");
        int first = ranges.stream().mapToInt(r -> r[0]).min().orElseThrow();
        int last = ranges.stream().mapToInt(r -> r[1]).max().orElseThrow();
        if (listedAreInternet == defaultUsesInternet) {
            String origin = "Rpc\\Internet Ports "
                    + (listedAreInternet ? "(Internet ports, used by default)" : "(intranet ports, used by default)");
            if (ranges.size() > 1) {
                origin += "; several ranges, shown as their span";
            }
            return new PortRange(first, last, origin, ev);
        }
        return new PortRange(
                def.first(),
                def.last(),
                def.origin() + " outside Rpc\\Internet Ports " + first + "-" + last
                        + " (the listed ports are reserved for the other kind of endpoint)",
                ev);
    }

    private static boolean yes(RegistryScope reg, String name) {
        return reg.value(RPC_INTERNET, name)
                .filter(Value::isString)
                .map(v -> v.asString().trim().equalsIgnoreCase("Y"))
                .orElse(false);
    }

    /** Where RPC dynamic endpoints take their ports. */
    PortRange rpcRange() {
        return rpcRange;
    }

    /** Where other ephemeral sockets take their ports. */
    PortRange ephemeralRange() {
        return ephemeralRange;
    }

    List<String> warnings() {
        return warnings;
    }
}
