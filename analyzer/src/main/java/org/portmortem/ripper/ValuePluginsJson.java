package org.portmortem.ripper;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.portmortem.BundledResource;

/**
 * Reads {@code value-plugins.json} into {@link ValuePlugin}s with Jackson's streaming parser alone:
 * data binding (the object mapper and its reflection over the records) took a tenth of a whole
 * {@code rip -p rdpport} run, more than reading the hive; {@link BundledResource#json}, which no longer
 * uses the mapper either, still finds the records' shapes by reflection, 6 ms more of that run
 * (bench/README.md). As strict as {@link BundledResource#json}: an
 * unknown field or hive type is an error (the documentation fields {@code about}, {@code source(s)},
 * {@code note(s)} and {@code comment} may appear anywhere), hive types match in any case, a missing
 * field is {@code null} (false for {@code allValues}).
 */
final class ValuePluginsJson {
    private static final Set<String> DOCUMENTATION = Set.of("about", "source", "sources", "note", "notes", "comment");

    private ValuePluginsJson() {}

    /** The plugins of the bundled file, in its order. */
    static List<ValuePlugin> bundled() {
        String name = "value-plugins.json";
        try {
            return read(BundledResource.bytes(RipPlugins.class, name));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException(
                    "bundled resource org/portmortem/ripper/" + name + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The plugins a JSON array of definitions holds. */
    static List<ValuePlugin> read(byte[] json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            p.nextToken();
            Object tree = tree(p);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the array, at " + p.currentLocation());
            }
            List<ValuePlugin> out = new ArrayList<>();
            for (Fields f : Fields.list(tree, "the file")) {
                out.add(plugin(f));
            }
            return out;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ValuePlugin plugin(Fields f) {
        List<String> typeNames = f.strings("hiveTypes");
        List<HiveType> types = new ArrayList<>();
        for (String t : typeNames == null ? List.<String>of() : typeNames) {
            try {
                types.add(HiveType.valueOf(t.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(f.where + ": no hive type " + t);
            }
        }
        List<ValuePlugin.KeyValues> keys = new ArrayList<>();
        for (Fields k : f.objects("keys")) {
            keys.add(keyValues(k));
        }
        return f.done(new ValuePlugin(
                f.string("name"),
                typeNames == null ? null : types,
                f.string("description"),
                f.string("regRipperVersion"),
                f.bool("banner"),
                f.has("keys") ? keys : null));
    }

    private static ValuePlugin.KeyValues keyValues(Fields f) {
        List<ValuePlugin.Label> labels = new ArrayList<>();
        for (Fields l : f.objects("values")) {
            Fields text = l.object("text");
            labels.add(l.done(new ValuePlugin.Label(
                    l.string("value"),
                    l.string("label"),
                    l.string("time"),
                    text == null
                            ? null
                            : text.done(new ValuePlugin.ValueLines(
                                    text.strings("present"),
                                    text.strings("absent"),
                                    text.strings("zero"),
                                    text.string("empty"))))));
        }
        Fields text = f.object("text");
        Boolean all = f.bool("allValues");
        return f.done(new ValuePlugin.KeyValues(
                f.string("key"),
                f.bool("fromRoot"),
                f.string("within"),
                f.has("values") ? labels : null,
                all != null && all,
                text == null
                        ? null
                        : text.done(new ValuePlugin.KeyLines(
                                text.strings("present"),
                                text.strings("absent"),
                                text.strings("listed"),
                                text.string("each")))));
    }

    /** A JSON value as maps, lists, strings and booleans (the file has no numbers). */
    private static Object tree(JsonParser p) {
        try {
            JsonToken t = p.currentToken();
            if (t == null) {
                throw new IllegalArgumentException("the file is empty");
            }
            switch (t) {
                case START_OBJECT -> {
                    Map<String, Object> map = new LinkedHashMap<>();
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String name = p.currentName();
                        p.nextToken();
                        if (map.put(name, tree(p)) != null) {
                            throw new IllegalArgumentException("field " + name + " twice, at " + p.currentLocation());
                        }
                    }
                    return map;
                }
                case START_ARRAY -> {
                    List<Object> list = new ArrayList<>();
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        list.add(tree(p));
                    }
                    return list;
                }
                case VALUE_STRING -> {
                    return p.getText();
                }
                case VALUE_TRUE, VALUE_FALSE -> {
                    return t == JsonToken.VALUE_TRUE;
                }
                case VALUE_NULL -> {
                    return null;
                }
                default -> throw new IllegalArgumentException("unexpected " + t + " at " + p.currentLocation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fields of one JSON object, each read at most once; {@link #done} refuses any left unread. */
    private static final class Fields {
        private final Map<String, Object> map;
        private final String where;
        private final Set<String> read = new HashSet<>();

        private Fields(Map<String, Object> map, String where) {
            this.map = map;
            this.where = where;
        }

        static List<Fields> list(Object value, String where) {
            if (!(value instanceof List<?> list)) {
                throw new IllegalArgumentException(where + ": expected an array");
            }
            List<Fields> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                String at = where + "[" + i + "]";
                if (!(list.get(i) instanceof Map<?, ?> m)) {
                    throw new IllegalArgumentException(at + ": expected an object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) m;
                out.add(new Fields(fields, fields.get("name") instanceof String n ? n : at));
            }
            return out;
        }

        boolean has(String name) {
            return map.get(name) != null;
        }

        private Object get(String name) {
            read.add(name);
            return map.get(name);
        }

        String string(String name) {
            Object v = get(name);
            if (v != null && !(v instanceof String)) {
                throw new IllegalArgumentException(where + ": " + name + " is not a string");
            }
            return (String) v;
        }

        Boolean bool(String name) {
            Object v = get(name);
            if (v != null && !(v instanceof Boolean)) {
                throw new IllegalArgumentException(where + ": " + name + " is not true or false");
            }
            return (Boolean) v;
        }

        /** A list of strings, or {@code null} where the field is absent. */
        List<String> strings(String name) {
            Object v = get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof List<?> list) || list.stream().anyMatch(s -> !(s instanceof String))) {
                throw new IllegalArgumentException(where + ": " + name + " is not a list of strings");
            }
            return list.stream().map(String.class::cast).toList();
        }

        /** The objects of an array field (none where it is absent). */
        List<Fields> objects(String name) {
            Object v = get(name);
            return v == null ? List.of() : list(v, where + " " + name);
        }

        /** An object field, or {@code null}. */
        Fields object(String name) {
            Object v = get(name);
            if (v == null) {
                return null;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw new IllegalArgumentException(where + ": " + name + " is not an object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> fields = (Map<String, Object>) m;
            return new Fields(fields, where + " " + name);
        }

        /** The value built, once every field was read or is documentation. */
        <T> T done(T built) {
            for (String name : map.keySet()) {
                if (!read.contains(name) && !DOCUMENTATION.contains(name)) {
                    throw new IllegalArgumentException(where + ": unknown field " + name);
                }
            }
            return built;
        }
    }
}
