package org.portmortem.report.rip.text;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Perl's {@code scalar gmtime(SECONDS)}, as RegRipper prints a LastWrite time: {@code Sat Apr  7
 * 09:48:31 2012} (English day and month abbreviations, the day of the month padded with a space).
 *
 * <p>Written by hand for the years 1000 to 9999, every FILETIME a hive can hold up to 9999: the
 * date-time formatter's English day and month names load the JDK's locale data on first use, most
 * of a {@code rip -p services} run's time after the hive read (bench/README.md). Other years keep
 * the formatter, whose output for them this class does not try to reproduce.
 */
final class PerlGmtime {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private PerlGmtime() {}

    /** The text of the whole second {@code epochSecond}, in UTC. */
    static String of(long epochSecond) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return Formatter.GMTIME.format(Instant.ofEpochSecond(epochSecond));
        }
        StringBuilder b = new StringBuilder(24);
        b.append(DAYS[t.getDayOfWeek().ordinal()]).append(' ');
        b.append(MONTHS[t.getMonthValue() - 1]).append(' ');
        if (t.getDayOfMonth() < 10) {
            b.append(' ');
        }
        b.append(t.getDayOfMonth()).append(' ');
        twoDigits(b, t.getHour()).append(':');
        twoDigits(b, t.getMinute()).append(':');
        twoDigits(b, t.getSecond()).append(' ');
        return b.append(t.getYear()).toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** The formatter, made only when a year outside 1000 to 9999 needs it; also the tests' reference. */
    static final class Formatter {
        static final DateTimeFormatter GMTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);

        private Formatter() {}
    }
}
