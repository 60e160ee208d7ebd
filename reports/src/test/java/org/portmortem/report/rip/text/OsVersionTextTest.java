package org.portmortem.report.rip.text;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.report.rip.text.RegRipperTextDiff.Output;
import org.portmortem.ripper.HiveType;

/**
 * osversion's text is RegRipper's, line for line, and its TLN is osversion_tln's, on every NTUSER
 * hive: the corpus's (none has the value: "OSVersion value not found.") and two written ones, one
 * whose {@code Software\Microsoft} holds an OSVersion value as malware sets it, one without that key.
 */
class OsVersionTextTest {
    private static final List<Path> WRITTEN = List.of(
            RegRipperTextDiff.writtenHive("osversion-NTUSER.DAT", () -> user(true)),
            RegRipperTextDiff.writtenHive("no-microsoft-NTUSER.DAT", () -> user(false)));

    /** A user hive (Control Panel, Environment, Software), with or without Software\Microsoft and its OSVersion. */
    private static MemoryHive user(boolean microsoft) {
        MemoryHive h = MemoryHive.empty("NTUSER.DAT", "CMI-CreateHive{D43B12B8-09B5-40DB-B4F6-F6DFEB78DAEC}");
        h.createKey("Control Panel\\Desktop");
        h.createKey("Environment")
                .putValue(
                        "TEMP",
                        ValueType.REG_EXPAND_SZ.id(),
                        "%USERPROFILE%\\Local Settings\\Temp\0".getBytes(StandardCharsets.UTF_16LE));
        h.createKey("Software\\Classes");
        if (microsoft) {
            h.createKey("Software\\Microsoft")
                    .putValue(
                            "OSVersion",
                            ValueType.REG_SZ.id(),
                            "5.1.2600 Service Pack 2\0".getBytes(StandardCharsets.UTF_16LE));
            h.createKey("Software\\Microsoft").setLastWritten(Instant.parse("2009-11-23T22:18:32.250Z"));
        }
        return h;
    }

    @TestFactory
    Stream<DynamicTest> osversionTextIsRegRippersOnEveryUserHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.NTUSER, "osversion", Output.TEXT, UnaryOperator.identity(), WRITTEN);
    }

    @TestFactory
    Stream<DynamicTest> osversionTimelineIsOsversionTlnsOnEveryUserHive() {
        return RegRipperTextDiff.onEveryHive(
                HiveType.NTUSER, "osversion", Output.TLN, UnaryOperator.identity(), WRITTEN);
    }
}
