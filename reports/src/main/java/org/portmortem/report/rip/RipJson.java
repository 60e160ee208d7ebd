package org.portmortem.report.rip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.portmortem.evidence.Evidence;
import org.portmortem.ripper.RipFact;
import org.portmortem.ripper.RipRun;

/**
 * Plugin facts as JSON: an object with {@code hive}, {@code hiveType}, {@code image} (only for a hive
 * read from a disk image: where in it), {@code notes} (how the hive
 * was read) and {@code plugins}, an array of {name, hiveType, description, regRipperVersion, error,
 * facts: [{group, name, data, lastWritten, evidence: {hive, keyPath, valueName, valueType, data,
 * lastWritten, note}}]}. Times are ISO 8601 UTC; absent data is {@code null}.
 */
public final class RipJson {
    private RipJson() {}

    /** Writes the document. */
    public static void write(String hive, String hiveType, List<String> notes, List<RipRun> runs, PrintWriter out)
            throws IOException {
        write(hive, hiveType, null, notes, runs, out);
    }

    /**
     * Writes the document; for a hive copied out of a disk image, with {@code image}, its provenance as the
     * report's {@code inputs[].image} gives it ({@link org.portmortem.report.ImageOriginJson}).
     */
    public static void write(String hive, String hiveType, JsonNode image, List<String> notes, List<RipRun> runs,
            PrintWriter out) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("hive", hive);
        doc.put("hiveType", hiveType);
        if (image != null) {
            doc.put("image", image);
        }
        doc.put("notes", notes);
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (RipRun run : runs) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", run.plugin().name());
            p.put("hiveType", String.join(",", run.plugin().hiveTypes().stream().map(Enum::name).toList()));
            p.put("description", run.plugin().description());
            p.put("regRipperVersion", run.plugin().regRipperVersion());
            p.put("error", run.error());
            p.put("facts", run.facts().stream().map(RipJson::fact).toList());
            plugins.add(p);
        }
        doc.put("plugins", plugins);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out, doc);
        out.println();
        out.flush();
    }

    private static Map<String, Object> fact(RipFact f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("group", f.group());
        m.put("name", f.name());
        m.put("data", f.data());
        m.put("lastWritten", iso(f.lastWritten()));
        Evidence e = f.evidence();
        Map<String, Object> ev = new LinkedHashMap<>();
        ev.put("hive", e.hive());
        ev.put("keyPath", e.keyPath());
        ev.put("valueName", e.valueName());
        ev.put("valueType", e.valueType());
        ev.put("data", e.data());
        ev.put("lastWritten", iso(e.lastWritten()));
        ev.put("note", e.note());
        m.put("evidence", ev);
        return m;
    }

    private static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
