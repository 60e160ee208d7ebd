package org.portmortem.report.text;

import java.io.PrintWriter;
import java.time.temporal.TemporalAccessor;
import java.util.Calendar;
import java.util.Date;
import java.util.Locale;
import org.portmortem.text.HiddenCharacters;

/**
 * Text for a terminal or a text output, with every character that could hide, reorder or rewrite
 * what the examiner reads shown as a visible escape: the characters {@link HiddenCharacters}
 * defines, the same the HTML report marks ({@code org.portmortem.report.VisibleText}). ESC, BEL,
 * BS, CR, LF and NUL become {@code \x1b}, {@code \x07}, {@code \x08}, {@code \x0d}, {@code \x0a},
 * {@code \x00}; U+009B and U+202E become backslash-u escapes ({@code \\u009B}, {@code \\u202E}). Text after a NUL is kept.
 */
public final class TerminalText {
    private TerminalText() {}

    /** The escaped text; {@code null} stays {@code null}. */
    public static String of(String text) {
        return HiddenCharacters.escape(text);
    }

    /**
     * The escaped text cut to at most {@code width} characters for a table cell: a longer text keeps
     * its first {@code width - 1} characters and ends with {@code …}, so one long name cannot widen
     * every row of a table (JSON and CSV keep it whole). A surrogate pair is never split. The result
     * holds nothing {@link #of} would change, so printing it through {@link #writer} keeps it as is.
     */
    public static String cell(String text, int width) {
        String shown = of(text == null ? "" : text);
        if (shown.length() <= width) {
            return shown;
        }
        int keep = width - 1;
        if (keep > 0 && Character.isHighSurrogate(shown.charAt(keep - 1))) {
            keep--;
        }
        return shown.substring(0, keep) + CUT;
    }

    /** The widest a table column of names (process, service, owner) grows. */
    public static final int NAME_WIDTH = 40;

    /** The widest a table column of free text (a reason, a decision's explanation) grows. */
    public static final int TEXT_WIDTH = 160;

    /** The mark of a cell cut to its column's width. */
    public static final String CUT = "\u2026";

    /**
     * A writer over {@code out} that escapes everything printed through it, except the line breaks
     * {@code println} and a format's {@code %n} write: a line break inside a printed string (a value
     * holding LF) is escaped, so one record stays one line. Format arguments are escaped before
     * formatting, so a width pads the escaped text. Closing it does not close {@code out}.
     */
    public static PrintWriter writer(PrintWriter out) {
        return new EscapingWriter(out);
    }

    private static final class EscapingWriter extends PrintWriter {
        private final PrintWriter target;
        /** Set while a format, whose arguments are already escaped, writes its result. */
        private boolean formatting;

        EscapingWriter(PrintWriter target) {
            super(target, false);
            this.target = target;
        }

        @Override
        public void write(String s, int off, int len) {
            String shown = formatting ? s.substring(off, off + len) : of(s.substring(off, off + len));
            super.write(shown, 0, shown.length());
        }

        @Override
        public void write(char[] buf, int off, int len) {
            write(new String(buf, off, len));
        }

        @Override
        public void write(int c) {
            write(String.valueOf((char) c));
        }

        @Override
        public void write(String s) {
            write(s, 0, s.length());
        }

        @Override
        public PrintWriter format(String format, Object... args) {
            return format(Locale.getDefault(Locale.Category.FORMAT), format, args);
        }

        @Override
        public PrintWriter format(Locale l, String format, Object... args) {
            Object[] escaped = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                escaped[i] = escapedArgument(args[i]);
            }
            boolean was = formatting;
            formatting = true;
            try {
                super.format(l, format, escaped);
            } finally {
                formatting = was;
            }
            return this;
        }

        @Override
        public PrintWriter printf(String format, Object... args) {
            return format(format, args);
        }

        @Override
        public PrintWriter printf(Locale l, String format, Object... args) {
            return format(l, format, args);
        }

        @Override
        public void close() {
            flush();
            target.flush();
        }

        /** Numbers, booleans and times keep their type (for %d, %x, %t); the rest is escaped text. */
        private static Object escapedArgument(Object a) {
            if (a == null
                    || a instanceof Number
                    || a instanceof Boolean
                    || a instanceof TemporalAccessor
                    || a instanceof Date
                    || a instanceof Calendar) {
                return a;
            }
            return of(String.valueOf(a));
        }
    }
}
