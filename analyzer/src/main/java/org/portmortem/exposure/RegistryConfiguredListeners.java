package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.knowledge.ConfiguredPort;
import org.portmortem.exposure.knowledge.KnowledgeBase;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.net.Protocol;

/**
 * Listeners whose number and ports the registry enumerates, which one knowledge entry cannot list:
 * WinRM listeners ({@code SW\Microsoft\Windows\CurrentVersion\WSMAN\Listener\<Address>+<Transport>}
 * [B44], or the policy auto-listener [B45]); {@code netsh interface portproxy} rules
 * ({@code CS\Services\PortProxy\v4tov4\tcp} etc., value name {@code <listenaddress>/<port>}, owned
 * by iphlpsvc [B50]); SQL Server instances ({@code ...\SuperSocketNetLib\Tcp\IPAll} TcpPort /
 * TcpDynamicPorts [B53]).
 */
final class RegistryConfiguredListeners {
    private final List<Listener> listeners = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final HostAtBoot host;
    private final KnowledgeBase kb;

    RegistryConfiguredListeners(HostAtBoot host, KnowledgeBase kb) {
        this.host = host;
        this.kb = kb;
        host.unit("WinRM").ifPresent(this::winrm);
        host.unit("iphlpsvc").ifPresent(this::portProxy);
        sqlServer();
    }

    List<Listener> listeners() {
        return listeners;
    }

    List<String> warnings() {
        return warnings;
    }

    private static final String WSMAN = "SW\\Microsoft\\Windows\\CurrentVersion\\WSMAN\\Listener";
    private static final String WINRM_POLICY = "SW\\Policies\\Microsoft\\Windows\\WinRM\\Service";

    private void winrm(HostAtBoot.RunningUnit u) {
        RegistryScope reg = host.registry();
        Owner owner = Owner.of("WinRM", "System", null);
        Optional<Key> root = reg.key(WSMAN);
        if (root.isPresent()) {
            for (Key l : root.get().subkeys()) {
                String name = l.name();
                int plus = name.lastIndexOf('+');
                String address = plus < 0 ? "*" : name.substring(0, plus);
                boolean https = name.toUpperCase().endsWith("+HTTPS");
                Optional<ConfiguredPort> byDefault = kb.entry("WinRM")
                        .flatMap(e -> e.configuredPort(
                                Mechanism.Kind.WINRM_LISTENER, https ? "HTTPS" : "HTTP", host.family()));
                Optional<Value> portValue = l.value("Port");
                Optional<Integer> configured =
                        portValue.flatMap(v -> RegistryPort.read(v).port());
                List<Evidence> ev = new ArrayList<>(u.evidence());
                ev.add(Evidence.ofKey(l, "WinRM listener " + name));
                ev.add(Evidence.ofValueOrAbsent(
                        l,
                        "Port",
                        "listener port; absent = "
                                + byDefault
                                        .map(d -> d.port() + " (" + d.note() + ")")
                                        .orElse("not known for this Windows family")));
                if (configured.isEmpty() && byDefault.isEmpty()) {
                    warnings.add("WinRM listener " + name + " has no readable Port and no default is known for "
                            + host.family() + ": not predicted");
                    continue;
                }
                int port = configured.orElseGet(() -> byDefault.get().port());
                Certainty c = u.certainty();
                if (portValue.isPresent() && configured.isEmpty()) {
                    c = c.weakest(new Certainty(
                            Certainty.Level.UNCERTAIN,
                            RegistryPort.read(portValue.get()).problem() + ": the default port is assumed"));
                }
                List<String[]> binds = new ArrayList<>();
                if (address.equals("*")) {
                    binds.add(new String[] {"0.0.0.0", "4"});
                    binds.add(new String[] {"::", "6"});
                } else if (address.regionMatches(true, 0, "IP:", 0, 3)) {
                    String a = address.substring(3);
                    binds.add(new String[] {a, a.contains(":") ? "6" : "4"});
                } else {
                    binds.add(new String[] {"0.0.0.0", "4"});
                    c = c.weakest(new Certainty(
                            Certainty.Level.UNCERTAIN,
                            "listener address \"" + address + "\" (MAC or other form) not resolved to an IP"));
                }
                for (String[] b : binds) {
                    listeners.add(new Listener(
                            Protocol.TCP,
                            Integer.parseInt(b[1]),
                            b[0],
                            port,
                            false,
                            null,
                            owner,
                            new Mechanism(
                                    Mechanism.Kind.WINRM_LISTENER,
                                    "WinRM " + (https ? "HTTPS" : "HTTP") + " listener " + name + " via http.sys"),
                            c,
                            ev,
                            null));
                }
            }
        }
        Optional<Value> auto = reg.value(WINRM_POLICY, "AllowAutoConfig").filter(Value::isNumber);
        if (auto.isPresent()
                && auto.get().asInt() == 1
                && root.map(k -> k.subkeys().isEmpty()).orElse(true)) {
            List<Evidence> ev = new ArrayList<>(u.evidence());
            ev.add(reg.evidence(WINRM_POLICY, "AllowAutoConfig", "policy: WinRM creates an HTTP listener"));
            ev.add(reg.evidence(WINRM_POLICY, "IPv4Filter", "addresses the auto listener accepts"));
            int port = kb.entry("WinRM")
                    .flatMap(e -> e.configuredPort(Mechanism.Kind.WINRM_LISTENER, "HTTP", host.family()))
                    .map(ConfiguredPort::port)
                    .orElse(5985);
            listeners.add(new Listener(
                    Protocol.TCP,
                    4,
                    "0.0.0.0",
                    port,
                    false,
                    null,
                    owner,
                    new Mechanism(Mechanism.Kind.WINRM_LISTENER, "WinRM auto-configured listener (policy)"),
                    u.certainty()
                            .weakest(new Certainty(
                                    Certainty.Level.LIKELY, "policy value names from a secondary source [facts B45]")),
                    ev,
                    null));
        }
    }

    private static final String[][] PROXY_KINDS = {
        {"v4tov4", "4"}, {"v4tov6", "4"}, {"v6tov4", "6"}, {"v6tov6", "6"},
    };

    private void portProxy(HostAtBoot.RunningUnit u) {
        Owner owner = Owner.of("iphlpsvc", u.process(), u.svchostGroup());
        for (String[] kind : PROXY_KINDS) {
            String path = "CS\\Services\\PortProxy\\" + kind[0] + "\\tcp";
            Optional<Key> k = host.registry().key(path);
            if (k.isEmpty()) {
                continue;
            }
            for (Value v : k.get().values()) {
                String name = v.name();
                int slash = name.lastIndexOf('/');
                int port;
                try {
                    port = Integer.parseInt(name.substring(slash + 1).trim());
                } catch (RuntimeException e) {
                    warnings.add("portproxy rule " + path + "\\" + name + " has no readable listen port: skipped");
                    continue;
                }
                String address = slash <= 0 || name.substring(0, slash).equals("*")
                        ? (kind[1].equals("6") ? "::" : "0.0.0.0")
                        : name.substring(0, slash);
                List<Evidence> ev = new ArrayList<>(u.evidence());
                ev.add(Evidence.ofValue(
                        k.get(), v, "portproxy " + kind[0] + " rule: listen address/port → connect address/port"));
                listeners.add(new Listener(
                        Protocol.TCP,
                        Integer.parseInt(kind[1]),
                        address,
                        port,
                        false,
                        null,
                        owner,
                        new Mechanism(
                                Mechanism.Kind.PORT_PROXY,
                                "netsh interface portproxy " + kind[0] + " to "
                                        + (v.isString() ? v.asString() : v.display())),
                        u.certainty()
                                .weakest(new Certainty(
                                        Certainty.Level.LIKELY,
                                        "portproxy data format from a single secondary source [facts B50]")),
                        ev,
                        null));
            }
        }
    }

    private static final String SQL = "SW\\Microsoft\\Microsoft SQL Server";

    private void sqlServer() {
        Optional<Key> names = host.registry().key(SQL + "\\Instance Names\\SQL");
        if (names.isEmpty()) {
            return;
        }
        for (Value inst : names.get().values()) {
            String instance = inst.name();
            String id = inst.isString() ? inst.asString() : instance;
            String service = instance.equalsIgnoreCase("MSSQLSERVER") ? "MSSQLSERVER" : "MSSQL$" + instance;
            Optional<HostAtBoot.RunningUnit> u = host.unit(service);
            if (u.isEmpty()) {
                continue;
            }
            String tcp = SQL + "\\" + id + "\\MSSQLServer\\SuperSocketNetLib\\Tcp";
            Optional<Value> enabled = host.registry().value(tcp, "Enabled").filter(Value::isNumber);
            List<Evidence> ev = new ArrayList<>(u.get().evidence());
            ev.add(Evidence.ofValue(names.get(), inst, "SQL Server instance"));
            ev.add(host.registry().evidence(tcp, "Enabled", "TCP/IP protocol enabled for the instance"));
            if (enabled.isPresent() && enabled.get().asInt() == 0) {
                continue;
            }
            String ipAll = tcp + "\\IPAll";
            ev.add(host.registry().evidence(ipAll, "TcpPort", "static TCP port(s)"));
            ev.add(host.registry().evidence(ipAll, "TcpDynamicPorts", "\"0\" or a number = dynamic port"));
            String fixed = host.registry()
                    .value(ipAll, "TcpPort")
                    .filter(Value::isString)
                    .map(Value::asString)
                    .orElse("")
                    .trim();
            String dyn = host.registry()
                    .value(ipAll, "TcpDynamicPorts")
                    .filter(Value::isString)
                    .map(Value::asString)
                    .orElse("")
                    .trim();
            Owner owner = Owner.of(service, "sqlservr.exe", null);
            boolean any = false;
            for (String p : fixed.split(",")) {
                if (p.isBlank()) {
                    continue;
                }
                try {
                    int port = Integer.parseInt(p.trim());
                    listeners.add(new Listener(
                            Protocol.TCP,
                            4,
                            "0.0.0.0",
                            port,
                            false,
                            null,
                            owner,
                            new Mechanism(
                                    Mechanism.Kind.SQL_SERVER, "SQL Server instance " + instance + " static port"),
                            u.get().certainty(),
                            ev,
                            null));
                    any = true;
                } catch (NumberFormatException e) {
                    warnings.add("SQL Server " + instance + " TcpPort \"" + p + "\" is not a port: skipped");
                }
            }
            if (!any && !dyn.isEmpty()) {
                listeners.add(new Listener(
                        Protocol.TCP,
                        4,
                        "0.0.0.0",
                        null,
                        true,
                        new PortRange(
                                1, 65535, "chosen by SQL Server at first start (last used: " + dyn + ")", List.of()),
                        owner,
                        new Mechanism(Mechanism.Kind.SQL_SERVER, "SQL Server instance " + instance + " dynamic port"),
                        u.get().certainty(),
                        ev,
                        null));
            }
        }
    }
}
