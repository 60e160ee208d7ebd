package org.portmortem.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.portmortem.analysis.CaseDifferences;
import org.portmortem.analysis.HiveCopy;
import org.portmortem.analysis.Prediction;
import org.portmortem.exposure.Exposure;
import org.portmortem.model.SystemModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code portmortem diff A B}: two cases (folders or disk images), or two control sets of one, side by
 * side: the services and drivers that differ and the listeners predicted for one and not the other.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        headerHeading = "%n",
        header = "Compare two cases: services and listeners that differ.",
        synopsisHeading = "%nUsage: ",
        descriptionHeading = "%nDescription:%n",
        description = {
            "A and B are case folders or disk images, as analyze takes them (B may be the same case as A with"
                    + " another --control-set-b). Each is read through the same stages as analyze: system model,"
                    + " boot plan, exposure. Printed: every service or driver whose Start, ImagePath or ObjectName"
                    + " differs, or that only one has, and every listener predicted for one and not the other,"
                    + " with the registry evidence from both sides (json).",
            "",
            "Formats:",
            "  text  one line per difference: kind, subject, field, A's value, B's value",
            "  json  an array of {subject, kind, field, a, b, aEvidence[], bEvidence[]}",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem diff case-2025 case-2026",
            "  portmortem diff laptop.E01 golden-image.vhdx --volume-b 2 --format json",
            "  portmortem diff case01 case01 --control-set-a 1 --control-set-b 2",
            "",
            "Exit codes:",
            "  0  the differences were printed (none is not an error)",
            "  2  usage error (an image with several installations and no --volume-a/--volume-b)",
            "  3  a case is missing, unreadable or not a case",
            "  4  internal error (a bug; --debug shows the stack trace) or out of memory",
        })
public final class DiffCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "The first case folder or disk image.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", description = "The second case folder or disk image.")
    Path b;

    @Option(names = "--volume-a", paramLabel = "N", description = "A's volume, when A is an image with several installations.")
    Integer volumeA;

    @Option(names = "--volume-b", paramLabel = "N", description = "B's volume, when B is an image with several installations.")
    Integer volumeB;

    @Option(names = "--control-set-a", paramLabel = "N", description = "Analyse A's ControlSet00N.")
    Integer controlSetA;

    @Option(names = "--control-set-b", paramLabel = "N", description = "Analyse B's ControlSet00N.")
    Integer controlSetB;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: text or json");
        }
        try (CaseOptions first = side(a, volumeA, controlSetA); CaseOptions second = side(b, volumeB, controlSetB)) {
            Prediction pa = first.predict();
            Prediction pb = second.predict();
            SystemModel ma = pa.model();
            SystemModel mb = pb.model();
            Exposure ea = pa.exposure();
            Exposure eb = pb.exposure();
            List<HiveCopy.Difference> diffs = CaseDifferences.between(ma, ea, mb, eb);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(json(diffs));
            } else {
                out.printf("# A %s: %d listeners; B %s: %d listeners; %d differences%n", a, ea.listeners().size(), b,
                        eb.listeners().size(), diffs.size());
                for (HiveCopy.Difference d : diffs) {
                    out.println(DumpCommand.TextPrinter.visible(d.kind() + "  " + d.subject() + "  " + d.field() + "  A: "
                            + (d.live() == null ? "absent" : d.live()) + "  B: " + (d.copy() == null ? "absent" : d.copy())));
                }
            }
            out.flush();
            CaseWarnings.print(spec.commandLine().getErr(), "A", pa.warnings());
            CaseWarnings.print(spec.commandLine().getErr(), "B", pb.warnings());
        }
        return ExitCode.OK;
    }

    /** One side's case, opened as the case-reading commands open theirs (folders and images alike). */
    private CaseOptions side(Path path, Integer volume, Integer controlSet) {
        CaseOptions o = new CaseOptions();
        o.mixee = spec;
        o.caseFolder = path;
        o.volume = volume;
        o.controlSet = controlSet;
        return o;
    }

    private static String json(List<HiveCopy.Difference> diffs) {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode arr = m.createArrayNode();
        for (HiveCopy.Difference d : diffs) {
            ObjectNode o = arr.addObject();
            o.put("subject", d.subject());
            o.put("kind", d.kind());
            o.put("field", d.field());
            o.put("a", d.live());
            o.put("b", d.copy());
            ArrayNode ae = o.putArray("aEvidence");
            d.liveEvidence().forEach(e -> ae.add(ListenersCommand.evidence(m, e)));
            ArrayNode be = o.putArray("bEvidence");
            d.copyEvidence().forEach(e -> be.add(ListenersCommand.evidence(m, e)));
        }
        try {
            return m.writeValueAsString(arr);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
