package org.portmortem.report.rip.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portmortem.ripper.RipPlugin;
import org.portmortem.ripper.RipPlugins;

/** Every ported RegRipper plugin prints RegRipper's own layout; only PortMortem's additions use the generic one. */
class PluginTextsTest {
    @Test
    void everyPluginRegRipperHasFollowsRegRippersLayoutAndNoAdditionDoes() {
        for (RipPlugin p : RipPlugins.all()) {
            boolean ported = !p.regRipperVersion().isEmpty();
            assertThat(PluginTexts.followsRegRipper(p))
                    .as(p.name() + (ported ? " (RegRipper " + p.regRipperVersion() + ")" : " (PortMortem addition)"))
                    .isEqualTo(ported);
            assertThat(PluginTexts.of(p) instanceof GenericText).as(p.name()).isEqualTo(!ported);
        }
        assertThat(RipPlugins.all().stream()
                        .filter(p -> !p.regRipperVersion().isEmpty())
                        .map(RipPlugin::name))
                .containsExactlyInAnyOrder(
                        "compname",
                        "winver",
                        "osversion",
                        "timezone",
                        "shutdown",
                        "services",
                        "svc",
                        "svcdll",
                        "nic2",
                        "ips",
                        "networkcards",
                        "networklist",
                        "routes",
                        "shares",
                        "rdpport",
                        "termserv",
                        "remoteaccess",
                        "portproxy",
                        "dcom",
                        "disableremotescm",
                        "netsh");
    }
}
