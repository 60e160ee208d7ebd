package org.portmortem.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.portmortem.report.DiffHtml;
import org.portmortem.report.json.DifferenceJson;
import org.portmortem.report.json.JsonContext;
import org.portmortem.report.json.JsonFields;
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
        addMethodSubcommands = false,
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
            "  json  an array of {subject, kind, field, a, b, aEvidence[], bEvidence[]}: the report's"
                    + " hiveCopies[].differences[] with live/copy named a/b; evidence {hive, keyPath, valueName,"
                    + " valueType, data, lastWritten {utc, local (that side's machine time)}, note}",
            "",
            "--html FILE also writes the differences as one self-contained page: what each side is and how its"
                    + " hives were read, the services and drivers that differ, the listeners predicted for one only,"
                    + " with the evidence from both.",
        },
        parameterListHeading = "%nArguments:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  portmortem diff case-2025 case-2026",
            "  portmortem diff laptop.E01 golden-image.vhdx --volume-b 2 --format json",
            "  portmortem diff case01 case01 --control-set-a 1 --control-set-b 2",
            "  portmortem diff case-2025 laptop.E01 --volume-b 1.2 --html diff.html",
            "",
            "Exit codes:",
            "  0  the differences were printed (none is not an error)",
            "  2  usage error (an image with several installations and no --volume-a/--volume-b), or --html would"
                    + " replace an input",
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

    @Option(
            names = "--volume-a",
            paramLabel = "N[.M]",
            description = "A's volume (or installation M of volume N), when A is an image with several installations.")
    String volumeA;

    @Option(
            names = "--volume-b",
            paramLabel = "N[.M]",
            description = "B's volume (or installation M of volume N), when B is an image with several installations.")
    String volumeB;

    @Option(names = "--control-set-a", paramLabel = "N", description = "Analyse A's ControlSet00N.")
    Integer controlSetA;

    @Option(names = "--control-set-b", paramLabel = "N", description = "Analyse B's ControlSet00N.")
    Integer controlSetB;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(
            names = "--html",
            paramLabel = "FILE",
            description = "Also write the differences as a self-contained HTML page in the report's style (nothing"
                    + " fetched, every string from the cases escaped). Never an input: an output path that would"
                    + " replace a hive, a log beside one or an image file is refused (exit 2).")
    Path html;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("text") && !format.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--format: text or json");
        }
        try (CaseOptions first = side(a, volumeA, controlSetA);
                CaseOptions second = side(b, volumeB, controlSetB)) {
            if (html != null) {
                new OutputGuard()
                        .caseFiles(first.files())
                        .caseFiles(second.files())
                        .input(a, b)
                        .inputs(first.imageSegments())
                        .inputs(second.imageSegments())
                        .check(html);
            }
            Prediction pa = first.predict();
            Prediction pb = second.predict();
            SystemModel ma = pa.model();
            SystemModel mb = pb.model();
            Exposure ea = pa.exposure();
            Exposure eb = pb.exposure();
            List<HiveCopy.Difference> diffs = CaseDifferences.between(ma, ea, mb, eb);
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("json")) {
                out.println(json(diffs, ma, mb));
            } else {
                out.printf(
                        "# A %s: %d listeners; B %s: %d listeners; %d differences%n",
                        a, ea.listeners().size(), b, eb.listeners().size(), diffs.size());
                for (HiveCopy.Difference d : diffs) {
                    out.println(DumpCommand.TextPrinter.visible(d.kind() + "  " + d.subject() + "  " + d.field()
                            + "  A: " + (d.live() == null ? "absent" : d.live()) + "  B: "
                            + (d.copy() == null ? "absent" : d.copy())));
                }
            }
            out.flush();
            CaseWarnings.print(spec.commandLine().getErr(), "A", pa.warnings());
            CaseWarnings.print(spec.commandLine().getErr(), "B", pb.warnings());
            if (html != null) {
                DiffHtml.write(
                        new DiffHtml.Side(a.toString(), ea.listeners().size(), CaseWarnings.notes(pa)),
                        new DiffHtml.Side(b.toString(), eb.listeners().size(), CaseWarnings.notes(pb)),
                        diffs,
                        PortMortemCommand.version(),
                        html);
            }
        }
        return ExitCode.OK;
    }

    /** One side's case, opened as the case-reading commands open theirs (folders and images alike). */
    private CaseOptions side(Path path, String volume, Integer controlSet) {
        CaseOptions o = new CaseOptions();
        o.mixee = spec;
        o.caseFolder = path;
        o.volume = volume;
        o.controlSet = controlSet;
        return o;
    }

    /**
     * The differences as the report's {@code hiveCopies[].differences[]} write them, the two sides named
     * {@code a} and {@code b}, each side's evidence times in its own machine's time zone.
     */
    private static String json(List<HiveCopy.Difference> diffs, SystemModel ma, SystemModel mb) {
        DifferenceJson.Sides sides = new DifferenceJson.Sides(
                "a", JsonContext.clock(JsonContext.zoneOf(ma)), "b", JsonContext.clock(JsonContext.zoneOf(mb)));
        ArrayNode arr = JsonFields.array();
        diffs.forEach(d -> DifferenceJson.write(arr.addObject(), d, sides));
        return JsonFields.text(arr);
    }
}
