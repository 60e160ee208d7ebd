package org.portmortem.hive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.InputException;

/**
 * Every file of the shared corpus, through the public {@link Hive} API: it opens and is traversed
 * completely with every value decoded, or it is refused with one line naming the file. No other
 * exception may escape.
 */
class CorpusHivesTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileOpensOrIsRefusedWithOneLine() {
        return TestCorpus.allHiveFiles().stream()
                .map(file -> DynamicTest.dynamicTest(
                        TestCorpus.root().relativize(file).toString(), () -> openOrRefuse(file)));
    }

    private static void openOrRefuse(Path file) {
        try (Hive hive = Hive.open(file)) {
            assertThat(HiveTraversal.facts(hive)).isNotEmpty();
            assertThat(hive.info().version()).matches("1\\.[0-9]");
            hive.warnings().forEach(w -> assertThat(w.toString()).doesNotContain("\n"));
        } catch (InputException e) {
            assertThat(e.getMessage())
                    .doesNotContain("\n")
                    .contains(file.getFileName().toString());
            assertThat(TestCorpus.isPrimaryRegf(file) && file.toFile().length() > 4096)
                    .as("a primary regf file was refused: %s", e.getMessage())
                    .isFalse();
        } catch (Exception | Error e) {
            fail("unexpected " + e + " from " + file, e);
        }
    }
}
