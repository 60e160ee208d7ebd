package org.portmortem.model;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.portmortem.evidence.Evidence;
import org.portmortem.hive.Hive;
import org.portmortem.hive.Key;

/**
 * The typed model of a Windows machine as its SYSTEM and SOFTWARE hives describe it: version and
 * role, control sets, identity and clock, services and drivers, svchost groups and network
 * interfaces. Every fact carries its {@link org.portmortem.evidence.Evidence}.
 *
 * <p>Built by {@link #read}. The model holds only what it read, never the hives: later stages that
 * evaluate further registry conditions are given the registry explicitly (the exposure stage's
 * {@code RegistryScope}), so the model stays valid after the hives are closed. Immutable.
 */
public final class SystemModel {
    private final String systemHive;
    private final String controlSetPath;
    private final ControlSets controlSets;
    private final WindowsVersion version;
    private final MachineIdentity identity;
    private final Evidenced<String> systemRoot;
    private final Map<String, Service> services;
    private final Map<String, SvchostGroup> svchostGroups;
    private final List<NetworkInterface> networkInterfaces;
    private final Evidenced<Integer> netbtNodeType;
    private final List<ModelWarning> warnings;
    /** Per service (folded name), the warnings its read raised: only services that raised some. */
    private final Map<String, List<ModelWarning>> warningsByService;
    /** Folded names that more than one key under Services has (a damaged or crafted hive). */
    private final Set<String> repeatedServiceNames;
    /** The variables the services' image paths were expanded with. */
    private final Map<String, String> pathEnvironment;
    /** {@link #groupMembers}' answers by the spelling asked for. */
    private final Map<String, List<Service>> membersByGroup = new java.util.concurrent.ConcurrentHashMap<>();

    private SystemModel(Builder b) {
        this.systemHive = b.system.name();
        this.controlSetPath = b.controlSet.path();
        this.controlSets = b.controlSets;
        this.version = b.version;
        this.identity = b.identity;
        this.systemRoot = b.systemRoot;
        this.services = Collections.unmodifiableMap(b.services);
        this.svchostGroups = Collections.unmodifiableMap(b.svchostGroups);
        this.networkInterfaces = List.copyOf(b.networkInterfaces);
        this.netbtNodeType = b.netbtNodeType;
        this.warnings = List.copyOf(b.facts.warnings());
        this.warningsByService = Map.copyOf(b.warningsByService);
        this.repeatedServiceNames = Set.copyOf(b.repeatedServiceNames);
        this.pathEnvironment = b.pathEnvironment;
    }

    /**
     * The service read from the one key named {@code name} (exact spelling), for a later read of the
     * same key in edited hives; {@code null} where several keys have that name.
     */
    Service readOnceAs(String name) {
        String folded = fold(name);
        Service s = services.get(folded);
        return s == null || repeatedServiceNames.contains(folded) || !s.name().equals(name) ? null : s;
    }

    /** The warnings reading the service of that (folded) name raised, in order. */
    List<ModelWarning> warningsReading(String folded) {
        return warningsByService.getOrDefault(folded, List.of());
    }

    /**
     * Builds the model of a machine.
     *
     * @param system the SYSTEM hive (after log replay and overlays)
     * @param software the SOFTWARE hive, or {@code null}: the model is then built from SYSTEM alone,
     *     with the facts only SOFTWARE holds absent, the family inferred, and a warning
     * @param options which control set to use
     * @throws org.portmortem.InputException if SYSTEM has no control set at all, or the one asked for
     *     with {@code --control-set} does not exist (one line naming the hive)
     */
    public static SystemModel read(Hive system, Hive software, ModelOptions options) throws IOException {
        return read(system, software, options, null, Set.of());
    }

    /**
     * The model of hives that differ from those {@code earlier} was read from only by the edits named:
     * equal to {@link #read} of them, but a service whose key subtree no edit touched is taken from
     * {@code earlier} instead of being read again, when everything a service's facts are decided
     * with is unchanged too (the system root, SOFTWARE, and for a service with triggers the interfaces'
     * boot addresses and the primary DNS suffix they are judged against). For the hardening plan, whose steps each change a few values of copies of the
     * hives: reading every service again was most of its cost.
     *
     * @param earlier the model of the hives before the edits, read on the same control set
     * @param editedSystemKeys the paths in SYSTEM of every key an edit created or changed (e.g.
     *     {@code ControlSet001\Services\Messenger}), case-insensitive; edits in SOFTWARE need not be
     *     named (what services depend on there, the system root and program folders, is compared)
     */
    public static SystemModel readAfterEdits(
            SystemModel earlier, Hive system, Hive software, ModelOptions options, Collection<String> editedSystemKeys)
            throws IOException {
        String servicesPrefix = fold(earlier.controlSetPath + "\\Services\\");
        Set<String> editedServices = new HashSet<>();
        for (String path : editedSystemKeys) {
            String folded = fold(path);
            if (folded.startsWith(servicesPrefix)) {
                String rest = folded.substring(servicesPrefix.length());
                int cut = rest.indexOf('\\');
                editedServices.add(cut < 0 ? rest : rest.substring(0, cut));
            }
        }
        return read(system, software, options, earlier, editedServices);
    }

    private static SystemModel read(
            Hive system, Hive software, ModelOptions options, SystemModel earlier, Set<String> editedServices)
            throws IOException {
        Builder b = new Builder(system, software);
        if (software == null) {
            b.facts.warn("no SOFTWARE hive: version, system root and svchost groups are inferred or absent", null);
        }
        ControlSetSelection selection = ControlSetSelection.select(system, options, b.facts);
        b.controlSet = selection.key();
        b.systemRoot = SystemRoot.read(software, b.facts);
        b.networkInterfaces.addAll(InterfaceReader.readAll(b.controlSet, b.facts));
        b.netbtNodeType =
                b.facts.integer(RegistryFacts.KeyAt.of(b.controlSet).child("Services\\NetBT\\Parameters"), "NodeType");
        b.identity = IdentityReader.read(b.controlSet, software, b.facts);
        TriggerDecoder triggers = new TriggerDecoder(b.networkInterfaces, b.identity, b.facts);
        ImagePathResolver paths = new ImagePathResolver(b.systemRoot, software);
        b.pathEnvironment = paths.environment();
        ServiceReader serviceReader = new ServiceReader(b.facts, paths, triggers);
        // What a service's facts are decided with besides its own key: the system root and program
        // folders (image paths), and for a service with triggers the interfaces' boot addresses and the
        // DNS suffix (TriggerDecoder.Context).
        boolean samePaths = earlier != null
                && earlier.pathEnvironment.equals(b.pathEnvironment)
                && earlier.systemHive.equals(system.name())
                && earlier.controlSetPath.equals(b.controlSet.path())
                && earlier.systemRoot.equals(b.systemRoot);
        boolean sameTriggerContext = samePaths
                && TriggerDecoder.Context.of(earlier.networkInterfaces, earlier.identity)
                        .equals(triggers.context());
        List<Service> read = serviceReader.readAll(
                b.controlSet,
                samePaths ? earlier : null,
                sameTriggerContext,
                editedServices,
                b.warningsByService,
                b.repeatedServiceNames);
        for (Service s : ControlSetFacts.oneByName(read, Service::name)) {
            b.services.put(fold(s.name()), s);
        }
        b.controlSets = selection.describe(b.facts);
        b.version = VersionReader.read(system, software, b.controlSet, b.services, b.facts);
        b.svchostGroups.putAll(SvchostGroups.read(software, b.services.values(), b.facts));
        return new SystemModel(b);
    }

    /**
     * The control set a model of this hive would use and why, decided as {@link #read} decides it but
     * without reading anything else: for readers that only need the keys below it.
     *
     * @throws org.portmortem.InputException as {@link #read} does for the control set
     */
    public static ControlSetChoice chooseControlSet(Hive system, ModelOptions options) throws IOException {
        ControlSetSelection selection = ControlSetSelection.select(system, options, new RegistryFacts());
        return new ControlSetChoice(selection.key(), selection.basis());
    }

    /**
     * The control set in use and why.
     *
     * @param key the control set's key ({@code ControlSet00N})
     * @param basis why that set, in one line (as {@link ControlSets#inUseBasis()})
     */
    public record ControlSetChoice(Key key, String basis) {}

    static String fold(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /**
     * The path of the control set in use ({@code ControlSet00N}): conditions written against
     * {@code CurrentControlSet} are evaluated relative to it.
     */
    public String controlSetPath() {
        return controlSetPath;
    }

    /**
     * The evidence that no key of that name is under {@code Services} of the control set in use (a
     * dependency that does not exist).
     */
    public Evidence missingService(String name, String note) {
        return new Evidence(systemHive, controlSetPath + "\\Services\\" + name, null, null, null, null, note);
    }

    /** The control sets, which one is in use and why, and Start values that differ between them. */
    public ControlSets controlSets() {
        return controlSets;
    }

    /** The Windows version, role and family. */
    public WindowsVersion version() {
        return version;
    }

    /** The release family (shortcut for {@code version().family()}). */
    public WindowsFamily family() {
        return version.family();
    }

    /** Names, domain, time zone and last shutdown. */
    public MachineIdentity identity() {
        return identity;
    }

    /**
     * The system root ({@code C:\WINNT}, {@code C:\Windows}) from SOFTWARE
     * {@code Microsoft\Windows NT\CurrentVersion\SystemRoot}; absent without SOFTWARE (image paths
     * then assume {@code C:\Windows} and say so).
     */
    public Evidenced<String> systemRoot() {
        return systemRoot;
    }

    /** Every key under {@code Services} of the control set in use, in the hive's order. */
    public List<Service> services() {
        return List.copyOf(services.values());
    }

    /** The service of that name (case-insensitive). */
    public Optional<Service> service(String name) {
        return Optional.ofNullable(services.get(fold(name)));
    }

    /** The services whose Group value names that load-order group (case-insensitive), in the model's order. */
    public List<Service> groupMembers(String group) {
        if (group == null) {
            return List.of();
        }
        // Every dependent of a group asks again (a boot plan asks hundreds of times for a few groups).
        return membersByGroup.computeIfAbsent(group, g -> {
            List<Service> out = new ArrayList<>();
            for (Service s : services.values()) {
                if (s.group().isPresent() && s.group().value().equalsIgnoreCase(g)) {
                    out.add(s);
                }
            }
            return List.copyOf(out);
        });
    }

    /** The svchost groups, from SOFTWARE and from the {@code -k} of service image paths. */
    public List<SvchostGroup> svchostGroups() {
        return List.copyOf(svchostGroups.values());
    }

    /** The svchost group of that name (case-insensitive). */
    public Optional<SvchostGroup> svchostGroup(String name) {
        return Optional.ofNullable(svchostGroups.get(fold(name)));
    }

    /** The TCP/IP interfaces with their boot addresses and NetBT options. */
    public List<NetworkInterface> networkInterfaces() {
        return networkInterfaces;
    }

    /** NetBT {@code Parameters\NodeType} (1 B-node, 2 P-node, 4 M-node, 8 H-node). */
    public Evidenced<Integer> netbtNodeType() {
        return netbtNodeType;
    }

    /** What could not be read as expected, or should be looked at. */
    public List<ModelWarning> warnings() {
        return warnings;
    }

    private static final class Builder {
        final Hive system;
        final Hive software;
        final RegistryFacts facts = new RegistryFacts();
        final Map<String, Service> services = new LinkedHashMap<>();
        final Map<String, SvchostGroup> svchostGroups = new LinkedHashMap<>();
        final List<NetworkInterface> networkInterfaces = new ArrayList<>();
        final Map<String, List<ModelWarning>> warningsByService = new HashMap<>();
        final Set<String> repeatedServiceNames = new HashSet<>();
        Key controlSet;
        ControlSets controlSets;
        WindowsVersion version;
        MachineIdentity identity;
        Evidenced<String> systemRoot;
        Evidenced<Integer> netbtNodeType;
        Map<String, String> pathEnvironment;

        Builder(Hive system, Hive software) {
            this.system = system;
            this.software = software;
        }
    }
}
