package org.portmortem.exposure.remediation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.ExposurePredictor;
import org.portmortem.exposure.HostAtBoot;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.Mechanism;
import org.portmortem.exposure.RegistryScope;
import org.portmortem.exposure.knowledge.KnowledgeBase;
import org.portmortem.exposure.knowledge.ServiceKnowledge;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.Value;
import org.portmortem.model.ModelOptions;
import org.portmortem.model.SystemModel;

/**
 * An ordered list of remediations with the listening set predicted after each one, cumulatively:
 * what the report plots. {@link #propose} orders them as the HSC paper does — services without RPC
 * ports, NetBIOS per interface, the SMB device, RPC services, DCOM's TCP protocol sequence, the
 * DNS client's cached socket.
 *
 * @param baseline the prediction before any change
 * @param steps each remediation with the prediction after it and the listeners it closed
 */
public record HardeningPlan(Exposure baseline, List<Step> steps) {

    /**
     * One step of the plan.
     *
     * @param remediation what is changed
     * @param after the prediction with this and every earlier step applied
     * @param closed listeners of the previous prediction that are gone (by protocol, address, port, owner)
     */
    public record Step(Remediation remediation, Exposure after, List<Listener> closed) {}

    /**
     * The machine as the pipeline found it, computed once: the hardening plan proposes and evaluates
     * its steps from it instead of reading the hives again.
     *
     * @param model the system model
     * @param plan its boot plan
     * @param exposure the prediction from them
     * @param registry the hives the model was read from (a step applies its edits to copies of them)
     */
    public record Baseline(SystemModel model, BootPlan plan, Exposure exposure, RegistryScope registry) {

        /** A baseline read from two hives, for callers without a pipeline (what-if tools, tests). */
        public static Baseline read(Hive system, Hive software, ModelOptions options) throws IOException {
            SystemModel model = SystemModel.read(system, software, options);
            BootPlan plan = BootPlan.of(model);
            RegistryScope registry = RegistryScope.of(model, system, software);
            return new Baseline(model, plan, new ExposurePredictor().predict(model, plan, registry), registry);
        }
    }

    /**
     * The state after each remediation, applied cumulatively to copies of the baseline's hives: each step
     * models its new hive state once, on the baseline's control set, reading again only the services
     * its edits (and the earlier steps') touch ({@link SystemModel#readAfterEdits}).
     */
    public static HardeningPlan evaluate(Baseline baseline, List<Remediation> remediations) throws IOException {
        return evaluate(baseline, remediations, null);
    }

    /**
     * As {@link #evaluate(Baseline, List)}, taking the steps of an earlier evaluation of the same
     * baseline as far as its remediations are the same (the same edits in the same order give the same
     * hive state): only the states not evaluated yet are read.
     *
     * @param known an earlier plan of the same baseline, or {@code null}
     */
    public static HardeningPlan evaluate(Baseline baseline, List<Remediation> remediations, HardeningPlan known)
            throws IOException {
        return new Evaluator(baseline).evaluate(remediations, known);
    }

    /**
     * Evaluates plans of one baseline (the same remediations in other orders, say), keeping from one
     * state to the next what did not change: each service's boot-plan entry while its facts are the
     * same objects, firewall rules parsed from the same value. The plans are those of
     * {@link HardeningPlan#evaluate}; not thread-safe.
     */
    public static final class Evaluator {
        private final Baseline baseline;
        // One predictor and one boot planner for every state: the hives are copies edited in place, so
        // most firewall rule values are the same from one state to the next, and the facts of every
        // service a state's model does not read again are the very objects of the baseline's model.
        private final ExposurePredictor predictor = ExposurePredictor.forStatesOfOneMachine();
        private final BootPlan.StatesOfOneMachine plans = new BootPlan.StatesOfOneMachine();

        /**
         * The prediction of every state evaluated, by the remediations applied to reach it, for states
         * whose remediations each edit keys no other one edits: in any order they leave the same hives.
         * The last state of each order of the same remediations is the same state.
         */
        private final Map<Set<Remediation>, Exposure> byApplied = new HashMap<>();

        /** An evaluator of plans of this baseline. */
        public Evaluator(Baseline baseline) {
            this.baseline = baseline;
        }

        /** As {@link HardeningPlan#evaluate(Baseline, List, HardeningPlan)} of this evaluator's baseline. */
        public HardeningPlan evaluate(List<Remediation> remediations, HardeningPlan known) throws IOException {
            // A --control-set override holds for every step, not only for the baseline.
            ModelOptions options =
                    ModelOptions.withControlSet(baseline.model().controlSets().inUse());
            String cs = baseline.model().controlSetPath();
            MemoryHive s = MemoryHive.copyOf(baseline.registry().system());
            MemoryHive w = baseline.registry().software() == null
                    ? null
                    : MemoryHive.copyOf(baseline.registry().software());
            List<Step> steps = new ArrayList<>();
            Exposure previous = baseline.exposure();
            boolean sharing = known != null;
            // Every key edited so far: the model of each state is the baseline's, read again only there.
            Set<String> editedSystemKeys = new LinkedHashSet<>();
            Set<Remediation> applied = new HashSet<>();
            Set<String> editedKeys = new HashSet<>();
            boolean apart = true; // no two remediations applied so far edit the same key
            for (Remediation r : remediations) {
                r.applyInPlace(s, w, cs);
                applied.add(r);
                Set<String> ownKeys = new HashSet<>();
                for (Remediation.Edit e : r.edits()) {
                    ownKeys.add(e.key().toUpperCase(Locale.ROOT));
                    if (e.key().startsWith("CS\\")) {
                        editedSystemKeys.add(cs + "\\" + e.key().substring(3));
                    }
                }
                for (String k : ownKeys) {
                    apart &= editedKeys.add(k);
                }
                int i = steps.size();
                sharing = sharing
                        && i < known.steps().size()
                        && known.steps().get(i).remediation().equals(r);
                if (sharing) {
                    steps.add(known.steps().get(i));
                    previous = known.steps().get(i).after();
                    continue;
                }
                Exposure after = apart ? byApplied.get(applied) : null;
                if (after == null) {
                    SystemModel m = SystemModel.readAfterEdits(baseline.model(), s, w, options, editedSystemKeys);
                    after = predictor.predict(m, plans.of(m), RegistryScope.of(m, s, w));
                    if (apart) {
                        byApplied.put(Set.copyOf(applied), after);
                    }
                }
                Set<String> still = new LinkedHashSet<>();
                after.listeners().forEach(l -> still.add(identity(l)));
                List<Listener> closed = previous.listeners().stream()
                        .filter(l -> !still.contains(identity(l)))
                        .toList();
                steps.add(new Step(r, after.withoutFirewallJudge(), closed));
                previous = after;
            }
            return new HardeningPlan(baseline.exposure().withoutFirewallJudge(), steps);
        }
    }

    private static String identity(Listener l) {
        return l.protocol() + " " + l.ipVersion() + " " + l.address() + " " + l.port() + " "
                + l.owner().service() + " " + l.owner().process();
    }

    /** The remediations that would close every listener of the baseline that can be closed, in the paper's order. */
    public static List<Remediation> propose(Baseline baseline) {
        SystemModel model = baseline.model();
        HostAtBoot host = HostAtBoot.of(model, baseline.plan(), baseline.registry());
        Exposure e = baseline.exposure();
        KnowledgeBase kb = KnowledgeBase.bundled();
        Map<String, Remediation> plain = new LinkedHashMap<>();
        Map<String, Remediation> netbios = new LinkedHashMap<>();
        Map<String, Remediation> smb = new LinkedHashMap<>();
        Map<String, Remediation> rpc = new LinkedHashMap<>();
        List<Remediation> last = new ArrayList<>();
        boolean epmTcp = false;
        boolean dnsSocket = false;
        for (Listener l : e.listeners()) {
            if (l.possibleOnly()) {
                continue; // an HTTP.sys port only reserved: no socket to close
            }
            String svc = l.owner().service();
            Mechanism.Kind k = l.mechanism().kind();
            switch (k) {
                case NETBT ->
                    java.util.stream.Stream.concat(host.interfaces().stream(), host.unaddressed().stream())
                            .filter(n -> l.addressUnknown()
                                    ? l.mechanism().description().contains(n.id())
                                    : n.ipv4().contains(l.address()))
                            .findFirst()
                            .ifPresent(n -> netbios.putIfAbsent(
                                    n.id(),
                                    Remediation.disableNetbios(
                                            n.id(),
                                            n.ipv4().isEmpty() ? l.address() : String.join(", ", n.ipv4()),
                                            "closes UDP 137, 138 and TCP 139 on " + l.address()
                                                    + " (HSC: NetBT section)")));
                case SMB_DIRECT_HOST -> {
                    if (host.family().isPreVista()) {
                        smb.putIfAbsent(
                                "smb",
                                Remediation.setDword(
                                        "Stop NetBT opening the SMB device (445)",
                                        "CS\\Services\\NetBT\\Parameters",
                                        "SMBDeviceEnabled",
                                        0,
                                        "closes TCP and UDP 445 after a reboot (HSC: CIFS over TCP)"));
                    } else if (svc != null) {
                        smb.putIfAbsent(
                                "smb",
                                Remediation.disableService(
                                        svc, "closes TCP 445 (file and printer" + " sharing stops)"));
                    }
                }
                case ENDPOINT_MAPPER -> epmTcp |= l.protocol() == org.portmortem.net.Protocol.TCP;
                default -> {
                    if (svc == null) {
                        break;
                    }
                    Optional<ServiceKnowledge> sk = kb.entry(svc);
                    if (svc.equalsIgnoreCase("Dnscache") && k == Mechanism.Kind.DYNAMIC_PORT) {
                        dnsSocket = true;
                        break;
                    }
                    if (sk.map(ServiceKnowledge::essential).orElse(null) != null
                            || host.unit(svc).map(u -> u.driver()).orElse(false)) {
                        break;
                    }
                    if (svc.equalsIgnoreCase("Dhcp") && takesDhcpAddress(host)) {
                        // The DHCP client keeps the host's own address: disabling it would close every socket on
                        // a DHCP interface, not only UDP 68. Not proposed.
                        break;
                    }
                    if (svc.equalsIgnoreCase("TermService")) {
                        plain.putIfAbsent(
                                svc,
                                Remediation.setDword(
                                        "Deny Remote Desktop connections",
                                        "CS\\Control\\Terminal Server",
                                        "fDenyTSConnections",
                                        1,
                                        "closes the RDP listener"));
                        break;
                    }
                    Map<String, Remediation> target = k == Mechanism.Kind.DYNAMIC_RPC ? rpc : plain;
                    if (!plain.containsKey(svc) && !rpc.containsKey(svc)) {
                        target.put(
                                svc,
                                Remediation.disableService(
                                        svc,
                                        "closes " + l.protocol() + " " + l.localEndpoint()
                                                + " and every other socket of " + svc));
                    }
                }
            }
        }
        if (epmTcp && host.family().isPreVista()) {
            Optional<Value> dcom = host.registry().value("SW\\Microsoft\\Rpc", "DCOM Protocols");
            if (dcom.isPresent()) {
                last.add(Remediation.removeDcomProtocol(
                        dcom.get().asStrings(),
                        "ncacn_ip_tcp",
                        "closes TCP 135 once no running RPC server uses TCP (HSC: DCOM section)"));
            }
        }
        if (dnsSocket) {
            last.add(Remediation.setDword(
                    "Stop the DNS client keeping a cached socket",
                    "CS\\Services\\Dnscache\\Parameters",
                    "MaxCachedSockets",
                    0,
                    "closes the DNS client's UDP port (HSC: caching DNS service)"));
        }
        collapseToDependencies(model, plain, rpc);
        BootPlan boot = baseline.plan();
        sayWhatElseStops(plain, boot);
        sayWhatElseStops(rpc, boot);
        List<Remediation> out = new ArrayList<>(plain.values());
        out.addAll(netbios.values());
        out.addAll(smb.values());
        out.addAll(rpc.values());
        out.addAll(last);
        return out;
    }

    /** True when an interface of the host takes its address from DHCP (with or without a recorded lease). */
    static boolean takesDhcpAddress(HostAtBoot host) {
        return !host.unaddressed().isEmpty() || host.interfaces().stream().anyMatch(HostAtBoot.NetworkInterface::dhcp);
    }

    /**
     * A disabled service stops every running service that depends on it, directly or not (the boot
     * plan's dependencies): each remediation that disables one says which, so that no step takes away
     * more than it names.
     */
    private static void sayWhatElseStops(Map<String, Remediation> disables, BootPlan boot) {
        for (Map.Entry<String, Remediation> e : disables.entrySet()) {
            Remediation r = e.getValue();
            if (r.serviceToDisable() == null) {
                continue;
            }
            List<String> dependents = runningDependents(boot, r.serviceToDisable());
            if (!dependents.isEmpty()) {
                e.setValue(Remediation.disableService(
                        r.serviceToDisable(),
                        r.why() + "; also stops " + String.join(", ", dependents)
                                + ", which run at boot and depend on it (boot plan)"));
            }
        }
    }

    /** The services that run at boot and depend on {@code service}, directly or through others, by name. */
    public static List<String> runningDependents(BootPlan boot, String service) {
        Set<String> stopped = new LinkedHashSet<>();
        stopped.add(service.toUpperCase(java.util.Locale.ROOT));
        List<String> out = new ArrayList<>();
        boolean grew = true;
        while (grew) {
            grew = false;
            for (org.portmortem.bootplan.BootPlanEntry e : boot.running()) {
                String name = e.service().name();
                if (stopped.contains(name.toUpperCase(java.util.Locale.ROOT))) {
                    continue;
                }
                if (e.service().dependsOnServices().stream()
                        .anyMatch(d -> stopped.contains(d.toUpperCase(java.util.Locale.ROOT)))) {
                    stopped.add(name.toUpperCase(java.util.Locale.ROOT));
                    out.add(name);
                    grew = true;
                }
            }
        }
        return out;
    }

    /**
     * Where a service to disable depends, directly or through others, on another service to disable,
     * disabling the dependency alone stops both (its dependents fail to start), as the paper does with
     * {@code net stop iisadmin} for W3SVC and SMTPSVC. The dependency takes the earliest place of the
     * services it stands for.
     */
    private static void collapseToDependencies(
            SystemModel model, Map<String, Remediation> plain, Map<String, Remediation> rpc) {
        Map<String, Remediation> all = new LinkedHashMap<>(plain);
        all.putAll(rpc);
        Map<String, String> rootOf = new LinkedHashMap<>();
        for (String svc : all.keySet()) {
            rootOf.put(
                    svc,
                    candidateDependency(model, svc, all.keySet(), new java.util.HashSet<>())
                            .orElse(svc));
        }
        if (rootOf.entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return;
        }
        Map<String, Remediation> newPlain = new LinkedHashMap<>();
        Map<String, Remediation> newRpc = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : rootOf.entrySet()) {
            String root = e.getValue();
            if (newPlain.containsKey(root) || newRpc.containsKey(root)) {
                continue;
            }
            Map<String, Remediation> target = plain.containsKey(e.getKey()) ? newPlain : newRpc;
            Remediation r = all.get(root);
            if (!root.equals(e.getKey())) {
                List<String> dependents = rootOf.entrySet().stream()
                        .filter(x -> x.getValue().equals(root) && !x.getKey().equals(root))
                        .map(Map.Entry::getKey)
                        .toList();
                r = Remediation.disableService(
                        root,
                        "closes every socket of " + root + ", and of "
                                + String.join(", ", dependents)
                                + ", which depend on it and fail to start (HSC: net stop "
                                + root.toLowerCase(java.util.Locale.ROOT) + ")");
            }
            target.put(root, r);
        }
        plain.clear();
        plain.putAll(newPlain);
        rpc.clear();
        rpc.putAll(newRpc);
    }

    /** The outermost service among the candidates that {@code svc} depends on, if any. */
    private static Optional<String> candidateDependency(
            SystemModel model, String svc, Set<String> candidates, Set<String> seen) {
        if (!seen.add(svc.toUpperCase(java.util.Locale.ROOT))) {
            return Optional.empty();
        }
        Optional<String> found = Optional.empty();
        for (String dep : model.service(svc).map(x -> x.dependsOnServices()).orElse(List.of())) {
            Optional<String> deeper = candidateDependency(model, dep, candidates, seen);
            if (deeper.isPresent()) {
                return deeper;
            }
            if (found.isEmpty()) {
                found = candidates.stream().filter(c -> c.equalsIgnoreCase(dep)).findFirst();
            }
        }
        return found;
    }
}
