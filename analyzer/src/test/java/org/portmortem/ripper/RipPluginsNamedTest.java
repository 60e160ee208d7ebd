package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Naming a plugin finds the same plugin as the full list, whether it is a class or a value plugin. */
class RipPluginsNamedTest {
    @Test
    void everyPluginIsFoundByItsNameInAnyCaseAsTheSameObjectAsInTheList() {
        assertThat(RipPlugins.all()).hasSizeGreaterThan(20);
        for (RipPlugin p : RipPlugins.all()) {
            assertThat(RipPlugins.named(p.name())).containsSame(p);
            assertThat(RipPlugins.named(p.name().toUpperCase(java.util.Locale.ROOT)))
                    .containsSame(p);
        }
        assertThat(RipPlugins.named("svc").orElseThrow()).isNotInstanceOf(ValuePlugin.class);
        assertThat(RipPlugins.named("termserv").orElseThrow()).isInstanceOf(ValuePlugin.class);
        assertThat(RipPlugins.named("no-such-plugin")).isEmpty();
    }

    @Test
    void everyClassPluginIsMadeUnderTheNameItReports() {
        for (String name : RipPlugins.CLASS_NAMES) {
            RipPlugin p = RipPlugins.classPlugin(name);
            assertThat(p).as(name).isNotNull().isNotInstanceOf(ValuePlugin.class);
            assertThat(p.name()).isEqualTo(name);
        }
        long classes = RipPlugins.all().stream()
                .filter(p -> !(p instanceof ValuePlugin))
                .count();
        assertThat(classes).isEqualTo(RipPlugins.CLASS_NAMES.size());
        assertThat(RipPlugins.classPlugin("termserv")).isNull();
    }
}
