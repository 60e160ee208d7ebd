package org.portmortem.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /**
     * Every service under the control set's {@code Services} key, in its order, taking a service of {@code earlier} instead of reading its key again
     * where that key's subtree is not among {@code edited} (folded names) and {@code earlier} read it
     * from one key of that name: the same facts, bound to this hive's key, and the same warnings,
     * raised again in their place.
     *
     * @param earlier a model read from hives whose {@code Services} subtrees differ from these only
     *     below the edited names, with the same system root and SOFTWARE (see
     *     {@link SystemModel#readAfterEdits}), or {@code null} to read every key
     * @param sameTriggerContext whether {@code earlier} judged triggers against the same interfaces and
     *     identity; if not, a service that had triggers (or warnings) is read again
     * @param warningsOut filled with the warnings each service's read raised, by folded name (only
     *     services that raised some)
     * @param repeatedOut filled with the folded names more than one key has
     */
    List<Service> readAll(
            Key controlSet,
            SystemModel earlier,
            boolean sameTriggerContext,
            Set<String> edited,
            Map<String, List<ModelWarning>> warningsOut,
            Set<String> repeatedOut) {
        Optional<Key> services = controlSet.subkey("Services");
        if (services.isEmpty()) {
            facts.warn(
                    "the control set has no Services key: no services or drivers",
                    Evidence.absentKey(controlSet.hive(), controlSet.path() + "\\Services", "key absent"));
            return List.of();
        }
        List<Service> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Key k : services.get().subkeys()) {
            String folded = SystemModel.fold(k.name());
            Service same = earlier == null || edited.contains(folded) ? null : earlier.readOnceAs(k.name());
            if (same != null
                    && !sameTriggerContext
                    && !(same.triggers().isEmpty()
                            && earlier.warningsReading(folded).isEmpty())) {
                // No trigger and no warning: its TriggerInfo, if any, has no entry whose firing the
                // interfaces or identity could decide.
                same = null;
            }
            int before = facts.warnings().size();
            if (same != null) {
                out.add(same.at(k));
                facts.warnings().addAll(earlier.warningsReading(folded));
            } else {
                out.add(read(k));
            }
            if (!seen.add(folded)) {
                repeatedOut.add(folded);
            }
            if (facts.warnings().size() > before) {
                warningsOut.put(
                        folded,
                        List.copyOf(facts.warnings()
                                .subList(before, facts.warnings().size())));
            }
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
