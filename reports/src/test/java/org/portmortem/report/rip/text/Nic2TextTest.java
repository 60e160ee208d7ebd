package org.portmortem.report.rip.text;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.ripper.HiveType;

/**
 * nic2's text is RegRipper's, line for line, on every SYSTEM hive and on the written
 * {@link NetworkSettingsHives} (REG_BINARY data holding NUL, line feed, carriage return, escape and
 * Latin-1 bytes; a REG_QWORD; lease times; a network hint; a per-network subkey; an interface with no
 * values; a control set whose Interfaces key has no subkeys), with no rewrite: stored bytes are
 * printed as RegRipper prints them.
 */
class Nic2TextTest {
    @TestFactory
    Stream<DynamicTest> nic2TextIsRegRippersOnEverySystemHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.SYSTEM, "nic2", UnaryOperator.identity(), NetworkSettingsHives.both());
    }
}
