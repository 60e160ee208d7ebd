package org.portmortem.report.rip.text;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.report.rip.text.RegRipperTextDiff.Output;
import org.portmortem.ripper.HiveType;

/**
 * networkcards's text is RegRipper's, line for line, on every SOFTWARE hive: the corpus's (none has
 * the key), the reference systems' (which lack it: "not found") and {@link NetworkHives}' written ones
 * (cards with and without a Description, a Description wider than the column, an empty key).
 */
class NetworkCardsTextTest {
    @TestFactory
    Stream<DynamicTest> networkcardsTextIsRegRippersOnEverySoftwareHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SOFTWARE,
                "networkcards",
                Output.TEXT,
                UnaryOperator.identity(),
                List.of(NetworkHives.populated(), NetworkHives.emptyLists()));
    }
}
