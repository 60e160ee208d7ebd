package org.portmortem.report.text;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.portmortem.bootplan.BootDecision;
import org.portmortem.bootplan.BootPlan;
import org.portmortem.bootplan.BootPlanEntry;
import org.portmortem.model.ControlSet;
import org.portmortem.model.ControlSets;
import org.portmortem.model.Evidenced;
import org.portmortem.model.MachineIdentity;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.model.NetworkInterface;
import org.portmortem.model.StartDifference;
import org.portmortem.model.SvchostGroup;
import org.portmortem.model.SystemModel;
import org.portmortem.model.WindowsVersion;

/**
 * The one-page summary of a machine ({@code portmortem system}): version and role, identity and
 * clock, control sets, services at boot, svchost groups, network interfaces, and warnings. Times are
 * shown in UTC and in the machine's local time.
 */
public final class SystemSummary {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private final SystemModel model;
    private final BootPlan plan;
    private final MachineTimeZone zone;

    /** A summary of the plan's model and of the plan itself. */
    public SystemSummary(BootPlan plan) {
        this.plan = plan;
        this.model = plan.model();
        this.zone = model.identity().timeZone();
    }

    /**
     * Writes the summary; {@code notes} are about the input files (log replay), {@code warnings} every
     * warning of the analysis stages that built the model, boot plan and exposure, one line each.
     */
    public void text(PrintWriter out, List<String> notes, List<String> warnings) {
        WindowsVersion v = model.version();
        out.println("Windows");
        out.println("  product      " + or(v.productName()) + versionDetail(v));
        out.println("  family       " + v.family().displayName() + "  [" + v.familyBasis() + "]");
        out.println("  role         "
                + v.productType()
                        .orElse(org.portmortem.model.ProductType.UNKNOWN)
                        .name()
                        .toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ')
                + " (ProductType " + or(v.productType().map(org.portmortem.model.ProductType::registryValue)) + ")");
        if (v.editionId().isPresent() || v.installationType().isPresent()) {
            out.println("  edition      " + or(v.editionId()) + ", installation type " + or(v.installationType()));
        }
        out.println("  installed    " + when(v.installDate().value()));
        out.println("  system root  " + model.systemRoot().orElse("C:\\Windows (assumed: no SOFTWARE value)"));
        MachineIdentity id = model.identity();
        out.println();
        out.println("Machine");
        out.println("  computer     " + or(id.computerName()) + "  (host name " + or(id.hostName()) + ")");
        out.println("  DNS domain   " + or(id.dnsDomain()) + "  (logon domain " + or(id.logonDomain()) + ")");
        out.println("  time zone    " + or(zone.keyName().isPresent() ? zone.keyName() : zone.standardName()) + "  UTC"
                + zone.standardOffset() + (zone.hasDaylightSaving() ? ", daylight UTC" + zone.daylightOffset() : ""));
        out.println("  shut down    " + when(id.lastShutdown().value()));
        controlSets(out, model.controlSets());
        services(out);
        svchost(out);
        interfaces(out);
        out.println();
        out.println("Notes and warnings");
        notes.forEach(n -> out.println("  note: " + n));
        warnings.forEach(w -> out.println("  warning: " + w));
        out.flush();
    }

    private static String versionDetail(WindowsVersion v) {
        StringBuilder sb = new StringBuilder(" (version ")
                .append(or(v.currentVersion()))
                .append(", build ")
                .append(or(v.currentBuild()));
        if (v.ubr().isPresent()) {
            sb.append('.').append(v.ubr().value());
        }
        if (v.csdVersion().isPresent()) {
            sb.append(", ").append(v.csdVersion().value());
        }
        return sb.append(')').toString();
    }

    private static void controlSets(PrintWriter out, ControlSets cs) {
        out.println();
        out.println("Control sets");
        out.println("  Select       Current " + or(cs.current()) + ", Default " + or(cs.defaultSet())
                + ", LastKnownGood " + or(cs.lastKnownGood()) + ", Failed " + or(cs.failed()));
        out.println("  in use       " + cs.inUse() + ": " + cs.inUseBasis());
        for (ControlSet set : cs.sets()) {
            out.println(
                    "  " + set.keyPath() + (set.lastWritten() == null ? "" : "  last written " + set.lastWritten()));
        }
        if (!cs.startDifferences().isEmpty()) {
            out.println("  Start values that differ between sets (a change made in one set only):");
            for (StartDifference d : cs.startDifferences()) {
                out.println("    " + d.service() + ": "
                        + d.startBySet().entrySet().stream()
                                .map(e -> "set " + e.getKey() + "=" + (e.getValue() == null ? "absent" : e.getValue()))
                                .collect(Collectors.joining(", ")));
            }
        }
    }

    private void services(PrintWriter out) {
        out.println();
        out.println("At the next boot");
        long drivers =
                plan.running().stream().filter(e -> e.service().isDriver()).count();
        long services = plan.running().size() - drivers;
        out.println("  " + plan.entries().size() + " service keys; would run: " + drivers + " drivers, " + services
                + " services");
        for (BootDecision d : BootDecision.values()) {
            long n = plan.entries().stream().filter(e -> e.decision() == d).count();
            if (n > 0) {
                out.println("  " + String.format("%-20s", d.name()) + n);
            }
        }
        for (BootPlanEntry e : plan.entries()) {
            if (e.decision() == BootDecision.FAILS_TO_START) {
                out.println("  fails: " + e.name() + " - " + e.reason());
            }
        }
    }

    private void svchost(PrintWriter out) {
        if (model.svchostGroups().isEmpty()) {
            return;
        }
        out.println();
        out.println("svchost groups (services that would share each process at boot)");
        for (SvchostGroup g : model.svchostGroups()) {
            List<String> running = plan.running().stream()
                    .filter(e -> g.name().equalsIgnoreCase(e.service().svchostGroup()))
                    .map(BootPlanEntry::name)
                    .collect(Collectors.toList());
            out.println(
                    "  -k " + g.name() + ": " + (running.isEmpty() ? "(none running)" : String.join(", ", running)));
        }
    }

    private void interfaces(PrintWriter out) {
        out.println();
        out.println("Network interfaces (NetBT NodeType " + or(model.netbtNodeType()) + ")");
        if (model.networkInterfaces().isEmpty()) {
            out.println("  none under Services\\Tcpip\\Parameters\\Interfaces");
        }
        for (NetworkInterface n : model.networkInterfaces()) {
            String addresses = n.bootAddresses().isEmpty()
                    ? "no address recorded"
                    : n.bootAddresses().stream()
                            .map(a -> a.describe() + (a.subnetMask() == null ? "" : " mask " + a.subnetMask()))
                            .collect(Collectors.joining(", "));
            out.println("  " + n.guid() + " \"" + n.name().orElse("?") + "\"");
            out.println("      DHCP " + or(n.dhcpEnabled()) + "; at boot: " + addresses);
            if (n.bootAddresses().stream()
                    .anyMatch(a -> a.source() == org.portmortem.model.AddressSource.DHCP_LAST_LEASE)) {
                out.println("      lease from " + or(n.dhcpServer()) + ", obtained "
                        + when(n.leaseObtained().value()) + ", expires "
                        + when(n.leaseExpires().value()));
            }
            List<String> gw = n.defaultGateways().orElse(List.of());
            if (!gw.isEmpty()) {
                out.println("      gateway " + String.join(", ", gw));
            }
            out.println("      NetbiosOptions " + or(n.netbiosOptions()) + ", DhcpNetbiosOptions "
                    + or(n.dhcpNetbiosOptions()));
        }
    }

    private String when(Instant t) {
        return t == null ? "-" : t + " (local " + LOCAL.format(zone.toLocal(t)) + ")";
    }

    /** The fact, "(empty)" for an empty string as stored, "-" when absent. */
    private static String or(Evidenced<?> e) {
        if (!e.isPresent()) {
            return "-";
        }
        String s = String.valueOf(e.value());
        return s.isBlank() ? "(empty)" : s;
    }
}
