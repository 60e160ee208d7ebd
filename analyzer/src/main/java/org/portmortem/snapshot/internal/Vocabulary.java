package org.portmortem.snapshot.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.portmortem.BundledResource;
import org.portmortem.snapshot.SocketState;

/**
 * The words Windows prints in socket listings, loaded from {@code vocabulary.tsv} (kind, language,
 * text, meaning, source). Matching ignores case and runs of spaces.
 */
public final class Vocabulary {
    /** One confirmed string. */
    public record Entry(String kind, String language, String text, String meaning, String source) {}

    /** Declared before STANDARD: load() needs it. */
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private static final Vocabulary STANDARD = load();

    private final List<Entry> entries;
    /** Entries by kind, then by normalized text (first entry wins), for exact-line lookups. */
    private final Map<String, Map<String, Entry>> byKindAndKey = new HashMap<>();

    private Vocabulary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        for (Entry e : entries) {
            byKindAndKey
                    .computeIfAbsent(e.kind(), k -> new java.util.LinkedHashMap<>())
                    .putIfAbsent(key(e.text()), e);
        }
    }

    /** The vocabulary shipped with PortMortem. */
    public static Vocabulary standard() {
        return STANDARD;
    }

    private static Vocabulary load() {
        List<Entry> list = new ArrayList<>();
        for (String line : BundledResource.text(Vocabulary.class, "/org/portmortem/snapshot/vocabulary.tsv")
                .split("\\R")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new IllegalStateException("vocabulary.tsv: expected 5 tab-separated fields: " + line);
            }
            list.add(new Entry(f[0], f[1], f[2], f[3], f[4]));
        }
        return new Vocabulary(list);
    }

    static String key(String s) {
        return SPACES.matcher(s.trim()).replaceAll(" ").toUpperCase(Locale.ROOT);
    }

    /** All entries, for tests and documentation. */
    public List<Entry> entries() {
        return entries;
    }

    /** The entry of this kind whose text equals the whole (trimmed) line. */
    public Optional<Entry> whole(String kind, String line) {
        return Optional.ofNullable(byKindAndKey.getOrDefault(kind, Map.of()).get(key(line)));
    }

    /** The first entry of this kind whose text occurs in the line. */
    public Optional<Entry> within(String kind, String line) {
        String k = key(line);
        for (Map.Entry<String, Entry> e :
                byKindAndKey.getOrDefault(kind, Map.of()).entrySet()) {
            if (k.contains(e.getKey())) {
                return Optional.of(e.getValue());
            }
        }
        return Optional.empty();
    }

    /** The state entry for a printed state word. */
    public Optional<Entry> stateEntry(String printed) {
        return whole("state", printed);
    }

    /** The normalized state for a printed state word, if the vocabulary knows it. */
    public Optional<SocketState> state(String printed) {
        return stateEntry(printed).map(e -> SocketState.valueOf(e.meaning()));
    }

    /** The texts containing characters outside ASCII: the evidence that tells code pages apart. */
    public List<String> nonAsciiTexts() {
        return entries.stream()
                .map(Entry::text)
                .filter(t -> t.chars().anyMatch(c -> c > 127))
                .toList();
    }
}
