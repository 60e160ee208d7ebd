package org.portmortem.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Key;
import org.portmortem.model.RegistryFacts.KeyAt;

/** Reads every key under {@code Services} of a control set into {@link Service}s. */
final class ServiceReader {
    private final RegistryFacts facts;
    private final ImagePathResolver paths;
    private final TriggerDecoder triggers;

    ServiceReader(RegistryFacts facts, ImagePathResolver paths, TriggerDecoder triggers) {
        this.facts = facts;
        this.paths = paths;
        this.triggers = triggers;
    }

    List<Service> readAll(Key controlSet) {
        Optional<Key> services = controlSet.subkey("Services");
        if (services.isEmpty()) {
            facts.warn(
                    "the control set has no Services key: no services or drivers",
                    Evidence.absentKey(controlSet.hive(), controlSet.path() + "\\Services", "key absent"));
            return List.of();
        }
        List<Service> out = new ArrayList<>();
        for (Key k : services.get().subkeys()) {
            out.add(read(k));
        }
        return out;
    }

    Service read(Key k) {
        Evidenced<Integer> type = facts.integer(k, "Type");
        Evidenced<Integer> start = facts.integer(k, "Start");
        if (type.isPresent() && !start.isPresent()) {
            facts.warn("service " + k.name() + " has no usable Start value: treated as not started", start.evidence());
        }
        Evidenced<String> imagePath = facts.string(k, "ImagePath");
        ImagePath image = paths.resolve(imagePath.value());
        Evidenced<String> serviceDll = facts.string(KeyAt.of(k).child("Parameters"), "ServiceDll");
        if (!serviceDll.isPresent() && k.value("ServiceDll").isPresent()) {
            serviceDll = facts.string(k, "ServiceDll");
        }
        Evidenced<Integer> delayed = facts.integer(k, "DelayedAutostart");
        return new Service(
                k.name(),
                k,
                k.lastWritten().orElse(null),
                type,
                start,
                facts.integer(k, "ErrorControl"),
                imagePath,
                image,
                serviceDll,
                paths.resolve(serviceDll.value()),
                facts.string(k, "ObjectName"),
                facts.string(k, "DisplayName").map(ResourceString::new),
                facts.string(k, "Description").map(ResourceString::new),
                facts.string(k, "Group"),
                facts.integer(k, "Tag"),
                facts.strings(k, "DependOnService"),
                facts.strings(k, "DependOnGroup"),
                delayed.map(v -> v != 0),
                triggers.decode(k),
                ImagePathResolver.svchostGroup(image));
    }
}
