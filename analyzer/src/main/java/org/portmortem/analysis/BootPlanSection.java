package org.portmortem.analysis;

import java.util.List;
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
}
