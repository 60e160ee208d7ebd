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
    void everyClassPluginReportsTheNameItIsFoundUnderAndIsInTheList() {
        for (RipPlugins.ClassPlugin c : RipPlugins.ClassPlugin.values()) {
            RipPlugin p = c.plugin();
            assertThat(p).as(c.pluginName).isNotInstanceOf(ValuePlugin.class);
            assertThat(p.name()).isEqualTo(c.pluginName);
            assertThat(RipPlugins.all()).as(c.pluginName).containsOnlyOnce(p);
        }
        // every plugin of the list that is not a value plugin is a ClassPlugin: none is made anywhere else
        assertThat(RipPlugins.all().stream().filter(p -> !(p instanceof ValuePlugin)))
                .hasSize(RipPlugins.ClassPlugin.values().length);
        assertThat(RipPlugins.ClassPlugin.named("termserv")).isNull();
    }
}
