package org.portmortem.report.rip.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.report.CommandRun;
import org.portmortem.ripper.HiveType;

/**
 * portproxy's text is RegRipper's, line for line, on every SYSTEM hive and on the written
 * {@link NetworkSettingsHives#settings()} (v4tov4 forwardings, and a v6tov4 one that PortMortem adds
 * on {@code PortProxy:} lines), with no rewrite.
 *
 * <p>RegRipper reads ControlSet001 whatever {@code Select\Current} says. On a hive whose control set in
 * use is another ({@link NetworkSettingsHives#emptiedSecondSet()}), RegRipper's text is ControlSet001's
 * and cannot be rewritten into ControlSet002's: that hive is left out of the diff, and a test of its
 * own pins PortMortem's text there.
 */
class PortProxyTextTest {
    @TestFactory
    Stream<DynamicTest> portproxyTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SYSTEM, "portproxy", UnaryOperator.identity(), List.of(NetworkSettingsHives.settings()));
    }

    @Test
    void readsTheControlSetInUseInRegRippersLayoutAndSaysRegRipperReadsControlSet001() throws Exception {
        Path hive = NetworkSettingsHives.emptiedSecondSet();
        CommandRun ours = CommandRun.of("rip", "-r", hive.toString(), "-p", "portproxy", "--no-logs", "--raw");
        assertThat(ours.out())
                .contains("PortMortem: RegRipper's portproxy reads ControlSet001 whatever Select\\Current"
                        + " says; this reads ControlSet002, the control set in use\n");
        assertThat(RegRipperTextDiff.ours(hive, "portproxy")).isEqualTo("""
                PortProxy v.20210622
                (System) Get port proxy configuration from PortProxy key

                ControlSet002\\Services\\PortProxy\\v4tov4\\tcp
                LastWrite Time 2002-06-01 12:00:00Z

                0.0.0.0/9090 - 10.0.0.9/90

                """);
        assumeTrue(Files.isExecutable(RegRipperTextDiff.REGRIPPER), "regripper is not installed");
        assertThat(RegRipperTextDiff.regRipper(hive, "portproxy"))
                .contains("ControlSet001\\Services\\PortProxy\\v4tov4\\tcp\n", "0.0.0.0/8080 - 10.0.0.5/80");
    }
}
