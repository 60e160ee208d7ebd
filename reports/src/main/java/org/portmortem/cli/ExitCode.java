package org.portmortem.cli;

/** The exit codes every subcommand shares, so a pipeline can act on them. */
public final class ExitCode {
    /** The command did what was asked. */
    public static final int OK = 0;
    /** {@code analyze} found something at or above the {@code --fail-on} severity. */
    public static final int FINDINGS = 1;
    /** The command line was wrong. */
    public static final int USAGE = 2;
    /** An input is missing, unreadable or not what it claims to be. */
    public static final int BAD_INPUT = 3;
    /** A bug (an unexpected exception) or out of memory: one line on stderr, {@code --debug} for the trace. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {}
}
