package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.portmortem.BundledResource;

/**
 * The knowledge base: one JSON resource per service, driver or process under
 * {@code org/portmortem/exposure/knowledge/}, listed in {@code index.json}, and the citations of the
 * source keys they use in {@code sources.json}. Read once; immutable.
 */
public final class KnowledgeBase {
    private static final String ROOT = "/org/portmortem/exposure/knowledge/";
    private static volatile KnowledgeBase bundled;

    private final Map<String, ServiceKnowledge> entries;
    private final Map<String, String> sources;

    private KnowledgeBase(List<ServiceKnowledge> entries, Map<String, String> sources) {
        Map<String, ServiceKnowledge> m = new LinkedHashMap<>();
        for (ServiceKnowledge e : entries) {
            if (m.put(e.name().toUpperCase(Locale.ROOT), e) != null) {
                throw new IllegalStateException("knowledge base: two entries for " + e.name());
            }
        }
        this.entries = Collections.unmodifiableMap(m);
        this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
    }

    /** The knowledge base bundled with the analyzer. */
    public static KnowledgeBase bundled() {
        KnowledgeBase kb = bundled;
        if (kb == null) {
            synchronized (KnowledgeBase.class) {
                kb = bundled;
                if (kb == null) {
                    kb = load();
                    bundled = kb;
                }
            }
        }
        return kb;
    }

    private static KnowledgeBase load() {
        List<String> files = read("index.json", new TypeReference<List<String>>() {});
        List<ServiceKnowledge> entries = new ArrayList<>();
        for (String f : files) {
            entries.add(read(f, new TypeReference<ServiceKnowledge>() {}));
        }
        Map<String, String> sources = read("sources.json", new TypeReference<Map<String, String>>() {});
        return new KnowledgeBase(entries, sources);
    }

    private static <T> T read(String file, TypeReference<T> type) {
        return BundledResource.json(KnowledgeBase.class, ROOT + file, type);
    }

    /** All entries, in index order. */
    public List<ServiceKnowledge> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry for a service, driver or process name (case-insensitive). */
    public Optional<ServiceKnowledge> entry(String name) {
        return Optional.ofNullable(entries.get(name.toUpperCase(Locale.ROOT)));
    }

    /** Source key → citation (URL or repository path). */
    public Map<String, String> sources() {
        return sources;
    }
}
