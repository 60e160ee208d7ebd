package org.portmortem.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.portmortem.hive.Key;

/**
 * A service or driver: one key under {@code Services} of the control set in use, with every value the
 * boot plan and the exposure engine need, each with its evidence.
 *
 * @param name the key name (the service name the SCM uses)
 * @param key the service key itself, for conditions read relative to it
 * @param lastWritten the key's last-write time, or {@code null} where the source has none
 * @param type Type (SERVICE_* flags, see {@link ServiceType})
 * @param start Start (0 boot .. 4 disabled, see {@link StartType})
 * @param errorControl ErrorControl
 * @param imagePath ImagePath as stored
 * @param image ImagePath resolved, or {@code null} where there is none
 * @param serviceDll ServiceDll, from {@code Parameters} or else the key itself, as stored
 * @param serviceDllPath ServiceDll resolved, or {@code null}
 * @param objectName ObjectName: the account a service runs as, or a driver's object name
 * @param displayName DisplayName, indirect references kept as such
 * @param description Description, indirect references kept as such
 * @param group Group (load-order group)
 * @param tag Tag (order within the group for drivers)
 * @param dependOnService DependOnService: services that must be running first (empty if absent)
 * @param dependOnGroup DependOnGroup: groups of which at least one member must be running first
 * @param delayedAutostart DelayedAutostart (Vista and later): an automatic service started late
 * @param triggers the decoded {@code TriggerInfo} subkeys (Windows 7 and later)
 * @param svchostGroup the svchost group named by {@code -k} in ImagePath, or {@code null}
 */
public record Service(
        String name,
        Key key,
        Instant lastWritten,
        Evidenced<Integer> type,
        Evidenced<Integer> start,
        Evidenced<Integer> errorControl,
        Evidenced<String> imagePath,
        ImagePath image,
        Evidenced<String> serviceDll,
        ImagePath serviceDllPath,
        Evidenced<String> objectName,
        Evidenced<ResourceString> displayName,
        Evidenced<ResourceString> description,
        Evidenced<String> group,
        Evidenced<Integer> tag,
        Evidenced<List<String>> dependOnService,
        Evidenced<List<String>> dependOnGroup,
        Evidenced<Boolean> delayedAutostart,
        List<ServiceTrigger> triggers,
        String svchostGroup) {

    /** The start type; UNKNOWN where Start is missing or undefined. */
    public StartType startType() {
        return StartType.of(start.value());
    }

    /**
     * The start type as the reports print it: the type in words and the stored value, e.g.
     * {@code automatic (2)}, {@code unknown (7)}, {@code unknown (Start absent)}.
     */
    public String startTypeText() {
        StartType t = startType();
        String word = t.name().toLowerCase(java.util.Locale.ROOT);
        if (t != StartType.UNKNOWN) {
            return word + " (" + t.code() + ")";
        }
        return word + (start.isPresent() ? " (" + start.value() + ")" : " (Start absent)");
    }

    /** The Type flags; empty where Type is missing. */
    public Set<ServiceType> typeFlags() {
        return type.isPresent() ? ServiceType.of(type.value()) : Set.of();
    }

    /** True for kernel, file-system and recognizer drivers (Type &amp; 0x0B). */
    public boolean isDriver() {
        return type.isPresent() && ServiceType.isDriver(type.value());
    }

    /** True when DelayedAutostart is set to a non-zero value. */
    public boolean isDelayedAutostart() {
        return Boolean.TRUE.equals(delayedAutostart.value());
    }

    /** True when the service has at least one start trigger. */
    public boolean isTriggerStart() {
        return triggers.stream().anyMatch(ServiceTrigger::start);
    }

    /** The svchost group, if the service runs in svchost. */
    public Optional<String> svchostGroupName() {
        return Optional.ofNullable(svchostGroup);
    }

    /**
     * The same facts bound to {@code same}, the key this service's key is in another copy of the hive
     * (whose subtree holds the same values): what a read of {@code same} would give.
     */
    Service at(Key same) {
        return new Service(
                name,
                same,
                lastWritten,
                type,
                start,
                errorControl,
                imagePath,
                image,
                serviceDll,
                serviceDllPath,
                objectName,
                displayName,
                description,
                group,
                tag,
                dependOnService,
                dependOnGroup,
                delayedAutostart,
                triggers,
                svchostGroup);
    }

    /** DependOnService, never null. */
    public List<String> dependsOnServices() {
        return dependOnService.orElse(List.of());
    }

    /** DependOnGroup, never null. */
    public List<String> dependsOnGroups() {
        return dependOnGroup.orElse(List.of());
    }
}
