package org.portmortem.fleet.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.portmortem.cli.PortMortemCommand;

/**
 * The {@code spark-submit} entry point: {@code portmortem fleet --engine spark ARGS}, with the same
 * options and outputs as the command.
 *
 * <pre>spark-submit --class org.portmortem.fleet.spark.SparkFleet portmortem-fleet.jar INPUT... --out DIR</pre>
 */
public final class SparkFleet {
    private SparkFleet() {}

    public static void main(String[] args) {
        List<String> all = new ArrayList<>(List.of("fleet", "--engine", "spark"));
        all.addAll(Arrays.asList(args));
        int code = PortMortemCommand.commandLine().execute(all.toArray(String[]::new));
        if (code != 0) {
            System.exit(code);
        }
    }
}
