package org.portmortem.ripper.system;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.hive.Value;
import org.portmortem.ripper.RegRipperData;
import org.portmortem.ripper.RipContext;
import org.portmortem.ripper.RipFact;

/**
 * How RegRipper's service plugins (services, svc, svcdll) walk the {@code Services} key of the control
 * set in use: the key itself first (whether it exists, how many subkeys it has), then the services
 * newest LastWrite second first, services of one second in the hive's order (the plugins sort a hash
 * of whole seconds, Parse::Win32Registry's {@code get_timestamp}, and keep each second's list in the
 * order of the subkeys); things without a time (text exports) come last.
 */
final class ServicesByTime {
    private ServicesByTime() {}

    static <T> List<T> newestFirst(List<T> items, Function<T, Instant> time) {
        return items.stream()
                .sorted(Comparator.comparing(
                        time.andThen(t -> t == null ? null : t.getEpochSecond()),
                        Comparator.nullsLast(Comparator.<Long>reverseOrder())))
                .toList();
    }

    /** Service keys, newest first. */
    static List<Key> newestFirst(List<Key> serviceKeys) {
        return newestFirst(serviceKeys, ServicesByTime::time);
    }

    /** The time a plugin files a service key's facts under: its LastWrite time, {@code null} where the source has none. */
    static Instant time(Key serviceKey) {
        return serviceKey.lastWritten().orElse(null);
    }

    /**
     * The fact about the {@code Services} key itself that heads each plugin's facts, named
     * {@value Services#SERVICES_KEY}: its number of subkeys (RegRipper prints "has no subkeys." for
     * none), or its absence ("not found.").
     */
    static RipFact servicesKey(RipContext context) {
        Optional<Key> key = context.controlSetKey("Services");
        if (key.isEmpty()) {
            return KeyFacts.absentKey(context, "Services");
        }
        String path = context.controlSetPath("Services");
        int subkeys = key.get().subkeys().size();
        return new RipFact(
                path,
                Services.SERVICES_KEY,
                Integer.toString(subkeys),
                key.get().lastWritten().orElse(null),
                Evidence.ofKey(key.get(), subkeys + " subkeys"));
    }

    /**
     * The service's {@code Parameters} subkey if it holds a {@code ServiceDll} value, where svc, svcdll
     * and svc_tln look for one (a ServiceDll on the service key itself, which Windows also reads, they
     * do not list).
     */
    static Optional<Key> parametersWithDll(Key serviceKey) {
        return serviceKey.subkey("Parameters").filter(p -> p.value("ServiceDll").isPresent());
    }

    /**
     * A value of a service key as a fact of the service's group, its data as the plugin prints it
     * ({@code get_data}, then {@code print}), or the fact of its absence.
     *
     * @param time the time the plugin files the fact under (the service key's)
     * @param label the fact's name, RegRipper's column or line label
     */
    static RipFact value(
            String group, Instant time, Key key, String valueName, String label, UnaryOperator<String> print) {
        Optional<Value> v = key.value(valueName);
        return v.isPresent()
                ? new RipFact(
                        group,
                        label,
                        print.apply(RegRipperData.of(v.get())),
                        time,
                        Evidence.ofValue(key, v.get(), null))
                : new RipFact(group, label, null, time, Evidence.absentValue(key, valueName, "value not found"));
    }
}
