package org.portmortem.model;

import org.portmortem.BundledResource;

/** Loads the model's knowledge files (JSON resources beside this class) into typed records. */
final class ModelData {
    private ModelData() {}

    static <T> T load(String resource, Class<T> type) {
        return BundledResource.json(ModelData.class, resource, type);
    }
}
