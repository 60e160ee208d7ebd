package org.portmortem.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portmortem.hive.MemoryHive;
import org.portmortem.hive.ValueType;
import org.portmortem.report.CommandRun;

/**
 * A service named {@code =HYPERLINK("x")}, a service image of that name (so it is the process of
 * Messenger's listener and RPC endpoints) and a netstat process of that name reach every CSV output
 * as text: the cell starts with a single quote, never with {@code =}.
 */
class CsvFormulaTest {
    private static final String FORMULA = "=HYPERLINK(\"x\")";
    /** A cell that starts with the formula, quoted or not: what a spreadsheet would evaluate. */
    private static final Pattern EVALUATED = Pattern.compile("(^|,)\"?=HYPERLINK", Pattern.MULTILINE);

    @TempDir
    static Path dir;

    static Path caseDir;

    @BeforeAll
    static void writeCase() throws IOException {
        caseDir = CraftedCase.write(dir.resolve("case"), h -> {
            MemoryHive.MemoryKey svc = h.createKey("ControlSet001\\Services\\" + FORMULA);
            svc.putValue("Type", ValueType.REG_DWORD.id(), new byte[] {0x10, 0, 0, 0});
            svc.putValue("Start", ValueType.REG_DWORD.id(), new byte[] {2, 0, 0, 0});
            svc.putValue(
                    "ImagePath", ValueType.REG_EXPAND_SZ.id(), (FORMULA + "\0").getBytes(StandardCharsets.UTF_16LE));
            h.createKey("ControlSet001\\Services\\Messenger")
                    .putValue(
                            "ImagePath",
                            ValueType.REG_EXPAND_SZ.id(),
                            (FORMULA + "\0").getBytes(StandardCharsets.UTF_16LE));
        });
        Files.writeString(
                dir.resolve("netstat.txt"),
                String.join(
                        "\r\n",
                        "",
                        "Active Connections",
                        "",
                        "  Proto  Local Address          Foreign Address        State           PID",
                        "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING       412",
                        "  [" + FORMULA + "]",
                        ""),
                StandardCharsets.UTF_8);
    }

    static Stream<List<String>> csvOutputs() {
        String sys = caseDir.resolve("SYSTEM").toString();
        return Stream.of(
                List.of("services", caseDir.toString(), "--format", "csv"),
                List.of("listeners", caseDir.toString(), "--format", "csv"),
                List.of("rpc", caseDir.toString(), "--format", "csv"),
                List.of("netstat", dir.resolve("netstat.txt").toString(), "--format", "csv"),
                List.of("dump", sys, "--key", "ControlSet001\\Services", "--format", "csv"),
                List.of("rip", "-r", sys, "-p", "svc", "--format", "csv"));
    }

    @ParameterizedTest
    @MethodSource("csvOutputs")
    void aFormulaFromTheImageIsWrittenAsText(List<String> args) {
        CommandRun r = CommandRun.of(args.toArray(String[]::new));
        assertThat(r.exit()).as("%s: %s", args, r.err()).isZero();
        assertThat(r.out()).as("%s", args).contains("'=HYPERLINK(");
        assertThat(EVALUATED.matcher(r.out()).find())
                .as("%s: a cell starts with the formula:%n%s", args, r.out())
                .isFalse();
    }
}
