package org.portmortem.verdict;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.portmortem.BundledResource;
import org.portmortem.net.Protocol;

/**
 * The port names {@code netstat -a} (without {@code -n}) prints, mapped back to numbers only where
 * the services file makes that certain. Data: resource {@code service-names.json}.
 */
final class ServiceNames {
    private static final String RESOURCE = "/org/portmortem/verdict/service-names.json";

    record Entry(Protocol protocol, String name, int port) {}

    record Table(String source, List<Entry> names) {}

    private static final ServiceNames BUNDLED = load();

    private final String source;
    private final Map<String, Integer> ports = new HashMap<>();

    private ServiceNames(Table t) {
        this.source = t.source();
        for (Entry e : t.names()) {
            ports.put(key(e.protocol(), e.name()), e.port());
        }
    }

    static ServiceNames bundled() {
        return BUNDLED;
    }

    /** The certain port number of a printed name, if the table has one for that protocol. */
    Optional<Integer> port(Protocol protocol, String name) {
        return Optional.ofNullable(ports.get(key(protocol, name)));
    }

    /** Where the table comes from. */
    String source() {
        return source;
    }

    private static String key(Protocol p, String name) {
        return p + "/" + name.toLowerCase(Locale.ROOT);
    }

    private static ServiceNames load() {
        return new ServiceNames(BundledResource.json(ServiceNames.class, RESOURCE, Table.class));
    }
}
