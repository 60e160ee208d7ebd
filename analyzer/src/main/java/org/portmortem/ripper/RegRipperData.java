package org.portmortem.ripper;

import java.time.Instant;
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
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private RegRipperData() {}

    /** A UTC time as RegRipper prints it, e.g. {@code 2012-04-04 01:58:40Z}. */
    public static String time(Instant t) {
        return TIME.format(t);
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
