package org.portmortem.report.rip;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import org.portmortem.image.ImageFileOrigin;
import org.portmortem.model.MachineTimeZone;
import org.portmortem.report.json.EvidenceJson;
import org.portmortem.report.json.ImageOriginJson;
import org.portmortem.report.json.JsonContext;
import org.portmortem.report.json.JsonFields;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipRun;

/**
 * Plugin facts as JSON: an object with {@code hive}, {@code hiveType}, {@code image} (only for a hive
 * read from a disk image: where in it), {@code notes} (how the hive
 * was read) and {@code plugins}, an array of {name, hiveType, description, regRipperVersion, error,
 * facts: [{group, name, data, lastWritten, evidence}]}; {@code evidence} is the report's evidence
 * object ({@link EvidenceJson}) and every time is the report's {@code {utc, local}}. Absent data is
 * {@code null}.
 */
public final class RipJson {
    private RipJson() {}

    /**
     * Writes the document.
     *
     * @param image where the hive was copied from in a disk image ({@code image}, as the report's
     *     {@code inputs[].image}), or {@code null} for a hive file given directly (no {@code image} field)
     * @param zone the machine's time zone (a SYSTEM hive records it), or {@code null}: {@code local} is then null
     */
    public static void write(
            String hive,
            String hiveType,
            ImageFileOrigin image,
            List<String> notes,
            List<RipRun> runs,
            MachineTimeZone zone,
            PrintWriter out) {
        JsonContext clock = JsonContext.clock(zone);
        ObjectNode doc = JsonFields.object();
        doc.put("hive", hive);
        doc.put("hiveType", hiveType);
        if (image != null) {
            ImageOriginJson.put(doc, image, clock);
        }
        JsonFields.strings(doc.putArray("notes"), notes);
        ArrayNode plugins = doc.putArray("plugins");
        for (RipRun run : runs) {
            ObjectNode p = plugins.addObject();
            p.put("name", run.plugin().name());
            p.put(
                    "hiveType",
                    String.join(
                            ",",
                            run.plugin().hiveTypes().stream().map(Enum::name).toList()));
            p.put("description", run.plugin().description());
            p.put("regRipperVersion", run.plugin().regRipperVersion());
            p.put("error", run.error());
            ArrayNode facts = p.putArray("facts");
            for (RipFact f : run.facts()) {
                ObjectNode n = facts.addObject();
                n.put("group", f.group());
                n.put("name", f.name());
                n.put("data", f.data());
                JsonFields.instant(n, "lastWritten", f.lastWritten(), clock);
                EvidenceJson.write(n.putObject("evidence"), f.evidence(), clock);
            }
        }
        out.println(JsonFields.text(doc));
        out.flush();
    }
}
