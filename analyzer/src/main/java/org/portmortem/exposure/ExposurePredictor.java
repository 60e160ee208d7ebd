package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.knowledge.EndpointKnowledge;
import org.portmortem.exposure.knowledge.KnowledgeBase;
import org.portmortem.exposure.knowledge.PortSpec;
import org.portmortem.exposure.knowledge.RegistryCondition;
import org.portmortem.exposure.knowledge.RpcInterfaceKnowledge;
import org.portmortem.exposure.knowledge.ServiceKnowledge;
import org.portmortem.hive.Value;
import org.portmortem.model.WindowsFamily;
import org.portmortem.net.Protocol;

/**
 * Predicts every socket that listens after boot and every RPC endpoint that is registered, from
 * what runs ({@link HostAtBoot}) and what the knowledge base says each running service, driver and
 * process opens. The mechanisms that need code are in their own classes: NetBT per interface
 * ({@link NetbiosOverTcpip}), the dynamic RPC range ({@link DynamicRpcPorts}), interface restriction
 * ({@link RpcInterfaceRestriction}), the endpoint mapper ({@link EndpointMapper}), the
 * registry-configured listeners ({@link RegistryConfiguredListeners}) and the host firewall
 * ({@link org.portmortem.exposure.firewall.HostFirewall}).
 */
public final class ExposurePredictor {
    /** The knowledge base given, or null for the bundled one, asked for at the first prediction. */
    private final KnowledgeBase given;

    /**
     * What predictions derived from registry values, kept for the next one; null (nothing kept) unless
     * made by {@link #forStatesOfOneMachine}.
     */
    private final Memo memo;

    /** Firewall rules by the value they were parsed from (service SIDs are kept for every predictor). */
    private record Memo(org.portmortem.exposure.firewall.HostFirewall.ParsedRules firewallRules) {}

    /**
     * A predictor using the bundled knowledge base, which it asks for only when it first predicts (it
     * may still be being read, see {@link KnowledgeBase#preload}).
     */
    public ExposurePredictor() {
        this.given = null;
        this.memo = null;
    }

    /** A predictor using the given knowledge base. */
    public ExposurePredictor(KnowledgeBase kb) {
        this.given = java.util.Objects.requireNonNull(kb, "kb");
        this.memo = null;
    }

    private ExposurePredictor(Memo memo) {
        this.given = null;
        this.memo = memo;
    }

    /**
     * A predictor (bundled knowledge base) for many states of one machine, whose hives are copies
     * edited in place: what it derives from a registry value (a firewall rule) it keeps for the next
     * prediction while the value has the same name, type and data. The predictions are those of
     * {@link #ExposurePredictor()}; it is not thread-safe.
     */
    public static ExposurePredictor forStatesOfOneMachine() {
        return new ExposurePredictor(new Memo(new org.portmortem.exposure.firewall.HostFirewall.ParsedRules()));
    }

    private KnowledgeBase kb() {
        return given != null ? given : KnowledgeBase.bundled();
    }

    /** One running thing the knowledge base knows, where it runs and why. */
    private record Unit(
            ServiceKnowledge entry,
            Owner owner,
            String processInstance,
            Certainty certainty,
            List<Evidence> evidence) {}

    /** A process instance's need for one dynamic RPC port of a protocol. */
    private record Demand(Unit unit, String why, Certainty certainty, List<Evidence> evidence) {}

    /**
     * Predicts the exposure of a modelled system after the boot its plan describes; the knowledge
     * base's registry conditions are read from {@code registry}, the hives the model was read from.
     */
    public Exposure predict(
            org.portmortem.model.SystemModel model, org.portmortem.bootplan.BootPlan plan, RegistryScope registry) {
        return predict(HostAtBoot.of(model, plan, registry));
    }

    /** Predicts the exposure of a host after boot. */
    public Exposure predict(HostAtBoot host) {
        List<String> warnings = new ArrayList<>(host.warnings());
        NetbiosOverTcpip netbt = new NetbiosOverTcpip(host);
        AddressPlan addresses = new AddressPlan(host, netbt);
        DynamicRpcPorts ranges = new DynamicRpcPorts(host);
        warnings.addAll(ranges.warnings());

        List<Listener> listeners = new ArrayList<>();
        List<RpcRegistration> registrations = new ArrayList<>();
        Map<String, List<Demand>> tcpDemand = new LinkedHashMap<>();
        Map<String, List<Demand>> udpDemand = new LinkedHashMap<>();

        for (Unit u : units(host)) {
            for (EndpointKnowledge ep : u.entry().endpoints()) {
                if (!ep.families().contains(host.family())) {
                    continue;
                }
                Optional<Applied> applied = applies(ep.when(), host.registry());
                if (applied.isEmpty()) {
                    continue;
                }
                Certainty c = u.certainty()
                        .weakest(ep.certaintyWithReason())
                        .weakest(applied.get().certainty());
                List<Evidence> ev = new ArrayList<>(u.evidence());
                ev.addAll(applied.get().evidence());
                if (ep.port().kind() == PortSpec.Kind.DYNAMIC_RPC) {
                    Map<String, List<Demand>> d = ep.protocol() == Protocol.TCP ? tcpDemand : udpDemand;
                    d.computeIfAbsent(u.processInstance(), k -> new ArrayList<>())
                            .add(new Demand(u, ep.note() == null ? "RPC endpoint" : ep.note(), c, ev));
                    continue;
                }
                listeners.addAll(endpointListeners(host, u, ep, c, ev, addresses, ranges));
            }
            for (RpcInterfaceKnowledge r : u.entry().rpc()) {
                if (!r.families().contains(host.family())) {
                    continue;
                }
                Optional<Applied> applied = applies(r.when(), host.registry());
                if (applied.isEmpty()) {
                    continue;
                }
                Certainty c = u.certainty()
                        .weakest(r.certaintyWithReason())
                        .weakest(applied.get().certainty());
                List<Evidence> ev = new ArrayList<>(u.evidence());
                ev.addAll(applied.get().evidence());
                registrations.add(new RpcRegistration(r, u.owner(), u.processInstance(), c, ev));
                for (String p : r.protseqs()) {
                    if (p.equals("ncacn_ip_tcp")) {
                        tcpDemand
                                .computeIfAbsent(u.processInstance(), k -> new ArrayList<>())
                                .add(new Demand(u, r.name(), c, ev));
                    } else if (p.equals("ncadg_ip_udp")) {
                        udpDemand
                                .computeIfAbsent(u.processInstance(), k -> new ArrayList<>())
                                .add(new Demand(u, r.name(), c, ev));
                    }
                }
            }
        }

        List<Listener> dynamic = new ArrayList<>();
        dynamic.addAll(dynamicListeners(host, Protocol.TCP, tcpDemand, ranges.rpcRange()));
        dynamic.addAll(dynamicListeners(host, Protocol.UDP, udpDemand, ranges.rpcRange()));
        RpcInterfaceRestriction restriction = new RpcInterfaceRestriction(host);
        warnings.addAll(restriction.warnings());
        listeners.addAll(restriction.apply(dynamic));

        EndpointMapper epm = new EndpointMapper(host, !tcpDemand.isEmpty(), !udpDemand.isEmpty(), restriction);
        listeners.addAll(epm.listeners());
        warnings.addAll(epm.warnings());

        RegistryConfiguredListeners configured = new RegistryConfiguredListeners(host, kb());
        listeners.addAll(configured.listeners());
        warnings.addAll(configured.warnings());

        HttpSysReservations httpSys = new HttpSysReservations(host, listeners);
        listeners.addAll(httpSys.listeners());
        warnings.addAll(httpSys.warnings());

        org.portmortem.exposure.firewall.HostFirewall firewall = memo == null
                ? new org.portmortem.exposure.firewall.HostFirewall(host)
                : new org.portmortem.exposure.firewall.HostFirewall(host, memo.firewallRules());
        warnings.addAll(firewall.warnings());
        List<Listener> judged = new ArrayList<>();
        for (Listener l : listeners) {
            judged.add(l.withFirewall(firewall.verdict(l)));
        }
        judged.sort(ORDER);
        List<RpcEndpoint> rpc = RpcEndpoints.resolve(registrations, judged);
        return new Exposure(
                host.family(), judged, rpc, ranges.rpcRange(), warnings, firewall.profileInForce(), firewall::verdict);
    }

    /** Sort order of listeners: protocol, IP version, address, fixed before dynamic, port, owner. */
    public static final Comparator<Listener> ORDER = Comparator.comparing(Listener::protocol)
            .thenComparingInt(Listener::ipVersion)
            .thenComparing(Listener::address)
            .thenComparing(Listener::dynamic)
            .thenComparing(l -> l.port() == null ? 0 : l.port())
            .thenComparing(l -> l.owner().display());

    private List<Unit> units(HostAtBoot host) {
        List<Unit> out = new ArrayList<>();
        for (HostAtBoot.RunningUnit r : host.running()) {
            Optional<ServiceKnowledge> e = kb().entry(r.name());
            if (e.isEmpty() || e.get().kind() == ServiceKnowledge.Kind.PROCESS) {
                continue;
            }
            Owner owner = r.driver() ? Owner.system(r.name()) : Owner.of(r.name(), r.process(), r.svchostGroup());
            Certainty c = r.certainty();
            String instance = r.processInstance();
            if (!r.driver()
                    && host.family().atLeast(WindowsFamily.WIN10_2016_2022)
                    && r.svchostGroup() != null
                    && !splitDisabled(host, r.name())) {
                // Windows 10 1703+ gives each svchost service its own process when RAM exceeds 3.5 GB [SVCHOST1703].
                instance = instance + " (" + r.name().toLowerCase(Locale.ROOT) + ")";
            }
            out.add(new Unit(e.get(), owner, instance, c, r.evidence()));
        }
        for (HostAtBoot.RunningUnit r : host.demandStart()) {
            Optional<ServiceKnowledge> e = kb().entry(r.name());
            ServiceKnowledge.DemandStart d =
                    e.map(ServiceKnowledge::demandStarted).orElse(null);
            if (d == null || !d.families().contains(host.family())) {
                continue;
            }
            Certainty c = new Certainty(
                    Certainty.Level.LIKELY,
                    r.name() + " is demand-start (" + r.certainty().reason() + ") but " + d.reason());
            out.add(new Unit(
                    e.get(), Owner.of(r.name(), r.process(), r.svchostGroup()), r.processInstance(), c, r.evidence()));
        }
        for (ServiceKnowledge e : kb().entries()) {
            if (e.kind() != ServiceKnowledge.Kind.PROCESS || !e.families().contains(host.family())) {
                continue;
            }
            Optional<Applied> applied = applies(e.when(), host.registry());
            if (applied.isEmpty()) {
                continue;
            }
            String service = e.name().toLowerCase(Locale.ROOT).endsWith(".exe") ? null : e.name();
            List<Evidence> ev = new ArrayList<>(host.familyEvidence());
            ev.addAll(applied.get().evidence());
            out.add(new Unit(
                    e,
                    Owner.of(service, e.image(), null),
                    e.image().toLowerCase(Locale.ROOT),
                    applied.get().certainty(),
                    ev));
        }
        return out;
    }

    private static boolean splitDisabled(HostAtBoot host, String service) {
        return host.registry()
                .value("CS\\Services\\" + service, "SvcHostSplitDisable")
                .filter(Value::isNumber)
                .map(v -> v.asInt() == 1)
                .orElse(false);
    }

    /** The conditions' outcome when all hold. */
    private record Applied(Certainty certainty, List<Evidence> evidence) {}

    private static Optional<Applied> applies(List<RegistryCondition> conditions, RegistryScope reg) {
        Certainty c = Certainty.certain();
        List<Evidence> ev = new ArrayList<>();
        for (RegistryCondition cond : conditions) {
            ConditionCheck check = ConditionCheck.of(cond, reg);
            if (!check.holds()) {
                return Optional.empty();
            }
            c = c.weakest(check.certainty());
            ev.add(check.evidence());
        }
        return Optional.of(new Applied(c, ev));
    }

    private static List<Listener> endpointListeners(
            HostAtBoot host,
            Unit u,
            EndpointKnowledge ep,
            Certainty c,
            List<Evidence> ev,
            AddressPlan addresses,
            DynamicRpcPorts ranges) {
        Integer port = null;
        PortRange range = null;
        Mechanism mechanism;
        List<Evidence> evidence = new ArrayList<>(ev);
        Certainty certainty = c;
        String what = ep.note() == null ? u.entry().display() : ep.note();
        switch (ep.port().kind()) {
            case FIXED -> {
                port = ep.port().fixed();
                mechanism = new Mechanism(mechanismKind(u, port), what);
            }
            case REGISTRY -> {
                PortSpec spec = ep.port();
                evidence.add(host.registry()
                        .evidence(spec.key(), spec.value(), "listening port; absent = " + spec.defaultPort()));
                Optional<Value> v = host.registry().value(spec.key(), spec.value());
                port = spec.defaultPort();
                if (v.isPresent()) {
                    RegistryPort.Reading r = RegistryPort.read(v.get());
                    if (r.port().isPresent()) {
                        port = r.port().get();
                    } else {
                        certainty = certainty.weakest(new Certainty(
                                Certainty.Level.UNCERTAIN,
                                r.problem() + ": default " + spec.defaultPort() + " assumed"));
                    }
                }
                mechanism = new Mechanism(Mechanism.Kind.REGISTRY_PORT, what + " on the port in " + spec.value());
            }
            case DYNAMIC -> {
                range = ranges.ephemeralRange();
                evidence.addAll(range.evidence());
                mechanism = new Mechanism(Mechanism.Kind.DYNAMIC_PORT, what);
            }
            default -> throw new IllegalStateException("dynamic RPC endpoints are allocated per process");
        }
        Owner owner = ep.process() == null ? u.owner() : Owner.of(u.owner().service(), ep.process(), null);
        List<Listener> out = new ArrayList<>();
        for (int v : ep.ipVersions()) {
            for (AddressPlan.Bound b : addresses.addresses(ep.bind(), v)) {
                List<Evidence> all = new ArrayList<>(evidence);
                all.addAll(b.evidence());
                Mechanism m = b.where() == null
                        ? mechanism
                        : new Mechanism(mechanism.kind(), mechanism.description() + " on " + b.where());
                out.add(new Listener(
                        ep.protocol(),
                        v,
                        b.address(),
                        port,
                        port == null,
                        range,
                        owner,
                        m,
                        b.certainty() == null ? certainty : certainty.weakest(b.certainty()),
                        all,
                        null));
            }
        }
        return out;
    }

    private static Mechanism.Kind mechanismKind(Unit u, int port) {
        if (u.entry().name().equalsIgnoreCase("NetBT")) {
            return port == 445 ? Mechanism.Kind.SMB_DIRECT_HOST : Mechanism.Kind.NETBT;
        }
        if (u.entry().name().equalsIgnoreCase("LanmanServer") && port == 445) {
            return Mechanism.Kind.SMB_DIRECT_HOST;
        }
        return Mechanism.Kind.FIXED_PORT;
    }

    private static List<Listener> dynamicListeners(
            HostAtBoot host, Protocol protocol, Map<String, List<Demand>> demand, PortRange range) {
        List<Listener> out = new ArrayList<>();
        for (List<Demand> ds : demand.values()) {
            Demand first = ds.get(0);
            List<String> shared = ds.stream()
                    .map(d -> d.unit().owner().service())
                    .filter(s -> s != null && !s.equals(first.unit().owner().service()))
                    .distinct()
                    .toList();
            Owner o = first.unit().owner();
            Owner owner = new Owner(o.service(), o.process(), o.svchostGroup(), shared);
            // The port is there if any registration is certain: take the strongest, not the weakest.
            Certainty strongest = ds.stream()
                    .map(Demand::certainty)
                    .min(Comparator.comparing(Certainty::level))
                    .orElseThrow();
            // each piece once, in the order first met (a list's contains made this quadratic in the
            // services of a large svchost group: 14 ms of a Windows 10 analysis)
            Set<Evidence> distinct = new LinkedHashSet<>();
            ds.forEach(d -> distinct.addAll(d.evidence()));
            List<Evidence> ev = new ArrayList<>(distinct);
            ev.addAll(range.evidence());
            String what = ds.stream()
                    .map(Demand::why)
                    .distinct()
                    .reduce((a, b) -> a + ", " + b)
                    .orElse("");
            Mechanism m = new Mechanism(
                    Mechanism.Kind.DYNAMIC_RPC,
                    "dynamic RPC port for " + what + " (one per process and protocol sequence)");
            List<Integer> versions =
                    protocol == Protocol.TCP && !host.family().isPreVista() ? List.of(4, 6) : List.of(4);
            for (int v : versions) {
                out.add(new Listener(
                        protocol, v, v == 6 ? "::" : "0.0.0.0", null, true, range, owner, m, strongest, ev, null));
            }
        }
        return out;
    }
}
