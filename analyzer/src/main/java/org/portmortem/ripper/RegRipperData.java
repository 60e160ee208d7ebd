package org.portmortem.ripper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.portmortem.hive.Value;
import org.portmortem.hive.ValueType;

/**
 * Data and times written the way RegRipper prints them, so that its output and ours can be diffed:
 * numbers in decimal, strings as stored, times as {@code 2012-04-04 01:58:40Z} (RegRipper's
 * {@code getDateFromEpoch} followed by {@code Z}).
 */
public final class RegRipperData {

    private RegRipperData() {}

    /**
     * A UTC time as RegRipper prints it, e.g. {@code 2012-04-04 01:58:40Z}. Written by hand for the
     * years 1000 to 9999 (a single-key plugin prints one time, and the formatter's first use costs
     * more than the rest of the text); other years as the formatter writes them.
     */
    public static String time(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        if (d.getYear() < 1000 || d.getYear() > 9999) {
            return Formatter.TIME.format(t);
        }
        StringBuilder b = new StringBuilder(20).append(d.getYear()).append('-');
        twoDigits(b, d.getMonthValue()).append('-');
        twoDigits(b, d.getDayOfMonth()).append(' ');
        twoDigits(b, d.getHour()).append(':');
        twoDigits(b, d.getMinute()).append(':');
        return twoDigits(b, d.getSecond()).append('Z').toString();
    }

    private static StringBuilder twoDigits(StringBuilder b, int n) {
        return b.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }

    /** The formatter, made only for a year outside 1000 to 9999; also the tests' reference. */
    static final class Formatter {
        static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

        private Formatter() {}
    }

    /**
     * A value's data as Parse::Win32Registry's {@code get_data} gives it to a plugin in scalar
     * context: strings as stored (cut at the first NUL), DWORD and QWORD as unsigned decimal, the
     * strings of a REG_MULTI_SZ joined by a space, anything else as lower-case hexadecimal.
     */
    public static String of(Value v) {
        if (v.isString()) {
            return v.asString();
        }
        if (v.isNumber()) {
            return v.type() == ValueType.REG_QWORD ? Long.toUnsignedString(v.asLong()) : Long.toString(v.asLong());
        }
        if (v.type() == ValueType.REG_MULTI_SZ) {
            return String.join(" ", v.asStrings());
        }
        return v.rawHex().toLowerCase(java.util.Locale.ROOT);
    }
}
