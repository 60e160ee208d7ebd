package org.portmortem.bootplan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.portmortem.RecordHash;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.Evidenced;
import org.portmortem.model.ModelWarning;
import org.portmortem.model.Service;
import org.portmortem.model.ServiceTrigger;
import org.portmortem.model.StartType;
import org.portmortem.model.SystemModel;
import org.portmortem.model.TriggerFiring;

/**
 * Walks the dependencies of everything that starts at boot, as the service control manager would,
 * and decides each service's {@link BootDecision}.
 */
final class DependencyResolution {
    /** SC_GROUP_IDENTIFIER: a DependOnService entry starting with '+' names a load-order group. */
    private static final char GROUP_PREFIX = '+';

    /** Whether a service can be started, and if not, the chain to the dependency that fails. */
    record Outcome(boolean ok, List<String> chain, String reason, List<Evidence> evidence) {
        static final Outcome OK = new Outcome(true, List.of(), "", List.of());

        // equals and hashCode written out, as the record's own would compute them (RecordHash says why).
        @Override
        public boolean equals(Object o) {
            return this == o
                    || o instanceof Outcome that
                            && ok == that.ok
                            && Objects.equals(chain, that.chain)
                            && Objects.equals(reason, that.reason)
                            && Objects.equals(evidence, that.evidence);
        }

        @Override
        public int hashCode() {
            return RecordHash.of(ok, chain, reason, evidence);
        }
    }

    private final SystemModel model;
    private final Map<String, Outcome> outcomes = new HashMap<>();
    private final Set<String> inProgress = new LinkedHashSet<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Map<String, Set<String>> requiredBy = new HashMap<>();
    private final Map<String, List<String>> cycles = new HashMap<>();
    private final List<ModelWarning> warnings = new ArrayList<>();

    /** Each service's entry in an earlier state of the same machine, by upper-cased name; or null. */
    private final Map<String, Decided> earlier;

    /**
     * An entry with what it was decided from: the service's facts (compared by identity, which a model
     * of another state of the hives keeps for every service it did not read again) and what the
     * resolution found for it.
     */
    record Decided(Service service, Outcome outcome, List<String> pulledBy, boolean inCycle, BootPlanEntry entry) {
        boolean decidedFrom(Service s, Outcome o, List<String> pulled, boolean cycle) {
            Service p = service;
            return p.name().equals(s.name())
                    && p.type() == s.type()
                    && p.start() == s.start()
                    && p.delayedAutostart() == s.delayedAutostart()
                    && p.triggers() == s.triggers()
                    && p.image() == s.image()
                    && java.util.Objects.equals(p.svchostGroup(), s.svchostGroup())
                    && java.util.Objects.equals(outcome, o)
                    && pulledBy.equals(pulled)
                    && inCycle == cycle;
        }
    }

    DependencyResolution(SystemModel model) {
        this(model, null);
    }

    /**
     * A resolution that takes a service's entry from {@code earlier} where it was decided from the same
     * facts and the same outcome, and records there every entry it decides.
     */
    DependencyResolution(SystemModel model, Map<String, Decided> earlier) {
        this.model = model;
        this.earlier = earlier;
    }

    List<ModelWarning> warnings() {
        return warnings;
    }

    SystemModel model() {
        return model;
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    List<BootPlanEntry> decide() {
        for (Service s : model.services()) {
            if (startsOnItsOwn(s)) {
                resolve(s);
            }
        }
        List<BootPlanEntry> out = new ArrayList<>();
        for (Service s : model.services()) {
            out.add(entry(s));
        }
        return out;
    }

    /** Drivers with Start 0-2, automatic services, and trigger-start services whose trigger fires at boot. */
    private boolean startsOnItsOwn(Service s) {
        if (!s.type().isPresent()) {
            return false;
        }
        StartType st = s.startType();
        if (s.isDriver()) {
            return st == StartType.BOOT || st == StartType.SYSTEM || st == StartType.AUTOMATIC;
        }
        return st == StartType.AUTOMATIC || (st == StartType.MANUAL && triggerFiresAtBoot(s));
    }

    private static boolean triggerFiresAtBoot(Service s) {
        return s.triggers().stream().anyMatch(t -> t.start() && t.firing() == TriggerFiring.AT_BOOT);
    }

    private Outcome resolve(Service s) {
        String k = key(s.name());
        Outcome done = outcomes.get(k);
        if (done != null) {
            return done;
        }
        if (inProgress.contains(k)) {
            return cycle(s);
        }
        inProgress.add(k);
        stack.push(s.name());
        Outcome result = ownOutcome(s);
        if (result.ok()) {
            for (String dep : s.dependsOnServices()) {
                Outcome o = dep.length() > 1 && dep.charAt(0) == GROUP_PREFIX
                        ? resolveGroup(s, dep.substring(1), s.dependOnService())
                        : resolveService(s, dep);
                if (!o.ok()) {
                    result = o;
                    break;
                }
            }
        }
        if (result.ok()) {
            for (String group : s.dependsOnGroups()) {
                Outcome o = resolveGroup(s, group, s.dependOnGroup());
                if (!o.ok()) {
                    result = o;
                    break;
                }
            }
        }
        stack.pop();
        inProgress.remove(k);
        List<String> cycle = cycles.get(k);
        if (cycle != null) {
            result = new Outcome(
                    false,
                    cycle,
                    "is part of a dependency cycle: " + String.join(" -> ", cycle),
                    List.of(s.dependOnService().evidence()));
        }
        outcomes.put(k, result);
        return result;
    }

    /** Failures a service has on its own, before its dependencies are looked at. */
    private static Outcome ownOutcome(Service s) {
        if (!s.type().isPresent()) {
            return fail(
                    s,
                    "has no Type value, so the SCM does not know it as a service",
                    s.type().evidence());
        }
        if (s.startType() == StartType.DISABLED) {
            return fail(s, "is disabled (Start=4)", s.start().evidence());
        }
        return Outcome.OK;
    }

    private static Outcome fail(Service s, String why, Evidence evidence) {
        return new Outcome(false, List.of(s.name()), s.name() + " " + why, List.of(evidence));
    }

    private Outcome resolveService(Service dependent, String depName) {
        Service dep = model.service(depName).orElse(null);
        if (dep == null) {
            Evidence missing = model.missingService(depName, "dependency of " + dependent.name() + " missing");
            return chained(
                    dependent, new Outcome(false, List.of(depName), depName + " does not exist", List.of(missing)));
        }
        requiredBy.computeIfAbsent(key(dep.name()), x -> new LinkedHashSet<>()).add(dependent.name());
        return chained(dependent, resolve(dep));
    }

    /** A group dependency: met if a member starts; demand-start members are pulled in if none does. */
    private Outcome resolveGroup(Service dependent, String group, Evidenced<?> declaredBy) {
        List<Service> members = model.groupMembers(group);
        List<Service> starting = members.stream().filter(this::startsOnItsOwn).collect(Collectors.toList());
        List<Service> candidates = starting.isEmpty()
                ? members.stream()
                        .filter(m -> m.startType() == StartType.MANUAL)
                        .collect(Collectors.toList())
                : starting;
        boolean any = false;
        for (Service m : candidates) {
            requiredBy
                    .computeIfAbsent(key(m.name()), x -> new LinkedHashSet<>())
                    .add(dependent.name());
            any |= resolve(m).ok();
        }
        if (any) {
            return Outcome.OK;
        }
        String why = members.isEmpty()
                ? "group " + group + " has no members"
                : "no member of group " + group + " can start ("
                        + members.stream().map(Service::name).collect(Collectors.joining(", ")) + ")";
        return chained(dependent, new Outcome(false, List.of("group " + group), why, List.of(declaredBy.evidence())));
    }

    private static Outcome chained(Service dependent, Outcome dep) {
        if (dep.ok()) {
            return dep;
        }
        List<String> chain = new ArrayList<>();
        chain.add(dependent.name());
        chain.addAll(dep.chain());
        List<Evidence> ev = new ArrayList<>(dep.evidence());
        ev.add(
                0,
                dependent.dependOnService().isPresent()
                        ? dependent.dependOnService().evidence()
                        : dependent.dependOnGroup().evidence());
        return new Outcome(false, chain, dep.reason(), ev);
    }

    /** A service met again while its own dependencies are being resolved: every member fails. */
    private Outcome cycle(Service s) {
        List<String> path = new ArrayList<>();
        Iterator<String> it = stack.iterator(); // top of stack first
        while (it.hasNext()) {
            String n = it.next();
            path.add(0, n);
            if (key(n).equals(key(s.name()))) {
                break;
            }
        }
        path.add(s.name());
        for (String member : path) {
            cycles.put(key(member), path);
        }
        warnings.add(new ModelWarning(
                "dependency cycle: " + String.join(" -> ", path) + "; the service control manager fails every member",
                s.dependOnService().evidence()));
        return new Outcome(
                false,
                path,
                "dependency cycle " + String.join(" -> ", path),
                List.of(s.dependOnService().evidence()));
    }

    private BootPlanEntry entry(Service s) {
        String k = key(s.name());
        Outcome o = outcomes.get(k);
        List<String> pulledBy = new ArrayList<>(requiredBy.getOrDefault(k, Set.of()));
        pulledBy.sort(String.CASE_INSENSITIVE_ORDER);
        boolean inCycle = cycles.containsKey(k);
        if (earlier == null) {
            return entry(s, k, o, pulledBy);
        }
        Decided before = earlier.get(k);
        if (before != null && before.decidedFrom(s, o, pulledBy, inCycle)) {
            BootPlanEntry e = before.entry();
            // The same decision and text; the entry names this state's service.
            return new BootPlanEntry(
                    s, e.decision(), e.willRun(), e.reason(), e.failureChain(), e.requiredBy(), e.evidence(), e.host());
        }
        BootPlanEntry e = entry(s, k, o, pulledBy);
        earlier.put(k, new Decided(s, o, pulledBy, inCycle, e));
        return e;
    }

    private BootPlanEntry entry(Service s, String k, Outcome o, List<String> pulledBy) {
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(s.start().evidence());
        evidence.add(s.type().evidence());
        HostProcess host = HostProcesses.of(s);
        StartType st = s.startType();
        String start = startText(s);
        if (o != null && !o.ok()) {
            evidence.addAll(o.evidence());
            String reason = o.chain().size() == 1 && !cycles.containsKey(k)
                    ? o.reason()
                    : "would fail to start: " + String.join(" -> ", o.chain()) + " (" + o.reason() + ")";
            if (startsOnItsOwn(s) || !pulledBy.isEmpty()) {
                return new BootPlanEntry(
                        s,
                        st == StartType.DISABLED ? BootDecision.DISABLED : BootDecision.FAILS_TO_START,
                        false,
                        st == StartType.DISABLED ? start + "; needed by " + String.join(", ", pulledBy) : reason,
                        o.chain(),
                        pulledBy,
                        evidence,
                        host);
            }
        }
        if (o != null && startsOnItsOwn(s)) {
            if (s.isDriver()) {
                return new BootPlanEntry(
                        s,
                        BootDecision.RUNS,
                        true,
                        start + ": driver loaded at boot",
                        List.of(),
                        List.of(),
                        evidence,
                        host);
            }
            if (st == StartType.MANUAL) {
                evidence.addAll(triggerEvidence(s));
                return new BootPlanEntry(
                        s,
                        BootDecision.TRIGGER_START,
                        true,
                        start + "; trigger fires at boot: " + firingTriggers(s),
                        List.of(),
                        List.of(),
                        evidence,
                        host);
            }
            if (s.isDelayedAutostart()) {
                evidence.add(s.delayedAutostart().evidence());
                return new BootPlanEntry(
                        s,
                        BootDecision.DELAYED,
                        true,
                        start + ", delayed (DelayedAutostart=1)",
                        List.of(),
                        List.of(),
                        evidence,
                        host);
            }
            return new BootPlanEntry(s, BootDecision.RUNS, true, start, List.of(), List.of(), evidence, host);
        }
        if (o != null) {
            return new BootPlanEntry(
                    s,
                    BootDecision.RUNS_AS_DEPENDENCY,
                    true,
                    start + "; started as a dependency of " + String.join(", ", pulledBy),
                    List.of(),
                    pulledBy,
                    evidence,
                    host);
        }
        if (st == StartType.DISABLED) {
            return new BootPlanEntry(s, BootDecision.DISABLED, false, start, List.of(), List.of(), evidence, host);
        }
        if (s.isTriggerStart()) {
            evidence.addAll(triggerEvidence(s));
            return new BootPlanEntry(
                    s,
                    BootDecision.TRIGGER_START,
                    false,
                    start + "; no start trigger is known to fire"
                            + " at a normal boot: "
                            + s.triggers().stream()
                                    .map(t -> t.describe() + " - "
                                            + t.firing()
                                                    .name()
                                                    .toLowerCase(Locale.ROOT)
                                                    .replace('_', ' ') + ": " + t.firingReason())
                                    .collect(Collectors.joining("; ")),
                    List.of(),
                    List.of(),
                    evidence,
                    host);
        }
        return new BootPlanEntry(
                s, BootDecision.NOT_STARTED, false, notStartedReason(s, start), List.of(), List.of(), evidence, host);
    }

    private static String notStartedReason(Service s, String start) {
        if (!s.type().isPresent()) {
            return "no Type value: not a service or driver the SCM loads";
        }
        if (!s.start().isPresent()) {
            return "no Start value: nothing starts it";
        }
        if (!s.isDriver() && (s.startType() == StartType.BOOT || s.startType() == StartType.SYSTEM)) {
            return start + ": boot and system start apply to drivers only; the SCM does not start a service with it";
        }
        if (s.isDriver() && s.startType() == StartType.MANUAL) {
            return start + ": a demand-start driver, loaded by Plug and Play when its device is present (not"
                    + " predictable from the hive); nothing that starts at boot depends on it";
        }
        return start + "; nothing that starts at boot depends on it";
    }

    private static String firingTriggers(Service s) {
        return s.triggers().stream()
                .filter(t -> t.start() && t.firing() == TriggerFiring.AT_BOOT)
                .map(t -> t.describe() + " (" + t.firingReason() + ")")
                .collect(Collectors.joining("; "));
    }

    private static List<Evidence> triggerEvidence(Service s) {
        return s.triggers().stream().map(ServiceTrigger::evidence).collect(Collectors.toList());
    }

    private static String startText(Service s) {
        if (!s.start().isPresent()) {
            return "no Start value";
        }
        return "Start=" + s.start().value() + " (" + s.startType().name().toLowerCase(Locale.ROOT) + ")";
    }
}
