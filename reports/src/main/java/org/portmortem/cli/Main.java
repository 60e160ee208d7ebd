package org.portmortem.cli;

import org.portmortem.BundledResource;

/**
 * The jar's entry point. {@code --version} alone is answered here, before {@link PortMortemCommand}
 * is even initialised: its static table of subcommands loads every subcommand class and picocli, which
 * a one-line answer does not need (JVM start-up is then the whole run). Everything else goes to
 * {@link PortMortemCommand#run}.
 */
public final class Main {
    private Main() {}

    /** Runs one subcommand and exits with its code. */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(versionLine());
            System.exit(ExitCode.OK);
        }
        System.exit(PortMortemCommand.run(args));
    }

    /** {@code portmortem VERSION}: the line {@code --version} prints. */
    static String versionLine() {
        return "portmortem " + version();
    }

    /** The tool version, as built. */
    static String version() {
        return BundledResource.properties(Main.class, "/portmortem-version.properties")
                .getProperty("version", "unknown");
    }
}
