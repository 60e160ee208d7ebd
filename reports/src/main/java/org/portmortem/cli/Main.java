package org.portmortem.cli;

import org.portmortem.BundledResource;

/**
 * The jar's entry point. {@code --version} alone is answered here, before {@link PortMortemCommand}
 * is even initialised: its static table of subcommands loads every subcommand class and picocli, which
 * a one-line answer does not need (JVM start-up is then the whole run). Everything else goes to
 * {@link PortMortemCommand#run}, with picocli's converters for java.time and java.sql types turned off.
 */
public final class Main {
    /** picocli's system property: regular expressions of the types whose built-in converters it skips. */
    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    /**
     * No option is of a java.time or java.sql type without a converter of its own
     * ({@code PicocliConvertersTest} checks it), and registering picocli's converters for them loads and
     * initialises those classes by reflection on every run: 17 ms of a {@code dump} (bench/README.md).
     */
    static final String UNUSED_CONVERTERS = "java[.](time|sql)[.].*";

    /**
     * picocli's system property that stops its default factory looking for Groovy's {@code Closure}
     * class, which no command of ours takes: the failed lookup searched the class path, opening and
     * indexing the jar's 2,900 entries on every run (bench/README.md).
     */
    static final String NO_CLOSURES = "picocli.disable.closures";

    private Main() {}

    /** Runs one subcommand and exits with its code. */
    public static void main(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(versionLine());
            System.exit(ExitCode.OK);
        }
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, UNUSED_CONVERTERS);
        }
        if (System.getProperty(NO_CLOSURES) == null) {
            System.setProperty(NO_CLOSURES, "true");
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
