package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/**
 * {@link Main} turns off picocli's built-in converters for java.time and java.sql types, and its
 * support for Groovy closures; no option or parameter of any subcommand may rely on them.
 */
class PicocliConvertersTest {
    @Test
    void everyJavaTimeOrSqlTypedArgumentHasItsOwnConverter() {
        List<String> checked = new ArrayList<>();
        List<String> relying = new ArrayList<>();
        visit(PortMortemCommand.commandLine(), checked, relying);
        assertThat(checked).as("arguments checked").hasSizeGreaterThan(50);
        assertThat(relying).isEmpty();
    }

    @Test
    void theExcludedTypesAreExactlyJavaTimeAndJavaSql() {
        assertThat("java.time.Instant").matches(Main.UNUSED_CONVERTERS);
        assertThat("java.sql.Timestamp").matches(Main.UNUSED_CONVERTERS);
        assertThat("java.nio.file.Path").doesNotMatch(Main.UNUSED_CONVERTERS);
        assertThat("java.timeless.X").doesNotMatch(Main.UNUSED_CONVERTERS);
    }

    @Test
    void groovyClosuresCannotBeOnTheClassPathSoTurningThemOffChangesNothing() {
        assertThat(Main.NO_CLOSURES).isEqualTo("picocli.disable.closures");
        assertThatThrownBy(() -> Class.forName("groovy.lang.Closure")).isInstanceOf(ClassNotFoundException.class);
    }

    private static void visit(CommandLine cl, List<String> checked, List<String> relying) {
        for (ArgSpec a : cl.getCommandSpec().args()) {
            String where = cl.getCommandName() + " " + a.paramLabel();
            checked.add(where);
            for (Class<?> t : types(a)) {
                if (t.getName().matches(Main.UNUSED_CONVERTERS)
                        && (a.converters() == null || a.converters().length == 0)) {
                    relying.add(where + " (" + t.getName() + ")");
                }
            }
        }
        cl.getSubcommands().values().forEach(sub -> visit(sub, checked, relying));
    }

    private static List<Class<?>> types(ArgSpec a) {
        List<Class<?>> out = new ArrayList<>(List.of(a.type()));
        if (a.auxiliaryTypes() != null) {
            out.addAll(List.of(a.auxiliaryTypes()));
        }
        return out;
    }
}
