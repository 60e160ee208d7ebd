package org.portmortem;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.util.Converter;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a bundled JSON file to records with Jackson's streaming parser, without its object mapper:
 * building the mapper and its deserializers by reflection was most of the knowledge base's read (about
 * a tenth of a one-host {@code analyze}, bench/README.md), for 110 small files of a few record types.
 *
 * <p>What it binds, as Jackson's mapper configured by {@link BundledResource} did (a test binds every
 * bundled file both ways and compares): records through their canonical constructor, a component
 * named by {@link JsonProperty} when it carries one; a missing component is {@code null}, or zero and
 * {@code false} for a primitive; an enum word in any case; a type with a static one-argument
 * {@link JsonCreator} method through that method; a component with {@link JsonDeserialize#converter()}
 * read as the converter's input type and converted; {@code List}, {@code Set}, {@code Map} with string
 * keys, {@link JsonNode} (JSON {@code null} is a null node there, as with the mapper), strings (a
 * number or boolean is taken as its text), numbers and booleans. Stricter than the mapper: an unknown
 * field fails unless it is one of the documentation fields, and so does a field given twice, text after
 * the value, an integer out of range or a type this reader does not know. Every error names the line
 * and column.
 */
final class BundledJson {
    /** Fields a data file may carry for its readers (what it is, where its facts come from). */
    static final Set<String> DOCUMENTATION = Set.of("about", "source", "sources", "note", "notes", "comment");

    private static final JsonFactory FACTORY = new JsonFactory();

    /** What binding a record needs, found once per record class. */
    private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

    /** Each type's creator method, or the type itself when it has none; found once per type. */
    private static final Map<Class<?>, Object> CREATORS = new ConcurrentHashMap<>();

    private BundledJson() {}

    /** The value of {@code type} that the whole of {@code json} holds. */
    static Object read(byte[] json, Type type) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "no JSON value");
            }
            Object value = value(p, type);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "text after the value");
            }
            return value;
        } catch (JsonProcessingException e) {
            // the file is named by the caller; the parser's own location text would say "REDACTED"
            JsonLocation at = e.getLocation();
            throw new IOException(
                    e.getOriginalMessage()
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"),
                    e);
        }
    }

    /** The value starting at the parser's current token, which is left on the value's last token. */
    private static Object value(JsonParser p, Type type) throws IOException {
        Class<?> raw = raw(type, p);
        if (JsonNode.class.isAssignableFrom(raw)) {
            return JsonTrees.read(p);
        }
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return nullOf(raw);
        }
        if (CREATORS.computeIfAbsent(raw, BundledJson::creator) instanceof Method creator) {
            Object argument = value(p, creator.getGenericParameterTypes()[0]);
            return invoke(p, () -> creator.invoke(null, argument));
        }
        if (raw == String.class) {
            if (!p.currentToken().isScalarValue()) {
                throw new JsonParseException(
                        p, "expected text, found " + p.currentToken().asString());
            }
            return p.getText();
        }
        if (raw == int.class || raw == Integer.class) {
            expect(p, JsonToken.VALUE_NUMBER_INT, "an integer");
            if (p.getNumberType() != JsonParser.NumberType.INT) {
                throw new JsonParseException(p, "integer out of range: " + p.getText());
            }
            return p.getIntValue();
        }
        if (raw == long.class || raw == Long.class) {
            expect(p, JsonToken.VALUE_NUMBER_INT, "an integer");
            if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw new JsonParseException(p, "integer out of range: " + p.getText());
            }
            return p.getLongValue();
        }
        if (raw == double.class || raw == Double.class) {
            if (!p.currentToken().isNumeric()) {
                throw new JsonParseException(
                        p, "expected a number, found " + p.currentToken().asString());
            }
            return p.getDoubleValue();
        }
        if (raw == boolean.class || raw == Boolean.class) {
            if (!p.currentToken().isBoolean()) {
                throw new JsonParseException(
                        p, "expected true or false, found " + p.currentToken().asString());
            }
            return p.getBooleanValue();
        }
        if (raw.isEnum()) {
            return enumConstant(p, raw);
        }
        if (raw == List.class || raw == Collection.class) {
            return elements(p, argument(type, 0, p), new ArrayList<>());
        }
        if (raw == Set.class) {
            return elements(p, argument(type, 0, p), new HashSet<>());
        }
        if (raw == Map.class) {
            return map(p, type);
        }
        if (raw.isRecord()) {
            return record(p, raw);
        }
        if (raw == Object.class) {
            return untyped(p);
        }
        throw new JsonParseException(p, "no way to read a " + raw.getName() + " from a bundled file");
    }

    private static Object nullOf(Class<?> raw) {
        if (raw == int.class || raw == long.class) {
            return raw == int.class ? (Object) 0 : (Object) 0L;
        }
        if (raw == double.class) {
            return 0.0d;
        }
        if (raw == boolean.class) {
            return false;
        }
        return null;
    }

    private static void expect(JsonParser p, JsonToken token, String what) throws IOException {
        if (p.currentToken() != token) {
            throw new JsonParseException(
                    p, "expected " + what + ", found " + p.currentToken().asString());
        }
    }

    private static <C extends Collection<Object>> C elements(JsonParser p, Type element, C out) throws IOException {
        expect(p, JsonToken.START_ARRAY, "an array");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(value(p, element));
        }
        return out;
    }

    private static Map<String, Object> map(JsonParser p, Type type) throws IOException {
        if (argument(type, 0, p) != String.class) {
            throw new JsonParseException(p, "a bundled map has text keys, not " + argument(type, 0, p));
        }
        Type valueType = argument(type, 1, p);
        expect(p, JsonToken.START_OBJECT, "an object");
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            if (out.containsKey(key)) {
                throw new JsonParseException(p, "key \"" + key + "\" given twice");
            }
            out.put(key, value(p, valueType));
        }
        return out;
    }

    private static Object enumConstant(JsonParser p, Class<?> raw) throws IOException {
        expect(p, JsonToken.VALUE_STRING, "a word of " + raw.getSimpleName());
        String word = p.getText();
        for (Object c : raw.getEnumConstants()) {
            if (((Enum<?>) c).name().equalsIgnoreCase(word)) {
                return c;
            }
        }
        throw new JsonParseException(p, "\"" + word + "\" is not a " + raw.getSimpleName());
    }

    private static Object record(JsonParser p, Class<?> raw) throws IOException {
        RecordShape shape = SHAPES.computeIfAbsent(raw, RecordShape::new);
        expect(p, JsonToken.START_OBJECT, "an object for " + raw.getSimpleName());
        Object[] arguments = new Object[shape.types.length];
        boolean[] given = new boolean[arguments.length];
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Integer index = shape.index.get(name);
            if (index == null) {
                if (!DOCUMENTATION.contains(name)) {
                    throw new JsonParseException(
                            p, "unknown field \"" + name + "\" for " + raw.getSimpleName() + ", known: " + shape.names);
                }
                p.skipChildren();
                continue;
            }
            if (given[index]) {
                throw new JsonParseException(p, "field \"" + name + "\" given twice");
            }
            given[index] = true;
            @SuppressWarnings("unchecked")
            Converter<Object, Object> converter = (Converter<Object, Object>) shape.converters[index];
            if (converter == null) {
                arguments[index] = value(p, shape.types[index]);
            } else {
                Object in = value(p, shape.converterInputs[index]);
                arguments[index] = invoke(p, () -> converter.convert(in));
            }
        }
        for (int i = 0; i < arguments.length; i++) {
            if (!given[i]) {
                arguments[i] = nullOf(shape.rawTypes[i]);
            }
        }
        return invoke(p, () -> shape.constructor.newInstance(arguments));
    }

    /**
     * A value of a component declared {@code Object}, as the mapper makes it: text, an {@code Integer},
     * {@code Long} or {@code BigInteger}, a {@code Double}, a boolean, a list or a map in file order.
     */
    private static Object untyped(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    m.put(name, untyped(p));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    l.add(untyped(p));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(p, "unexpected " + p.currentToken());
        }
    }

    /** A type's static one-argument method marked as its JSON creator, or the type when it has none. */
    private static Object creator(Class<?> raw) {
        if (raw.isPrimitive() || raw.getName().startsWith("java.")) {
            return raw;
        }
        Method found = null;
        for (Method m : raw.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonCreator.class)) {
                if (!Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 1 || found != null) {
                    throw new IllegalStateException(
                            raw.getName() + ": only one static one-argument @JsonCreator is read from bundled files");
                }
                found = m;
            } else if (raw.isEnum() && m.isAnnotationPresent(JsonValue.class) && !hasCreator(raw)) {
                // the mapper would match the @JsonValue text, which this reader does not do
                throw new IllegalStateException(raw.getName() + ": an enum with @JsonValue needs a @JsonCreator");
            }
        }
        if (found == null) {
            return raw;
        }
        found.setAccessible(true);
        return found;
    }

    private static boolean hasCreator(Class<?> raw) {
        for (Method m : raw.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonCreator.class)) {
                return true;
            }
        }
        return false;
    }

    private static Class<?> raw(Type type, JsonParser p) throws IOException {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType pt) {
            return (Class<?>) pt.getRawType();
        }
        throw new JsonParseException(p, "no way to read a " + type + " from a bundled file");
    }

    private static Type argument(Type type, int i, JsonParser p) throws IOException {
        if (type instanceof ParameterizedType pt) {
            Type a = pt.getActualTypeArguments()[i];
            return a instanceof WildcardType w ? w.getUpperBounds()[0] : a;
        }
        throw new JsonParseException(p, "a bundled " + type + " needs its element type");
    }

    private interface Call {
        Object call() throws ReflectiveOperationException;
    }

    /** A constructor, creator or converter called; what it refuses is an error at the parser's place. */
    private static Object invoke(JsonParser p, Call call) throws IOException {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new JsonParseException(p, String.valueOf(cause.getMessage()), cause);
        } catch (RuntimeException e) {
            throw new JsonParseException(p, String.valueOf(e.getMessage()), e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot bind " + e.getMessage(), e);
        }
    }

    /** A record class's components as the reader needs them. */
    private static final class RecordShape {
        final Constructor<?> constructor;
        final Type[] types;
        final Class<?>[] rawTypes;
        final Map<String, Integer> index = new HashMap<>();
        final List<String> names = new ArrayList<>();
        final Converter<?, ?>[] converters;
        final Type[] converterInputs;

        RecordShape(Class<?> raw) {
            RecordComponent[] components = raw.getRecordComponents();
            types = new Type[components.length];
            rawTypes = new Class<?>[components.length];
            converters = new Converter<?, ?>[components.length];
            converterInputs = new Type[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent c = components[i];
                types[i] = c.getGenericType();
                rawTypes[i] = c.getType();
                Field field = field(raw, c.getName());
                JsonProperty named = field.getAnnotation(JsonProperty.class);
                String name = named != null && !named.value().isEmpty() ? named.value() : c.getName();
                index.put(name, i);
                names.add(name);
                JsonDeserialize how = field.getAnnotation(JsonDeserialize.class);
                if (how != null) {
                    if (how.converter() == Converter.None.class) {
                        throw new IllegalStateException(raw.getName() + "." + c.getName()
                                + ": only @JsonDeserialize(converter = ...) is read from bundled files");
                    }
                    converters[i] = (Converter<?, ?>) instance(how.converter());
                    converterInputs[i] = inputType(how.converter());
                }
            }
            Class<?>[] parameters = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameters[i] = components[i].getType();
            }
            try {
                constructor = raw.getDeclaredConstructor(parameters);
                constructor.setAccessible(true);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(raw.getName() + " has no canonical constructor", e);
            }
        }

        private static Field field(Class<?> raw, String name) {
            try {
                return raw.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(raw.getName() + " has no field for its component " + name, e);
            }
        }

        private static Object instance(Class<?> type) {
            try {
                Constructor<?> c = type.getDeclaredConstructor();
                c.setAccessible(true);
                return c.newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make the converter " + type.getName(), e);
            }
        }

        /** The IN of the converter's {@code Converter<IN, OUT>} (through {@code StdConverter}). */
        private static Type inputType(Class<?> converter) {
            for (Class<?> c = converter; c != null && c != Object.class; c = c.getSuperclass()) {
                if (c.getGenericSuperclass() instanceof ParameterizedType pt
                        && pt.getActualTypeArguments().length == 2) {
                    return pt.getActualTypeArguments()[0];
                }
            }
            throw new IllegalStateException(converter.getName() + " does not say what it converts from");
        }
    }
}
