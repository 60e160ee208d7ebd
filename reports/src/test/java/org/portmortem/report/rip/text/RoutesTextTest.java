package org.portmortem.report.rip.text;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.ripper.HiveType;

/**
 * routes' text is RegRipper's, line for line, on every SYSTEM hive and on the written
 * {@link NetworkSettingsHives} (routes without a metric and with a comma in it; a control set without
 * the key), with no rewrite.
 */
class RoutesTextTest {
    @TestFactory
    Stream<DynamicTest> routesTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SYSTEM, "routes", UnaryOperator.identity(), NetworkSettingsHives.both());
    }
}
