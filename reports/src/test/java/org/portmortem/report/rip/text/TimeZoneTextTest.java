package org.portmortem.report.rip.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.ripper.HiveType;

/**
 * timezone's text is RegRipper's, line for line, on every SYSTEM hive and on the written
 * {@link NetworkSettingsHives} (a TimeZoneKeyName; a control set whose key has no values).
 *
 * <p>One rewrite of RegRipper's text: RegRipper prints TimeZoneKeyName past its first NUL
 * (Parse::Win32Registry chops one terminator only), so on regipy/SYSTEM, whose value holds
 * {@code Eastern Standard Time}, a NUL and memory garbage, it prints the garbage; that line is cut at
 * the NUL, as Windows reads the name and as PortMortem prints it.
 */
class TimeZoneTextTest {
    private static final Pattern KEY_NAME_PAST_NUL = Pattern.compile("(?m)^(  TimeZoneKeyName-> [^\0\n]*)\0[^\n]*$");

    @TestFactory
    Stream<DynamicTest> timezoneTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SYSTEM,
                "timezone",
                t -> KEY_NAME_PAST_NUL.matcher(t).replaceAll(m -> Matcher.quoteReplacement(m.group(1))),
                NetworkSettingsHives.both());
    }
}
