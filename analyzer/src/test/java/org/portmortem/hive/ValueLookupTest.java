package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.InputException;

/**
 * {@link Key#value(String)} on every readable regf file of the shared corpus: it returns what a search
 * of {@link Key#values()} returns (the first value of that name, case-insensitive), and looking up a
 * name raises exactly the warnings reading every value raises, in the same order, though only the
 * value found has its data copied.
 */
class ValueLookupTest {

    @TestFactory
    Stream<DynamicTest> aLookupFindsWhatASearchOfEveryValueFindsAndWarnsAsItDoes() {
        return TestCorpus.allHiveFiles().stream()
                .filter(TestCorpus::isPrimaryRegf)
                .map(file -> DynamicTest.dynamicTest(
                        TestCorpus.root().relativize(file).toString(), () -> check(file)));
    }

    private static void check(Path file) throws Exception {
        try (Hive hive = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            eachKey(hive, k -> {
                List<Value> all = k.values();
                for (Value v : all) {
                    Optional<Value> first = all.stream()
                            .filter(x -> x.name().equalsIgnoreCase(v.name()))
                            .findFirst();
                    assertThat(k.value(asciiCaseSwapped(v.name())))
                            .as("%s: %s", k.path(), v.name())
                            .isEqualTo(first);
                }
                assertThat(k.value("no value has this name \u0000")).isEmpty();
            });
        } catch (InputException e) {
            return; // refused files are CorpusHivesTest's
        }
        List<HiveWarning> byReading;
        try (Hive hive = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            eachKey(hive, Key::values);
            byReading = hive.warnings();
        }
        try (Hive hive = Hive.open(file, HiveOpenOptions.NO_LOGS)) {
            eachKey(hive, k -> k.value("no value has this name \u0000"));
            assertThat(hive.warnings()).isEqualTo(byReading);
        }
    }

    /** The name with its ASCII letters' case swapped (a lookup is case-insensitive). */
    private static String asciiCaseSwapped(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            sb.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return sb.toString();
    }

    /** Depth first, subkeys in stored order. */
    private static void eachKey(Hive hive, Consumer<Key> visit) {
        Deque<Key> stack = new ArrayDeque<>();
        stack.push(hive.root());
        while (!stack.isEmpty()) {
            Key k = stack.pop();
            visit.accept(k);
            List<Key> subs = new ArrayList<>(k.subkeys());
            for (int i = subs.size() - 1; i >= 0; i--) {
                stack.push(subs.get(i));
            }
        }
    }
}
