package org.portmortem.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portmortem.analysis.Analysis;
import org.portmortem.analysis.AnalysisRequest;
import org.portmortem.analysis.CaseAnalysis;
import org.portmortem.cases.CaseFiles;
import org.portmortem.hive.HiveOpenOptions;
import org.portmortem.model.ModelOptions;

/**
 * Records whose {@code equals} and {@code hashCode} are written out (to spare the JDK's bootstrap of a
 * record's own at start-up) behave exactly as the record's own would: equal when every component is,
 * and the same hash, component by component ({@code h = 31 * h + hash(c)} from zero), so that no output
 * ordered by hash moves. Checked on the records reached from real analyses of the reference systems and
 * the hostile case, each component replaced in turn by another instance's.
 */
class RecordMethodsTest {
    /** Instances found in the analyses, by record class. */
    private static final Map<Class<?>, List<Object>> FOUND = new LinkedHashMap<>();

    @BeforeAll
    static void analyseTheFixtures() throws Exception {
        Path fixtures = ReferenceSystems.fixtures();
        for (String system : List.of(ReferenceSystems.WINXP, ReferenceSystems.WIN2000, "hostile")) {
            Analysis a = CaseAnalysis.run(new AnalysisRequest(
                    CaseFiles.locate(fixtures.resolve(system), null, null),
                    List.of(),
                    List.of(),
                    ModelOptions.DEFAULT,
                    HiveOpenOptions.DEFAULT,
                    new AnalysisRequest.RunInfo("test", Instant.parse("2026-01-01T00:00:00Z"), null, null)));
            collect(a);
        }
        for (Class<?> c : writtenOut()) {
            if (FOUND.getOrDefault(c, List.of()).size() < 2) {
                FOUND.put(c, synthesized(c));
            }
        }
    }

    /**
     * Instances of a record an analysis does not keep (a reader's working state), made from values the
     * analyses hold: each component's pool is the found instances of its type (a list's: none, one, two
     * of its element type), and the n-th instance takes the n-th value of every pool.
     */
    private static List<Object> synthesized(Class<?> c) throws ReflectiveOperationException {
        RecordComponent[] components = c.getRecordComponents();
        List<List<Object>> pools = new ArrayList<>();
        for (RecordComponent rc : components) {
            pools.add(pool(rc.getGenericType()));
        }
        List<Object> out = new ArrayList<>();
        Constructor<?> canonical = canonical(c);
        for (int n = 0; n < 6; n++) {
            Object[] args = new Object[components.length];
            for (int i = 0; i < args.length; i++) {
                List<Object> pool = pools.get(i);
                args[i] = pool.isEmpty() ? null : pool.get(n % pool.size());
            }
            try {
                out.add(canonical.newInstance(args));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(
                        c.getName() + ": no instance in the analyses and none made from "
                                + java.util.Arrays.toString(args),
                        e);
            }
        }
        return out;
    }

    private static List<Object> pool(java.lang.reflect.Type type) {
        if (type instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() == List.class) {
            List<Object> elements = pool(pt.getActualTypeArguments()[0]);
            List<Object> out = new ArrayList<>();
            out.add(List.of());
            if (!elements.isEmpty()) {
                out.add(List.of(elements.get(0)));
                out.add(List.copyOf(elements.subList(0, Math.min(2, elements.size()))));
            }
            return out;
        }
        if (type instanceof java.lang.reflect.ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
            // Evidenced<String>: the found instances whose value is of the argument's type
            java.lang.reflect.Type arg = pt.getActualTypeArguments()[0];
            return FOUND.getOrDefault(raw, List.of()).stream()
                    .filter(o -> !(arg instanceof Class<?> a) || a.isInstance(componentValue(o, 0)))
                    .toList();
        }
        if (type == long.class) {
            return List.of(0L, 1L, 4096L);
        }
        if (type == int.class) {
            return List.of(0, 1, 2);
        }
        if (type == boolean.class) {
            return List.of(false, true);
        }
        if (type == String.class) {
            return List.of("a", "b", "c");
        }
        return type instanceof Class<?> raw ? FOUND.getOrDefault(raw, List.of()) : List.of();
    }

    private static Object componentValue(Object record, int i) {
        try {
            return value(record.getClass().getRecordComponents()[i], record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every record class of the analyzer that declares its own equals. */
    private static Set<Class<?>> writtenOut() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(Analysis.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        Set<Class<?>> out = new LinkedHashSet<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(f).toString().replace('/', '.').replace('\\', '.');
                Class<?> c = Class.forName(
                        name.substring(0, name.length() - ".class".length()),
                        false,
                        RecordMethodsTest.class.getClassLoader());
                if (c.isRecord() && declaresEquals(c)) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** Whether equals is written in the source: javac declares a record's own {@code final}. */
    private static boolean declaresEquals(Class<?> c) {
        try {
            return !Modifier.isFinal(c.getDeclaredMethod("equals", Object.class).getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void everyWrittenOutRecordIsFoundInTheAnalyses() throws Exception {
        Set<Class<?>> written = writtenOut();
        assertThat(written).hasSizeGreaterThanOrEqualTo(16);
        for (Class<?> c : written) {
            assertThat(FOUND.getOrDefault(c, List.of()))
                    .as("instances of %s in the analyses", c.getName())
                    .hasSizeGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void equalsAndHashCodeAreTheRecordsOwn() throws Exception {
        for (Class<?> c : writtenOut()) {
            List<Object> instances = FOUND.getOrDefault(c, List.of());
            RecordComponent[] components = c.getRecordComponents();
            Constructor<?> canonical = canonical(c);
            int checked = 0;
            for (Object a : instances) {
                assertThat(a.hashCode()).as("hash of %s", a).isEqualTo(recordHash(a, components));
                assertThat(a.equals(null)).isFalse();
                assertThat(a.equals(new Object())).isFalse();
                for (int i = 0; i < components.length; i++) {
                    for (Object b : instances) {
                        Object copy = withComponent(canonical, components, a, i, value(components[i], b));
                        if (copy == null) {
                            continue;
                        }
                        boolean same = sameComponents(a, copy, components);
                        assertThat(a.equals(copy)).as("%s equals %s", a, copy).isEqualTo(same);
                        assertThat(copy.equals(a)).isEqualTo(same);
                        assertThat(copy.hashCode()).isEqualTo(recordHash(copy, components));
                        checked++;
                    }
                }
            }
            assertThat(checked).as("comparisons made for %s", c.getName()).isPositive();
        }
    }

    /** The record's own hash: each component's hash folded from zero with 31. */
    private static int recordHash(Object r, RecordComponent[] components) throws ReflectiveOperationException {
        int h = 0;
        for (RecordComponent rc : components) {
            h = 31 * h + Objects.hashCode(value(rc, r));
        }
        return h;
    }

    private static boolean sameComponents(Object a, Object b, RecordComponent[] components)
            throws ReflectiveOperationException {
        for (RecordComponent rc : components) {
            if (!Objects.equals(value(rc, a), value(rc, b))) {
                return false;
            }
        }
        return true;
    }

    private static Object value(RecordComponent rc, Object r) throws ReflectiveOperationException {
        var accessor = rc.getAccessor();
        accessor.setAccessible(true);
        return accessor.invoke(r);
    }

    private static Constructor<?> canonical(Class<?> c) throws NoSuchMethodException {
        Class<?>[] types =
                Stream.of(c.getRecordComponents()).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Constructor<?> k = c.getDeclaredConstructor(types);
        k.setAccessible(true);
        return k;
    }

    /** A copy of {@code r} with component {@code i} replaced, or null where the record refuses it. */
    private static Object withComponent(
            Constructor<?> canonical, RecordComponent[] components, Object r, int i, Object v)
            throws ReflectiveOperationException {
        Object[] args = new Object[components.length];
        for (int k = 0; k < components.length; k++) {
            args[k] = k == i ? v : value(components[k], r);
        }
        try {
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            return null;
        }
    }

    private static void push(Deque<Object> todo, Object o) {
        if (o != null) {
            todo.add(o);
        }
    }

    /** Every object reachable from the analysis through fields, collections, maps, optionals and arrays. */
    private static void collect(Object root) throws IllegalAccessException {
        Map<Object, Boolean> seen = new IdentityHashMap<>();
        Deque<Object> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty() && seen.size() < 2_000_000) {
            Object o = todo.poll();
            if (o == null || seen.put(o, Boolean.TRUE) != null) {
                continue;
            }
            Class<?> c = o.getClass();
            if (o instanceof Collection<?> coll) {
                new ArrayList<>(coll).forEach(x -> push(todo, x));
            } else if (o instanceof Map<?, ?> m) {
                new ArrayList<>(m.keySet()).forEach(x -> push(todo, x));
                new ArrayList<>(m.values()).forEach(x -> push(todo, x));
            } else if (o instanceof Optional<?> opt) {
                opt.ifPresent(x -> push(todo, x));
            } else if (c.isArray() && !c.getComponentType().isPrimitive()) {
                for (int i = 0; i < Array.getLength(o); i++) {
                    push(todo, Array.get(o, i));
                }
            } else if (c.getName().startsWith("org.portmortem.")
                    // records of the hive package (warnings), not the hives themselves
                    && (c.isRecord() || !c.getName().startsWith("org.portmortem.hive."))
                    && !(o instanceof Enum<?>)) {
                if (c.isRecord()) {
                    FOUND.computeIfAbsent(c, k -> new ArrayList<>()).add(o);
                }
                for (Class<?> k = c; k != null && k.getName().startsWith("org.portmortem."); k = k.getSuperclass()) {
                    for (Field f : k.getDeclaredFields()) {
                        if (Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) {
                            continue;
                        }
                        f.setAccessible(true);
                        push(todo, f.get(o));
                    }
                }
            }
        }
        // a bounded sample of each class, distinct values first, so the pairwise checks stay quick
        for (Map.Entry<Class<?>, List<Object>> e : FOUND.entrySet()) {
            List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(e.getValue()));
            Set<Integer> keep = new TreeSet<>();
            for (int i = 0; i < distinct.size() && keep.size() < 40; i += Math.max(1, distinct.size() / 40)) {
                keep.add(i);
            }
            e.setValue(new ArrayList<>(keep.stream().map(distinct::get).toList()));
        }
    }
}
