package org.portmortem.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the model's knowledge files (JSON resources beside this class) into typed records. */
final class ModelData {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private ModelData() {}

    static <T> T load(String resource, Class<T> type) {
        try (InputStream in = ModelData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource missing from the build: " + resource);
            }
            return MAPPER.readValue(in, type);
        } catch (IOException e) {
            // A broken bundled resource is a build defect, not bad input.
            throw new UncheckedIOException("cannot read bundled resource " + resource, e);
        }
    }
}
