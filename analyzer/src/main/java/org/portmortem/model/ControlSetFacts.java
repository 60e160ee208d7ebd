package org.portmortem.model;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.portmortem.hive.Key;
import org.portmortem.model.RegistryFacts.KeyAt;

/**
 * Single facts of the {@link SystemModel}, read from the control set in use by the very rules the model
 * reads them with, for a reader that needs one fact and not the whole model (a {@code rip} plugin:
 * building the model reads and decodes every service). The model's warnings about these facts are not
 * kept here; {@link SystemModel#warnings()} has them.
 */
public final class ControlSetFacts {
    private ControlSetFacts() {}

    /** {@link MachineIdentity#computerName()}, read from this control set. */
    public static Evidenced<String> computerName(Key controlSet) {
        return IdentityReader.computerName(KeyAt.of(controlSet), new RegistryFacts());
    }

    /** {@link MachineIdentity#hostName()}, read from this control set. */
    public static Evidenced<String> hostName(Key controlSet) {
        return IdentityReader.hostName(KeyAt.of(controlSet), new RegistryFacts());
    }

    /** {@link MachineIdentity#timeZone()}, read from this control set. */
    public static MachineTimeZone timeZone(Key controlSet) {
        return IdentityReader.timeZone(KeyAt.of(controlSet), new RegistryFacts());
    }

    /** {@link MachineIdentity#lastShutdown()}, read from this control set. */
    public static Evidenced<Instant> lastShutdown(Key controlSet) {
        return IdentityReader.lastShutdown(KeyAt.of(controlSet), new RegistryFacts());
    }

    /**
     * The keys the model's {@link SystemModel#services()} are read from, in the same order, without
     * reading them: the subkeys of {@code Services}, one per name ({@link #oneByName}); none where the
     * control set has no {@code Services} key.
     */
    public static List<Key> serviceKeys(Key controlSet) {
        return controlSet
                .subkey("Services")
                .map(services -> List.copyOf(oneByName(services.subkeys(), Key::name)))
                .orElse(List.of());
    }

    /**
     * The decoder of a service key's {@code TriggerInfo} into {@link Service#triggers()}, as the model
     * of a SYSTEM hive read without SOFTWARE decodes them: whether a trigger fires at boot is judged
     * from the interfaces and identity of this control set, read as the model reads them.
     */
    public static Function<Key, List<ServiceTrigger>> triggerDecoder(Key controlSet) {
        RegistryFacts facts = new RegistryFacts();
        List<NetworkInterface> interfaces = InterfaceReader.readAll(controlSet, facts);
        return new TriggerDecoder(interfaces, IdentityReader.read(controlSet, null, facts), facts)::decode;
    }

    /**
     * One item per service name, compared as the SCM compares them (case-insensitively): the last item
     * of a name, in the place of the first.
     */
    static <T> Collection<T> oneByName(List<T> items, Function<T, String> name) {
        Map<String, T> byName = new LinkedHashMap<>();
        for (T item : items) {
            byName.put(SystemModel.fold(name.apply(item)), item);
        }
        return byName.values();
    }
}
