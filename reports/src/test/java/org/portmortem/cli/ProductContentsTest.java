package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the runnable jar is built from (the module's classes and resources, which the shade plugin
 * packs): the product and the demo's reference system, no benchmark, fixture tool or hostile fixture.
 */
class ProductContentsTest {
    private final ClassLoader loader = ProductContentsTest.class.getClassLoader();

    @Test
    void theDemoReferenceSystemIsBundled() {
        for (String name : DemoCommand.FILES) {
            assertThat(loader.getResource(DemoCommand.REFERENCE_SYSTEM + "/" + name)).as(name).isNotNull();
        }
    }

    @Test
    void noBenchmarkFixtureToolOrHostileFixtureIsBundled() {
        assertThat(loader.getResource("org/portmortem/bench/")).isNull();
        assertThat(loader.getResource("fixtures/tools/build.py")).isNull();
        assertThat(loader.getResource("fixtures/hostile/SYSTEM.reg")).isNull();
        assertThat(loader.getResource("fixtures/winxp-default/SYSTEM.reg")).isNull();
        assertThat(loader.getResource("fixtures/README.md")).isNull();
    }
}
