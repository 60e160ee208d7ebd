package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code portmortem --help} lists every subcommand on one line, and each has its own man-page help. */
class TopLevelHelpTest {
    private static String help(String... args) {
        CommandLine cl = PortMortemCommand.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute(args)).isZero();
        return out.toString();
    }

    @Test
    void everySubcommandIsListedOnOneLine() {
        String text = help("--help");
        List<String> commandLines = text.substring(text.indexOf("Commands:"), text.indexOf("Exit codes:"))
                .lines()
                .skip(1)
                .filter(l -> !l.isBlank())
                .toList();
        List<String> names =
                List.copyOf(PortMortemCommand.commandLine().getSubcommands().keySet());
        assertThat(commandLines).hasSameSizeAs(names);
        for (int i = 0; i < names.size(); i++) {
            assertThat(commandLines.get(i).trim()).startsWith(names.get(i) + " ");
        }
    }

    @Test
    void everySubcommandHelpHasExamplesAndExitCodes() {
        for (String name : PortMortemCommand.commandLine().getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            String text = help(name, "--help");
            assertThat(text)
                    .as(name)
                    .contains("Usage: portmortem " + name)
                    .containsIgnoringCase("example")
                    .containsIgnoringCase("exit code");
        }
    }
}
