package org.portmortem.ripper.system;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.portmortem.model.Service;
import org.portmortem.ripper.RegRipperData;

/**
 * Orders things as RegRipper's service plugins list them: newest LastWrite time first, ties in the
 * hive's order (the sort is stable); things without a time (text exports) come last.
 */
final class ServicesByTime {
    private ServicesByTime() {}

    static <T> List<T> newestFirst(List<T> items, Function<T, Instant> time) {
        return items.stream()
                .sorted(Comparator.comparing(time, Comparator.nullsLast(Comparator.<Instant>reverseOrder())))
                .toList();
    }

    /** The services of the model, newest key first. */
    static List<Service> newestFirst(List<Service> services) {
        return newestFirst(services, Service::lastWritten);
    }

    /** The heading RegRipper prints above the services written at one time. */
    static String heading(Instant t) {
        return t == null ? "(no LastWrite time)" : RegRipperData.time(t);
    }
}
