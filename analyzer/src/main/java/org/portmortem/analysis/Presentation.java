package org.portmortem.analysis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.evidence.Evidence;
import org.portmortem.exposure.Listener;
import org.portmortem.exposure.RpcEndpoint;
import org.portmortem.hive.KeyPaths;
import org.portmortem.model.ControlSets;
import org.portmortem.model.Evidenced;
import org.portmortem.model.InterfaceAddress;
import org.portmortem.model.MachineIdentity;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.model.NetworkInterface;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsVersion;
import org.portmortem.verdict.AbsentListener;
import org.portmortem.verdict.Finding;
import org.portmortem.verdict.Severity;
import org.portmortem.verdict.SnapshotVerdicts;
import org.portmortem.verdict.VerdictKind;

/**
 * Derives, once, what the renderers lay out: summary lines with their evidence, interface lines,
 * boot plan sections, the cited-keys appendix, machine-local times and the console summary.
 */
final class Presentation {
    private final Analysis.Builder b;
    private final MachineTimeZone zone;
    private final Map<Evidence, Boolean> evidence = new LinkedHashMap<>();
    /**
     * Each instant's text made once: a Windows 10 hive cites a thousand keys, many written in the same
     * second, and formatting each again was 20 ms of an analysis.
     */
    private final Map<Instant, MachineTime> machineTimes = new java.util.HashMap<>();

    Presentation(Analysis.Builder b) {
        this.b = b;
        this.zone = b.model.identity() == null ? null : b.model.identity().timeZone();
        gatherEvidence();
    }

    List<Fact> systemSummary() {
        SystemModel m = b.model;
        WindowsVersion v = m.version();
        MachineIdentity id = m.identity();
        ControlSets cs = m.controlSets();
        List<Fact> out = new ArrayList<>();
        out.add(fact("computerName", "Computer name", id.computerName()));
        out.add(fact("hostName", "DNS host name", id.hostName()));
        out.add(fact("dnsDomain", "Primary DNS suffix", id.dnsDomain()));
        out.add(fact("logonDomain", "Logon domain", id.logonDomain()));
        out.add(fact("productName", "Product", v.productName()));
        out.add(fact("currentVersion", "Version", v.currentVersion()));
        out.add(fact("currentBuild", "Build", v.currentBuild()));
        out.add(fact("csdVersion", "Service pack", v.csdVersion()));
        out.add(fact("editionId", "Edition", v.editionId()));
        out.add(fact(
                "productType",
                "Role (ProductType)",
                v.productType()
                        .map(t -> t.name().toLowerCase().replace('_', ' ')
                                + (t.registryValue().isEmpty() ? "" : " (" + t.registryValue() + ")"))));
        out.add(new Fact("family", "Windows family", m.family().displayName() + " — " + v.familyBasis(), null));
        out.add(fact("installDate", "Installed", v.installDate().map(this::both)));
        out.add(fact("systemRoot", "System root", m.systemRoot()));
        out.add(new Fact(
                "controlSet",
                "Control set analysed",
                KeyPaths.controlSetName(cs.inUse()) + " — " + cs.inUseBasis(),
                cs.current().evidence()));
        out.add(timeZoneFact(id.timeZone()));
        out.add(fact("lastShutdown", "Last clean shutdown", id.lastShutdown().map(this::both)));
        out.add(fact("netbtNodeType", "NetBT node type", m.netbtNodeType().map(Presentation::nodeType)));
        return out;
    }

    private static Fact fact(String id, String label, Evidenced<?> e) {
        return new Fact(
                id,
                label,
                e == null || e.value() == null ? null : e.value().toString(),
                e == null ? null : e.evidence());
    }

    private Fact timeZoneFact(MachineTimeZone tz) {
        if (tz == null) {
            return new Fact("timeZone", "Time zone", null, null);
        }
        String name = tz.keyName() != null && tz.keyName().isPresent()
                ? tz.keyName().value()
                : tz.standardName() == null ? null : tz.standardName().value();
        String offsets = "UTC" + tz.standardOffset().getId().replace("Z", "+00:00")
                + (tz.hasDaylightSaving()
                        ? ", daylight saving UTC" + tz.daylightOffset().getId().replace("Z", "+00:00")
                        : "");
        return new Fact("timeZone", "Time zone", (name == null ? "" : name + " — ") + offsets, tz.basis());
    }

    private String both(Instant i) {
        MachineTime t = machineTime(i);
        return t.localText() == null ? t.utcText() : t.utcText() + " (machine-local " + t.localText() + ")";
    }

    private static String nodeType(Integer n) {
        return switch (n) {
            case 1 -> "1 (B-node: broadcast)";
            case 2 -> "2 (P-node: WINS only)";
            case 4 -> "4 (M-node: broadcast, then WINS)";
            case 8 -> "8 (H-node: WINS, then broadcast)";
            default -> n + " (undefined)";
        };
    }

    List<InterfaceSummary> interfaces() {
        List<InterfaceSummary> out = new ArrayList<>();
        for (NetworkInterface n : b.model.networkInterfaces()) {
            List<String> addresses = new ArrayList<>();
            for (InterfaceAddress a : n.bootAddresses()) {
                addresses.add(a.address()
                        + (a.subnetMask() == null ? "" : "/" + a.subnetMask())
                        + a.describe().substring(a.address().length()));
            }
            List<Evidence> ev = new ArrayList<>();
            ev.add(n.evidence());
            add(ev, n.name());
            add(ev, n.dhcpEnabled());
            n.bootAddresses().forEach(a -> ev.add(a.evidence()));
            add(ev, n.netbiosOptions());
            String addressing = n.dhcpEnabled().isPresent() ? (n.dhcpEnabled().value() ? "DHCP" : "static") : "unknown";
            out.add(new InterfaceSummary(n.guid(), n.name().value(), addressing, addresses, netbios(n), ev));
        }
        return out;
    }

    private static void add(List<Evidence> into, Evidenced<?> e) {
        if (e != null && e.evidence() != null) {
            into.add(e.evidence());
        }
    }

    private static String netbios(NetworkInterface n) {
        Integer o = n.netbiosOptions().value();
        if (o == null) {
            return "NetbiosOptions absent: enabled (the default)";
        }
        return switch (o) {
            case 0 ->
                "0: use the DHCP server's setting"
                        + (n.dhcpNetbiosOptions().isPresent()
                                ? " (last said " + n.dhcpNetbiosOptions().value() + ")"
                                : "");
            case 1 -> "1: enabled";
            case 2 -> "2: disabled";
            default -> o + ": undefined";
        };
    }

    List<BootPlanSection> bootPlanSections() {
        return BootPlanSection.of(b.bootPlan);
    }

    /** Every evidence record the report shows, in first-seen order. */
    private void gatherEvidence() {
        for (Fact f : systemSummary()) {
            if (f.evidence() != null) {
                evidence.putIfAbsent(f.evidence(), Boolean.TRUE);
            }
        }
        interfaces().forEach(i -> Analysis.collect(evidence, i.evidence()));
        for (Finding f : b.verdicts.findings()) {
            Analysis.collect(evidence, f.evidence());
            f.listeners().forEach(l -> Analysis.collect(evidence, l.evidence()));
        }
        for (Listener l : b.exposure.listeners()) {
            Analysis.collect(evidence, l.evidence());
            l.firewall().profiles().values().forEach(d -> Analysis.collect(evidence, d.evidence()));
        }
        for (RpcEndpoint r : b.exposure.rpcEndpoints()) {
            Analysis.collect(evidence, r.evidence());
        }
        Analysis.collect(evidence, b.exposure.dynamicRange().evidence());
        for (BootPlanEntry e : b.bootPlan.entries()) {
            Analysis.collect(evidence, e.evidence());
        }
        for (SnapshotVerdicts s : b.verdicts.snapshots()) {
            for (AbsentListener a : s.absent()) {
                a.explanations().forEach(x -> Analysis.collect(evidence, x.evidence()));
            }
        }
    }

    private MachineTime machineTime(Instant instant) {
        return machineTimes.computeIfAbsent(instant, i -> MachineTime.of(i, zone));
    }

    List<CitedKey> citedKeys() {
        record Id(String hive, String path) {}
        Map<Id, List<Evidence>> byKey = new TreeMap<>(Comparator.comparing(Id::hive, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Id::path, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Id::hive)
                .thenComparing(Id::path));
        for (Evidence e : evidence.keySet()) {
            if (e.hive() != null && e.keyPath() != null) {
                byKey.computeIfAbsent(new Id(e.hive(), e.keyPath()), k -> new ArrayList<>())
                        .add(e);
            }
        }
        List<CitedKey> out = new ArrayList<>();
        byKey.forEach((id, list) -> {
            Instant written = list.stream()
                    .map(Evidence::lastWritten)
                    .filter(i -> i != null)
                    .findFirst()
                    .orElse(null);
            TreeSet<String> values = new TreeSet<>(Analysis.caseInsensitive());
            list.stream().map(Evidence::valueName).filter(v -> v != null).forEach(values::add);
            boolean absent = list.stream()
                    .allMatch(e -> e.valueName() == null
                            && e.lastWritten() == null
                            && e.data() == null
                            && e.note() != null
                            && e.note().toLowerCase().contains("absent"));
            out.add(new CitedKey(
                    id.hive(), id.path(), written == null ? null : machineTime(written), List.copyOf(values), absent));
        });
        return out;
    }

    Map<Instant, MachineTime> times() {
        Map<Instant, MachineTime> out = new TreeMap<>();
        for (Evidence e : evidence.keySet()) {
            if (e.lastWritten() != null) {
                out.computeIfAbsent(e.lastWritten(), i -> machineTime(i));
            }
        }
        out.computeIfAbsent(b.run.runTime(), i -> machineTime(i));
        for (InputFile f : b.inputs) {
            if (f.hiveInfo() != null && f.hiveInfo().lastWritten() != null) {
                out.computeIfAbsent(f.hiveInfo().lastWritten(), i -> machineTime(i));
            }
        }
        return out;
    }

    List<String> summary() {
        SystemModel m = b.model;
        String name = m.identity().computerName().orElse("(no computer name)");
        String product = m.version().productName().orElse(m.family().displayName());
        String sp = m.version().csdVersion().isPresent()
                ? " " + m.version().csdVersion().value()
                : "";
        List<String> out = new ArrayList<>();
        out.add("System:     " + name + ", " + product + sp + ", "
                + m.version().productType().orElse(null) + ", " + m.services().size() + " services and drivers, "
                + b.bootPlan.running().size() + " running at boot");
        long tcp = b.exposure.listeners().stream()
                .filter(l -> l.protocol() == org.portmortem.net.Protocol.TCP)
                .count();
        out.add("Listeners:  " + b.exposure.listeners().size() + " predicted (" + tcp + " TCP, "
                + (b.exposure.listeners().size() - tcp) + " UDP" + possibleWords() + "), "
                + b.exposure.rpcEndpoints().size()
                + " RPC endpoints" + firewallWords());
        Map<Severity, Integer> counts = new TreeMap<>();
        b.verdicts.findings().forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        StringBuilder f =
                new StringBuilder("Findings:   " + b.verdicts.findings().size() + " (");
        for (Severity s : Severity.values()) {
            f.append(s == Severity.HIGH ? "" : ", ")
                    .append(counts.getOrDefault(s, 0))
                    .append(' ')
                    .append(s.word());
        }
        out.add(f.append(')').toString());
        if (b.verdicts.snapshots().isEmpty()) {
            out.add("Observed:   no snapshot given");
        } else {
            int explained = 0;
            int unexplained = 0;
            int artefacts = 0;
            int absent = 0;
            for (SnapshotVerdicts s : b.verdicts.snapshots()) {
                explained += s.ofKind(VerdictKind.EXPLAINED).size();
                unexplained += s.ofKind(VerdictKind.UNEXPLAINED).size();
                artefacts += s.ofKind(VerdictKind.ARTEFACT).size();
                absent += s.absent().size();
            }
            out.add("Observed:   " + b.verdicts.snapshots().size() + " snapshot(s): " + explained + " explained, "
                    + unexplained + " unexplained, " + artefacts + " artefacts; " + absent + " predicted but absent");
        }
        if (b.hardeningPlan.size() < 2) {
            out.add("Hardening:  no remediation proposed");
        } else {
            HardeningStep first = b.hardeningPlan.get(0);
            HardeningStep last = b.hardeningPlan.get(b.hardeningPlan.size() - 1);
            out.add("Hardening:  " + (b.hardeningPlan.size() - 1) + " steps take the listening set from "
                    + first.openPorts() + " to " + last.openPorts() + " sockets");
        }
        return out.stream().map(Presentation::printable).toList();
    }

    /** "; 28 of them only possible (HTTP.sys reservations)", or nothing when none is. */
    private String possibleWords() {
        long possible = b.exposure.listeners().stream()
                .filter(org.portmortem.exposure.Listener::possibleOnly)
                .count();
        return possible == 0 ? "" : "; " + possible + " of them only possible (HTTP.sys reservations)";
    }

    /** "; firewall: Standard profile in force, 0 reachable", for the summary's listeners line. */
    private String firewallWords() {
        org.portmortem.exposure.FirewallProfile p = b.exposure.firewallProfile();
        long reachable = b.exposure.listeners().stream()
                .filter(l -> !l.possibleOnly()
                        && l.firewall().inForceReachability()
                                == org.portmortem.exposure.FirewallVerdict.Reachability.REACHABLE)
                .count();
        return "; firewall: " + (p.profile() == null ? "no profile" : p.profile() + " profile in force") + ", "
                + reachable + " reachable";
    }

    /** A console line with the hidden characters (from the image) escaped as every text output escapes them. */
    static String printable(String line) {
        return org.portmortem.text.HiddenCharacters.escape(line);
    }
}
