package org.portmortem.report;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.portmortem.cli.PortMortemCommand;
import picocli.CommandLine;

/**
 * One in-process run of the command line, with what it printed.
 *
 * @param exit the exit code
 * @param out standard output
 * @param err standard error
 */
public record CommandRun(int exit, String out, String err) {

    /** Runs {@code portmortem ARGS} in this JVM, as {@code main} does. */
    public static CommandRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = PortMortemCommand.commandLine(args);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CommandRun(exit, out.toString(), err.toString());
    }
}
