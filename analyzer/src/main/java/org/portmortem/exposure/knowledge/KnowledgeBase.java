package org.portmortem.exposure.knowledge;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import org.portmortem.BundledResource;

/**
 * The knowledge base: one JSON resource per service, driver or process under
 * {@code org/portmortem/exposure/knowledge/}, listed in {@code index.json}, and the citations of the
 * source keys they use in {@code sources.json}. Read once; immutable.
 */
public final class KnowledgeBase {
    private static final String ROOT = "/org/portmortem/exposure/knowledge/";

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

    /** The knowledge base bundled with the analyzer, read once per process. */
    public static KnowledgeBase bundled() {
        // Read here unless preload() already started it on its own thread; then wait for that one.
        LOADING.run();
        try {
            return LOADING.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the knowledge base was read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Starts reading the bundled knowledge base on a background thread, once per process, so that a
     * one-host run reads it (about a tenth of a second, most of it Jackson's first use) while the hives
     * are opened and modelled on the caller's; {@link #bundled} then waits for it. A failure is not
     * reported there but by {@link #bundled}, to its caller.
     */
    public static void preload() {
        if (!PRELOAD_STARTED.getAndSet(true)) {
            Thread t = new Thread(LOADING, "knowledge-base");
            t.setDaemon(true);
            t.start();
        }
    }

    private static final FutureTask<KnowledgeBase> LOADING = new FutureTask<>(KnowledgeBase::load);
    private static final AtomicBoolean PRELOAD_STARTED = new AtomicBoolean();

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
