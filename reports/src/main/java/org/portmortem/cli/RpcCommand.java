package org.portmortem.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.portmortem.analysis.Prediction;
import org.portmortem.exposure.Exposure;
import org.portmortem.exposure.RpcEndpoint;
import org.portmortem.report.Csv;
import org.portmortem.report.json.JsonContext;
import org.portmortem.report.json.JsonFields;
import org.portmortem.report.json.RpcEndpointJson;
import org.portmortem.report.text.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code portmortem rpc}: the MS-RPC endpoints predicted to be registered after boot. */
@Command(
        addMethodSubcommands = false,
        name = "rpc",
        header = "Predict the MS-RPC endpoints registered after the next boot.",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Predicts the MS-RPC interfaces that would be registered after the next boot of the Windows system whose"
                    + " hives are in CASE: interface UUID, version and name, protocol sequence (ncacn_ip_tcp,"
                    + " ncadg_ip_udp, ncacn_np with its pipe, ncacn_http, ncalrpc) with its endpoint, and the hosting"
                    + " service and process — what rpcdump would list, plus the named pipes reached over SMB.",
            "",
            "A TCP or UDP endpoint is listed only if its port is predicted to listen (see `portmortem listeners`);"
                    + " a dynamic port shows as '*' (null in JSON). CASE is found as for `portmortem listeners`.",
            "",
            "Formats: text (one line per endpoint), csv (uuid,version,name,protseq,endpoint,service,process,certainty),"
                    + " json (an array of endpoints as the JSON report's rpcEndpoints[], same keys and ids: id, uuid,"
                    + " version, name, protseq, endpoint, service, process, certainty {level, reason}, evidence[] {hive,"
                    + " keyPath, valueName, valueType, data, lastWritten {utc, local}, note}).",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem rpc fixtures/win2000-server-default",
            "  portmortem rpc case01 --format csv > rpc.csv",
            "",
            "Exit codes:",
            "  0  the endpoints were printed",
            "  2  usage error",
            "  3  CASE is missing, unreadable or holds no SYSTEM hive,"
                    + " or a hive of another kind than its role (e.g. SOFTWARE given as --system)",
            "  4  internal error (a bug: run again with --debug for the stack trace) or out of memory",
        })
public final class RpcCommand implements Callable<Integer> {

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
        PrintWriter out = output.format() == TableFormat.text
                ? TerminalText.writer(spec.commandLine().getOut())
                : spec.commandLine().getOut();
        if (output.format() == TableFormat.json) {
            out.println(json(p));
            out.flush();
            CaseWarnings.print(spec.commandLine().getErr(), p.warnings());
            return ExitCode.OK;
        }
        if (output.format() == TableFormat.csv) {
            out.print(Csv.row("uuid", "version", "name", "protseq", "endpoint", "service", "process", "certainty"));
        }
        for (RpcEndpoint r : e.rpcEndpoints()) {
            String endpoint = r.endpoint() == null ? "*" : r.endpoint();
            String certainty = r.certainty().level().name().toLowerCase(Locale.ROOT);
            if (output.format() == TableFormat.csv) {
                out.print(Csv.row(
                        r.uuid(),
                        "v" + r.version(),
                        r.name(),
                        r.protseq(),
                        endpoint,
                        r.service(),
                        r.process(),
                        certainty));
            } else {
                out.printf(
                        "%s v%-4s %-13s %-32s %-44s %s%s%n",
                        r.uuid(),
                        r.version(),
                        r.protseq(),
                        TerminalText.cell(endpoint, 60),
                        TerminalText.cell(r.name(), 44),
                        TerminalText.cell(
                                r.service() == null ? r.process() : r.process() + " (" + r.service() + ")",
                                TerminalText.TEXT_WIDTH),
                        certainty.equals("certain") ? "" : " [" + certainty + "]");
            }
        }
        out.flush();
        CaseWarnings.print(spec.commandLine().getErr(), p.warnings());
        return ExitCode.OK;
    }

    /** The endpoints as the JSON report's {@code rpcEndpoints[]} (same keys, same ids). */
    static String json(Prediction p) {
        JsonContext c = JsonContext.of(p.bootPlan(), p.exposure());
        ArrayNode arr = JsonFields.array();
        for (int i = 0; i < p.exposure().rpcEndpoints().size(); i++) {
            RpcEndpointJson.write(
                    arr.addObject(), i, p.exposure().rpcEndpoints().get(i), c);
        }
        return JsonFields.text(arr);
    }
}
