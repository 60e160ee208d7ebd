package org.portmortem.exposure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portmortem.bootplan.BootDecision;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.bootplan.HostProcess;
import org.portmortem.evidence.Evidence;
import org.portmortem.model.InterfaceAddress;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsFamily;

/**
 * What the predictor needs to know about a machine after boot: its family, its registry, what runs
 * in which process, and its network interfaces. Built from the system model and boot plan; kept to
 * these facts so that each mechanism sees only what it uses.
 *
 * @param family the Windows family
 * @param familyEvidence the version facts the family was decided from
 * @param registry the SYSTEM control set and the SOFTWARE hive
 * @param running the services and drivers the boot plan starts, and where they run
 * @param demandStart demand-start services the boot plan does not start (Start=3, not needed by a
 *     starting service), which a client may still start after boot
 * @param interfaces the network interfaces with their addresses
 * @param warnings what the model could not decide that matters to the prediction
 * @param unaddressed DHCP interfaces whose address the hive does not record (no lease): a per-address
 *     listener on them is predicted at an unknown address rather than dropped
 */
public record HostAtBoot(
        WindowsFamily family,
        List<Evidence> familyEvidence,
        RegistryScope registry,
        List<RunningUnit> running,
        List<RunningUnit> demandStart,
        List<NetworkInterface> interfaces,
        List<String> warnings,
        List<NetworkInterface> unaddressed) {

    /** A host whose every interface has a known address. */
    public HostAtBoot(
            WindowsFamily family,
            List<Evidence> familyEvidence,
            RegistryScope registry,
            List<RunningUnit> running,
            List<RunningUnit> demandStart,
            List<NetworkInterface> interfaces,
            List<String> warnings) {
        this(family, familyEvidence, registry, running, demandStart, interfaces, warnings, List.of());
    }

    public HostAtBoot {
        unaddressed = List.copyOf(unaddressed);
        familyEvidence = List.copyOf(familyEvidence);
        running = RunningUnits.of(running);
        demandStart = List.copyOf(demandStart);
        interfaces = List.copyOf(interfaces);
        warnings = List.copyOf(warnings);
    }

    /** What the predictor needs from a system model, its boot plan and the registry it was read from. */
    public static HostAtBoot of(SystemModel model, BootPlan plan, RegistryScope scope) {
        List<String> warnings = new ArrayList<>();
        WindowsFamily family = family(model.family(), warnings);
        List<RunningUnit> running = new ArrayList<>();
        List<RunningUnit> demand = new ArrayList<>();
        for (BootPlanEntry e : plan.entries()) {
            HostProcess h = e.host();
            if (!e.willRun()) {
                if (e.decision() == BootDecision.NOT_STARTED && h.kind() != HostProcess.Kind.KERNEL) {
                    demand.add(new RunningUnit(
                            e.name(),
                            false,
                            h.image(),
                            h.svchostGroup(),
                            new Certainty(Certainty.Level.LIKELY, e.reason()),
                            e.evidence()));
                }
                continue;
            }
            boolean driver = h.kind() == HostProcess.Kind.KERNEL;
            Certainty c = e.decision() == BootDecision.TRIGGER_START
                    ? new Certainty(Certainty.Level.LIKELY, e.name() + " is trigger-started: " + e.reason())
                    : Certainty.certain();
            running.add(new RunningUnit(
                    e.name(), driver, driver ? "System" : h.image(), h.svchostGroup(), c, e.evidence()));
        }
        List<NetworkInterface> nics = new ArrayList<>();
        List<NetworkInterface> unaddressed = new ArrayList<>();
        for (org.portmortem.model.NetworkInterface n : model.networkInterfaces()) {
            String name = n.name().isPresent() ? n.name().value() : null;
            List<String> v4 = new ArrayList<>();
            List<Evidence> ev = new ArrayList<>();
            for (InterfaceAddress a : n.bootAddresses()) {
                if (!a.address().equals("0.0.0.0")) {
                    v4.add(a.address());
                    ev.add(a.evidence());
                }
            }
            boolean dhcp = n.dhcpEnabled().orElse(false);
            if (v4.isEmpty()) {
                if (dhcp) {
                    List<Evidence> why = new ArrayList<>(List.of(
                            n.dhcpEnabled().evidence(), n.dhcpIpAddress().evidence()));
                    unaddressed.add(new NetworkInterface(n.guid(), List.of(), List.of(), true, why, name));
                }
                continue;
            }
            nics.add(new NetworkInterface(n.guid(), v4, List.of(), dhcp, ev, name));
        }
        List<Evidence> familyEvidence = new ArrayList<>();
        String basis = "Windows family " + model.family().displayName() + ": "
                + model.version().familyBasis();
        for (org.portmortem.model.Evidenced<?> f :
                List.of(model.version().currentBuild(), model.version().currentVersion())) {
            Evidence ev = f.evidence();
            familyEvidence.add(new Evidence(
                    ev.hive(), ev.keyPath(), ev.valueName(), ev.valueType(), ev.data(), ev.lastWritten(), basis));
        }
        return new HostAtBoot(family, familyEvidence, scope, running, demand, nics, warnings, unaddressed);
    }

    /** The family predicted for a model family: the knowledge base's nearest, with a warning, where it has none. */
    static WindowsFamily family(WindowsFamily f, List<String> warnings) {
        return switch (f) {
            case NT4 -> {
                warnings.add("Windows NT 4.0 is predicted as Windows 2000: the knowledge base starts at 2000");
                yield WindowsFamily.WIN2000;
            }
            case UNKNOWN -> {
                warnings.add("the Windows version could not be determined: predicted as Windows 10, every"
                        + " family-specific fact is doubtful");
                yield WindowsFamily.WIN10_2016_2022;
            }
            default -> f;
        };
    }

    /** The running service or driver of that name (case-insensitive). */
    public Optional<RunningUnit> unit(String name) {
        return ((RunningUnits) running).named(name);
    }

    /**
     * A service or driver that runs after boot.
     *
     * @param name the name under {@code CS\Services}
     * @param driver true for a kernel driver (owned by System)
     * @param process the image it runs in ({@code svchost.exe}, {@code lsass.exe}, its own exe)
     * @param svchostGroup the svchost {@code -k} group, or {@code null}
     * @param certainty certain for auto-start; likely or uncertain for trigger/delayed/demand starts
     * @param evidence why it runs (Start value, dependencies)
     */
    public record RunningUnit(
            String name,
            boolean driver,
            String process,
            String svchostGroup,
            Certainty certainty,
            List<Evidence> evidence) {
        public RunningUnit {
            evidence = List.copyOf(evidence);
        }

        /** The process instance it shares with others: image plus svchost group. */
        public String processInstance() {
            return svchostGroup == null
                    ? process.toLowerCase(Locale.ROOT)
                    : process.toLowerCase(Locale.ROOT) + " -k " + svchostGroup.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * A network interface bound to TCP/IP.
     *
     * @param id the interface GUID as in {@code Tcpip\Parameters\Interfaces\{GUID}}
     * @param ipv4 its IPv4 addresses (static or DHCP lease), without 0.0.0.0
     * @param ipv6 its IPv6 addresses, if the hive records any
     * @param dhcp whether it takes its address from DHCP
     * @param evidence the values its addresses come from
     * @param name the connection name ({@code Ethernet0}), or {@code null}
     */
    public record NetworkInterface(
            String id, List<String> ipv4, List<String> ipv6, boolean dhcp, List<Evidence> evidence, String name) {
        /** An interface whose connection name is not known. */
        public NetworkInterface(
                String id, List<String> ipv4, List<String> ipv6, boolean dhcp, List<Evidence> evidence) {
            this(id, ipv4, ipv6, dhcp, evidence, null);
        }

        /** {@code "Ethernet0" {GUID}}, or the GUID alone. */
        public String display() {
            return name == null ? id : "\"" + name + "\" " + id;
        }

        public NetworkInterface {
            ipv4 = List.copyOf(ipv4);
            ipv6 = List.copyOf(ipv6);
            evidence = List.copyOf(evidence);
        }
    }
}
