package org.portmortem.report.rip.text;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.ripper.HiveType;

/**
 * ips' text is RegRipper's, line for line, on every SYSTEM hive and on the written
 * {@link NetworkSettingsHives} (a DHCP address with a network hint, one in a per-network subkey, an
 * interface without addresses; a control set whose Interfaces key has no subkeys), with no rewrite.
 */
class IpsTextTest {
    @TestFactory
    Stream<DynamicTest> ipsTextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SYSTEM, "ips", UnaryOperator.identity(), NetworkSettingsHives.both());
    }
}
