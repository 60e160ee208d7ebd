package org.portmortem.report.rip.text;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.ripper.HiveType;

/**
 * shares' text is RegRipper's, line for line, on every SYSTEM hive and on the written
 * {@link NetworkSettingsHives} (shares with six strings, with non-ASCII names, with one string, with a string
 * without {@code =} and an empty Remark;
 * AutoShareServer and AutoShareWks; a control set without the Shares key), with no rewrite.
 */
class SharesTextTest {
    @TestFactory
    Stream<DynamicTest> sharesTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SYSTEM, "shares", UnaryOperator.identity(), NetworkSettingsHives.both());
    }
}
