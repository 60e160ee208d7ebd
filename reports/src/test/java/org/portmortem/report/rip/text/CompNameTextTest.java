package org.portmortem.report.rip.text;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.ripper.HiveType;

/** compname's text is RegRipper's, line for line, on every SYSTEM hive. */
class CompNameTextTest {
    @TestFactory
    Stream<DynamicTest> compnameTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(HiveType.SYSTEM, "compname", UnaryOperator.identity());
    }
}
