package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.portmortem.report.CommandRun;

/** A run builds the picocli model of the subcommand it names only (start-up), and every one when it must list or suggest them. */
class SubcommandSelectionTest {

    @Test
    void aRunBuildsOnlyTheSubcommandItNames() {
        assertThat(PortMortemCommand.commandLine("services", "--system", "S").getSubcommands())
                .containsOnlyKeys("services");
        assertThat(PortMortemCommand.commandLine("--debug", "dump", "H").getSubcommands())
                .containsOnlyKeys("dump");
    }

    @Test
    void everyNameInTheTableIsTheNameItsCommandAnnotationGives() {
        PortMortemCommand.SUBCOMMANDS.forEach((name, type) -> assertThat(
                        type.getAnnotation(picocli.CommandLine.Command.class).name())
                .as(type.getSimpleName())
                .isEqualTo(name));
    }

    @Test
    void versionAloneBuildsNoSubcommand() {
        assertThat(PortMortemCommand.commandLine("--version").getSubcommands()).isEmpty();
    }

    @Test
    void helpATypoOrNoArgumentBuildEverySubcommand() {
        for (String[] args : new String[][] {{}, {"help"}, {"--help"}, {"analyse"}}) {
            assertThat(PortMortemCommand.commandLine(args).getSubcommands().keySet())
                    .as(String.join(" ", args))
                    .containsAll(PortMortemCommand.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void aTypoStillGetsASuggestion() {
        CommandRun r = CommandRun.of("analyse");
        assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("Did you mean: portmortem analyze");
    }
}
