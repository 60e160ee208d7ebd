package org.portmortem.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The JSON Schema of the report, as shipped in the jar, and validation against it. */
public final class ReportSchema {
    private static final JsonSchema SCHEMA = load();

    private ReportSchema() {}

    private static JsonSchema load() {
        try (InputStream in = ReportSchema.class.getResourceAsStream("/schema/portmortem-report.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("the schema is not on the classpath");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema violations of a report, empty when it conforms. */
    public static Set<ValidationMessage> violations(JsonNode report) {
        return SCHEMA.validate(report);
    }
}
