package org.portmortem.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.portmortem.analysis.Prediction;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.FirewallVerdict;
import org.portmortem.exposure.Listener;
import org.portmortem.report.Csv;
import org.portmortem.report.json.JsonContext;
import org.portmortem.report.json.JsonFields;
import org.portmortem.report.json.ListenerJson;
import org.portmortem.report.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code portmortem listeners}: the sockets predicted to listen after boot, with owner, mechanism,
 * certainty, host-firewall reachability and evidence.
 */
@Command(
        addMethodSubcommands = false,
        name = "listeners",
        header = "Predict the sockets listening after the next boot.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Predicts every TCP and UDP socket that would be listening after the next boot of the Windows"
                    + " system whose hives are in CASE: protocol, IP version, local address, port (or the range of a"
                    + " dynamic one), the owning service or driver and process, the mechanism that opens it, how"
                    + " certain the prediction is and why, and per firewall profile whether the host firewall lets it"
                    + " be reached.",
            "",
            "CASE is a folder holding the SYSTEM hive and, ideally, the SOFTWARE hive, found by name in any case"
                    + " (also in a triage tree such as C/Windows/System32/config/), as binary regf files (their"
                    + " transaction logs replayed in memory unless --no-logs) or .reg exports; --system/--software name"
                    + " the files directly. Without SOFTWARE the version is inferred and predictions that depend on it"
                    + " are marked uncertain. The files are opened read-only.",
            "",
            "Each --overlay is a .reg file applied to the hives in memory, in order, before predicting (what-if:"
                    + " e.g. a Start=4 for a service, SmbDeviceEnabled=0).",
            "",
            "Formats:",
            "  text  one line per listener (warnings, in every format, on stderr)",
            "  csv   protocol,ipVersion,address,port,dynamic,portRange,service,process,svchostGroup,mechanism,"
                    + "certainty,reason,firewall",
            "  json  an array of listeners as the JSON report's listeners[] (same keys, same ids): id, protocol,"
                    + " ipVersion, address, port (null when dynamic), dynamic, localEndpoint, portRange {first, last,"
                    + " origin, evidence[]}, owner {service, process, svchostGroup, sharedWith[]}, startType,"
                    + " mechanism {kind, description}, certainty {level, reason}, firewall {per profile {reachability"
                    + " (reachable|blocked|unknown), decidedBy, evidence[]}, inForce {profile, reachability, reason}},"
                    + " evidence[] {hive, keyPath, valueName, valueType, data, lastWritten {utc, local}, note}",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem listeners fixtures/winxp-default",
            "  portmortem listeners case01 --format json > listeners.json",
            "  portmortem listeners case01 --overlay disable-netbios.reg --overlay smb-off.reg",
            "",
            "Exit codes:",
            "  0  the prediction was printed (warnings, if any, follow it)",
            "  2  usage error",
            "  3  CASE, a hive or an overlay is missing, unreadable or not a hive / .reg file,"
                    + " or a hive of another kind than its role (e.g. SOFTWARE given as --system)",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class ListenersCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CaseOptions caseOptions;

    @Mixin
    TableFormatOption output;

    @Override
    public Integer call() throws IOException {
        Prediction p = caseOptions.predict();
        Exposure e = p.exposure();
        PrintWriter out = spec.commandLine().getOut();
        switch (output.format()) {
            case json -> out.println(json(p));
            case csv -> csv(e.listeners(), out);
            case text -> text(e, TerminalText.writer(out));
        }
        out.flush();
        CaseWarnings.print(spec.commandLine().getErr(), p.warnings());
        return ExitCode.OK;
    }

    private static void text(Exposure e, PrintWriter out) {
        out.printf(
                "# %d listeners predicted after boot (%s); dynamic RPC range %s (%s)%n",
                e.listeners().size(),
                e.family().displayName(),
                e.dynamicRange(),
                e.dynamicRange().origin());
        for (Listener l : e.listeners()) {
            out.printf(
                    "%-4s %-26s %-46s %-15s %-9s %s%n",
                    l.protocol(),
                    TerminalText.cell(
                            l.localEndpoint()
                                    + (l.dynamic() && l.portRange() != null ? " (" + l.portRange() + ")" : ""),
                            60),
                    TerminalText.cell(l.owner().display(), 46),
                    l.mechanism().kind(),
                    l.certainty().level().name().toLowerCase(Locale.ROOT),
                    firewallSummary(l));
        }
    }

    private static String firewallSummary(Listener l) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, FirewallVerdict.Decision> d :
                l.firewall().profiles().entrySet()) {
            sb.append(sb.length() == 0 ? "" : " ")
                    .append(d.getKey())
                    .append('=')
                    .append(d.getValue().reachability().word());
        }
        return sb.toString();
    }

    private static void csv(List<Listener> listeners, PrintWriter out) {
        out.print(Csv.row(
                "protocol",
                "ipVersion",
                "address",
                "port",
                "dynamic",
                "portRange",
                "service",
                "process",
                "svchostGroup",
                "mechanism",
                "certainty",
                "reason",
                "firewall"));
        for (Listener l : listeners) {
            out.print(Csv.row(
                    l.protocol().name(),
                    String.valueOf(l.ipVersion()),
                    l.address(),
                    l.port() == null ? "" : l.port().toString(),
                    String.valueOf(l.dynamic()),
                    l.portRange() == null ? "" : l.portRange().toString(),
                    l.owner().service(),
                    l.owner().process(),
                    l.owner().svchostGroup(),
                    l.mechanism().kind().name(),
                    l.certainty().level().name().toLowerCase(Locale.ROOT),
                    l.certainty().reason(),
                    firewallSummary(l)));
        }
    }

    /** The listeners as the JSON array documented in --help: the report's {@code listeners[]}. */
    static String json(Prediction p) {
        JsonContext c = JsonContext.of(p.bootPlan(), p.exposure());
        ArrayNode arr = JsonFields.array();
        for (int i = 0; i < p.exposure().listeners().size(); i++) {
            ListenerJson.write(arr.addObject(), i, p.exposure().listeners().get(i), c);
        }
        return JsonFields.text(arr);
    }
}
