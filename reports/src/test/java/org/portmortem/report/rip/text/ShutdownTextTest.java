package org.portmortem.report.rip.text;

import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.ripper.HiveType;

/**
 * shutdown's text is RegRipper's, line for line, on every SYSTEM hive and on the written
 * {@link NetworkSettingsHives}.
 *
 * <p>One rewrite of RegRipper's text: where Control\Windows has no ShutdownTime value (the written
 * hive's ControlSet002), RegRipper dies calling {@code get_data} on the missing value, so its text ends
 * at the LastWrite line; there {@code ShutdownTime value not found.}, RegRipper's own words for a value
 * without data, is added, as PortMortem prints it.
 */
class ShutdownTextTest {
    private static final Pattern ENDS_AT_LAST_WRITE = Pattern.compile("\nLastWrite time: [^\n]*\n\\z");

    @TestFactory
    Stream<DynamicTest> shutdownTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SYSTEM,
                "shutdown",
                t -> ENDS_AT_LAST_WRITE.matcher(t).find() ? t + "ShutdownTime value not found.\n" : t,
                NetworkSettingsHives.both());
    }
}
