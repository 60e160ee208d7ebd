package org.portmortem.hive;

import java.util.Comparator;

/**
 * A Windows SYSTEMTIME as stored in a value: eight little-endian 16-bit words, unsigned (year, month,
 * day of week, day, hour, minute, second, milliseconds). Source: Microsoft, "SYSTEMTIME structure
 * (minwinbase.h)", https://learn.microsoft.com/windows/win32/api/minwinbase/ns-minwinbase-systemtime.
 *
 * <p>No field is checked: time-zone rules store a month with a zero year and the week's occurrence in
 * {@code day}, and NetworkList profiles store local times; callers decide what a field means.
 */
public record SystemTime(int year, int month, int dayOfWeek, int day, int hour, int minute, int second, int millis)
        implements Comparable<SystemTime> {

    private static final Comparator<SystemTime> CHRONOLOGICAL = Comparator.comparingInt(SystemTime::year)
            .thenComparingInt(SystemTime::month)
            .thenComparingInt(SystemTime::day)
            .thenComparingInt(SystemTime::hour)
            .thenComparingInt(SystemTime::minute)
            .thenComparingInt(SystemTime::second)
            .thenComparingInt(SystemTime::millis);

    /** Decodes the first 16 bytes of {@code raw}; the caller checks the length. */
    static SystemTime of(byte[] raw) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (raw[2 * i] & 0xff) | (raw[2 * i + 1] & 0xff) << 8;
        }
        return new SystemTime(w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]);
    }

    /** Chronological order of the stored fields (the day of week ignored), whatever their validity. */
    @Override
    public int compareTo(SystemTime o) {
        return CHRONOLOGICAL.compare(this, o);
    }
}
