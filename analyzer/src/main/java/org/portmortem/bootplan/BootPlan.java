package org.portmortem.bootplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.portmortem.model.ModelWarning;
import org.portmortem.model.Service;
import org.portmortem.model.SystemModel;

/**
 * What would be running after the next boot of the modelled machine, and why, for every service and
 * driver: boot and system drivers, automatic services (delayed ones marked), the demand-start
 * services they pull in through DependOnService/DependOnGroup, trigger-start services with whether
 * their triggers fire at a normal boot, and those that would fail to start because a dependency is
 * disabled, missing or part of a cycle.
 *
 * <p>Rules (as the service control manager applies them): a Start=3 dependency is started on demand;
 * a Start=4 or missing dependency makes the dependent fail; a DependOnGroup (or a {@code +Group}
 * entry in DependOnService) is met when at least one member of that load-order group starts, and
 * pulls in its demand-start members when no member starts otherwise; a dependency cycle fails every
 * member (ERROR_CIRCULAR_DEPENDENCY). Drivers (Type &amp; 0x0B) with Start 0, 1 or 2 load.
 */
public final class BootPlan {
    private final SystemModel model;
    private final Map<String, BootPlanEntry> entries;
    private final List<ModelWarning> warnings;

    private BootPlan(SystemModel model, Map<String, BootPlanEntry> entries, List<ModelWarning> warnings) {
        this.model = model;
        this.entries = Collections.unmodifiableMap(entries);
        this.warnings = List.copyOf(warnings);
    }

    /** Decides the boot plan of a model. */
    public static BootPlan of(SystemModel model) {
        return decide(new DependencyResolution(model));
    }

    /**
     * Decides the boot plans of many states of one machine (the hardening plan's: copies of its hives
     * with a few edits each), keeping each service's entry for the next state: a service whose facts
     * are the same objects as before (a model of an edited copy keeps those of every service it did not
     * read again) and whose dependencies resolved the same way gets the same decision and text without
     * building them again. The plans are those of {@link BootPlan#of}; not thread-safe.
     */
    public static final class StatesOfOneMachine {
        private final Map<String, DependencyResolution.Decided> decided = new HashMap<>();

        /** The boot plan of this state's model. */
        public BootPlan of(SystemModel model) {
            return decide(new DependencyResolution(model, decided));
        }
    }

    private static BootPlan decide(DependencyResolution resolution) {
        SystemModel model = resolution.model();
        Map<String, BootPlanEntry> out = new LinkedHashMap<>();
        for (BootPlanEntry e : resolution.decide()) {
            out.put(key(e.name()), e);
        }
        return new BootPlan(model, out, resolution.warnings());
    }

    private static String key(String name) {
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    /** The model the plan was decided from. */
    public SystemModel model() {
        return model;
    }

    /** One entry per service and driver, in the model's order. */
    public List<BootPlanEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry of a service (case-insensitive). */
    public Optional<BootPlanEntry> entry(String serviceName) {
        return Optional.ofNullable(entries.get(key(serviceName)));
    }

    /** The entries that would be running after boot ({@link BootPlanEntry#willRun()}). */
    public List<BootPlanEntry> running() {
        List<BootPlanEntry> out = new ArrayList<>();
        for (BootPlanEntry e : entries.values()) {
            if (e.willRun()) {
                out.add(e);
            }
        }
        return out;
    }

    /** Whether the named service would be running after boot; false for an unknown name. */
    public boolean willRun(String serviceName) {
        return entry(serviceName).map(BootPlanEntry::willRun).orElse(false);
    }

    /** Dependency cycles and other findings of the plan (the model's own warnings are on the model). */
    public List<ModelWarning> warnings() {
        return warnings;
    }

    /**
     * The process that would host a service: {@code System} for drivers, {@code svchost.exe} with its
     * group, the shared image (lsass.exe, services.exe) for other share-process services, or the
     * service's own executable.
     */
    public static HostProcess hostProcess(Service service) {
        return HostProcesses.of(service);
    }
}
