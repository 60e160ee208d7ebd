package org.portmortem.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.hive.Hive;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.hive.write.HiveWriter;
import org.portmortem.report.CommandRun;
import org.portmortem.report.Fixtures;

/**
 * A case whose service names, display names, values, interface address, computer name and netstat
 * listing hold ESC, BEL, BS, CR, LF, U+009B (a one-character CSI) and U+202E (right-to-left
 * override): no text output of any subcommand, and nothing on standard error, passes one of them
 * to the terminal raw; they show as escapes.
 */
class TerminalInjectionTest {
    /** Clears the screen, rings, moves back, returns, breaks the line, starts a C1 CSI, reverses the text. */
    static final String HOSTILE = "\u001b[2J\u0007\b\rX\n\u009b31m\u202egpj.exe";
    /** The same without the line breaks, for a listing whose lines it must not split. */
    static final String IN_LINE = "\u001b[2J\u0007\b\u009b31m\u202egpj.exe";

    static final String SERVICE = "Evil" + HOSTILE;
    private static final List<Character> RAW = List.of('\u001b', '\u0007', '\b', '\u009b', '\u202e');

    @TempDir
    static Path dir;

    static Path caseDir;

    @BeforeAll
    static void writeHostileCase() throws IOException {
        caseDir = Files.createDirectories(dir.resolve("case"));
        Path xp = Fixtures.folder("winxp-default");
        try (Hive text = Hive.open(xp.resolve("SYSTEM.reg"))) {
            MemoryHive h = MemoryHive.copyOf(text);
            MemoryHive.MemoryKey svc = h.createKey("ControlSet001\\Services\\" + SERVICE);
            svc.putValue("Type", ValueType.REG_DWORD.id(), new byte[] {0x10, 0, 0, 0});
            svc.putValue("Start", ValueType.REG_DWORD.id(), new byte[] {2, 0, 0, 0});
            svc.putValue("ErrorControl", ValueType.REG_DWORD.id(), new byte[] {1, 0, 0, 0});
            svc.putValue("DisplayName", ValueType.REG_SZ.id(), sz("Display " + HOSTILE));
            svc.putValue("ImagePath", ValueType.REG_EXPAND_SZ.id(), sz("C:\\evil\\" + HOSTILE));
            svc.putValue("Description", ValueType.REG_SZ.id(), sz("Description " + HOSTILE));
            svc.putValue("ObjectName", ValueType.REG_SZ.id(), sz("LocalSystem"));
            svc.putValue("DependOnService", ValueType.REG_MULTI_SZ.id(), sz("Missing" + HOSTILE + "\0"));
            svc.putValue("Value" + HOSTILE, ValueType.REG_SZ.id(), sz("data " + HOSTILE));
            h.createKey("ControlSet001\\Control\\ComputerName\\ComputerName")
                    .putValue("ComputerName", ValueType.REG_SZ.id(), sz("PC" + HOSTILE));
            h.createKey("ControlSet001\\Services\\Tcpip\\Parameters")
                    .putValue("Hostname", ValueType.REG_SZ.id(), sz("host" + HOSTILE));
            h.createKey(
                            "ControlSet001\\Services\\Tcpip\\Parameters\\Interfaces\\{9A3F1D27-58C4-4E2B-A6D0-71E5C3B8F294}")
                    .putValue("IPAddress", ValueType.REG_MULTI_SZ.id(), sz("10.0.0.1" + HOSTILE + "\0"));
            h.createKey("ControlSet001\\Services\\Spooler")
                    .putValue("ImagePath", ValueType.REG_EXPAND_SZ.id(), sz("%SystemRoot%\\system32\\spool" + HOSTILE));
            h.createKey("ControlSet001\\Services\\PortProxy\\v4tov4\\tcp")
                    .putValue("0.0.0.0/8080", ValueType.REG_SZ.id(), sz("10.9.9.9" + HOSTILE + "/80"));
            HiveWriter.write(h, caseDir.resolve("SYSTEM"), Instant.parse("2011-05-02T08:30:00Z"));
        }
        try (Hive text = Hive.open(xp.resolve("SOFTWARE.reg"))) {
            MemoryHive h = MemoryHive.copyOf(text);
            h.createKey("Microsoft\\Windows NT\\CurrentVersion")
                    .putValue("RegisteredOwner", ValueType.REG_SZ.id(), sz("Owner " + HOSTILE));
            h.createKey("Microsoft\\Windows NT\\CurrentVersion\\NetworkCards\\9")
                    .putValue("Description", ValueType.REG_SZ.id(), sz("Card " + HOSTILE));
            HiveWriter.write(h, caseDir.resolve("SOFTWARE"), Instant.parse("2011-05-02T08:30:00Z"));
        }
        Files.writeString(
                dir.resolve("netstat.txt"),
                String.join(
                        "\r\n",
                        "",
                        "Active Connections",
                        "",
                        "  Proto  Local Address          Foreign Address        State           PID",
                        "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       412",
                        "  [svc" + IN_LINE + "]",
                        "  TCP    0.0.0.0:4444           0.0.0.0:0              LISTENING       666",
                        "  TCP    garbage" + IN_LINE + "   what",
                        ""),
                StandardCharsets.UTF_8);
    }

    private static byte[] sz(String s) {
        return (s + "\0").getBytes(StandardCharsets.UTF_16LE);
    }

    static Stream<List<String>> textOutputs() {
        String sys = caseDir.resolve("SYSTEM").toString();
        String soft = caseDir.resolve("SOFTWARE").toString();
        return Stream.of(
                List.of("system", caseDir.toString()),
                List.of("services", caseDir.toString()),
                List.of("listeners", caseDir.toString()),
                List.of("rpc", caseDir.toString()),
                List.of("netstat", dir.resolve("netstat.txt").toString()),
                List.of("rip", "-r", sys, "-f", "system"),
                List.of("rip", "-r", soft, "-f", "software"),
                List.of("rip", "-r", sys, "-p", "svc", "--format", "tln"),
                List.of("dump", sys, "--key", "ControlSet001\\Services\\" + SERVICE));
    }

    @ParameterizedTest
    @MethodSource("textOutputs")
    void noHostileCharacterReachesTheTerminalRaw(List<String> args) {
        CommandRun r = CommandRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as("%s: %s", args, r.err()).isZero();
        for (char c : RAW) {
            assertThat(r.out().indexOf(c))
                    .as("%s: U+%04X on stdout:%n%s", args, (int) c, r.out())
                    .isNegative();
            assertThat(r.err().indexOf(c))
                    .as("%s: U+%04X on stderr:%n%s", args, (int) c, r.err())
                    .isNegative();
        }
        assertThat(r.out().replace("\r\n", "\n").indexOf('\r'))
                .as("%s: a CR on stdout", args)
                .isNegative();
        assertThat(r.err().indexOf('\r')).as("%s: a CR on stderr", args).isNegative();
        assertThat(r.out() + r.err())
                .as("%s shows the hostile text as escapes", args)
                .contains("\\x1b[2J\\x07\\x08")
                .contains("\\u009B31m\\u202Egpj.exe");
    }

    @org.junit.jupiter.api.Test
    void ripWithRawPrintsTheHivesCharactersAsRegRipperDoes() {
        CommandRun r = CommandRun.of("rip", "-r", caseDir.resolve("SYSTEM").toString(), "-p", "compname", "--raw");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("ComputerName    = PC" + HOSTILE);
    }
}
