package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the runnable jar is built from (this module's classes and resources, which the shade plugin
 * packs with the analyzer's): the product and the demo's reference system, no benchmark, fixture tool
 * or hostile fixture. The test class path also holds the bench module (the fleet tests use its
 * generator), so the check looks at the module's own output folder, not at the class loader.
 */
class ProductContentsTest {

    private static Path productClasses() throws URISyntaxException {
        return Path.of(PortMortemCommand.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
    }

    @Test
    void theDemoReferenceSystemIsBundled() throws URISyntaxException {
        for (String name : DemoCommand.FILES) {
            assertThat(productClasses().resolve(DemoCommand.REFERENCE_SYSTEM).resolve(name))
                    .as(name)
                    .isRegularFile();
        }
    }

    @Test
    void noBenchmarkFixtureToolOrHostileFixtureIsBundled() throws URISyntaxException {
        Path classes = productClasses();
        assertThat(Files.exists(classes.resolve("org/portmortem/bench"))).isFalse();
        assertThat(Files.exists(classes.resolve("fixtures/tools"))).isFalse();
        assertThat(Files.exists(classes.resolve("fixtures/hostile"))).isFalse();
        assertThat(Files.exists(classes.resolve("fixtures/winxp-default"))).isFalse();
        assertThat(Files.exists(classes.resolve("fixtures/README.md"))).isFalse();
        // The analyzer's classes are packed too: no benchmark there either.
        Path analyzer = Path.of(org.portmortem.InputException.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .getPath());
        assertThat(Files.isDirectory(analyzer) ? Files.exists(analyzer.resolve("org/portmortem/bench")) : false)
                .isFalse();
    }
}
