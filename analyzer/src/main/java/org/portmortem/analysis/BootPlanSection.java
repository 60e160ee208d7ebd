package org.portmortem.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.portmortem.bootplan.BootDecision;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.bootplan.BootPlanEntry;

/**
 * The boot plan entries of one kind, as the report lists them.
 *
 * @param id stable identifier: {@code running}, {@code notRunning}, {@code failing}
 * @param title the section heading
 * @param entries the entries, services before drivers, each group by name
 */
public record BootPlanSection(String id, String title, List<BootPlanEntry> entries) {
    public BootPlanSection {
        entries = List.copyOf(entries);
    }

    /**
     * A boot plan as the report lists it: running, failing, not running, each services before drivers
     * and then by name. The order fixes the services' report ids, so every output derives it here.
     */
    public static List<BootPlanSection> of(BootPlan plan) {
        List<BootPlanEntry> running = new ArrayList<>();
        List<BootPlanEntry> notRunning = new ArrayList<>();
        List<BootPlanEntry> failing = new ArrayList<>();
        for (BootPlanEntry e : plan.entries()) {
            if (e.decision() == BootDecision.FAILS_TO_START) {
                failing.add(e);
            } else if (e.willRun()) {
                running.add(e);
            } else {
                notRunning.add(e);
            }
        }
        Comparator<BootPlanEntry> order = Comparator.comparing(
                        (BootPlanEntry e) -> e.service().isDriver())
                .thenComparing(BootPlanEntry::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(BootPlanEntry::name);
        running.sort(order);
        notRunning.sort(order);
        failing.sort(order);
        return List.of(
                new BootPlanSection("running", "Running after boot", running),
                new BootPlanSection("failing", "Failing to start", failing),
                new BootPlanSection("notRunning", "Not running", notRunning));
    }
}
