package org.portmortem.cli;

import java.time.Instant;

/**
 * An instant written as ASCII bytes exactly as {@link Instant#toString()} writes it (ISO-8601 in UTC,
 * {@code 2024-02-29T23:59:59.123456700Z}: seconds always, the fraction in groups of three digits as
 * needed), without the date-time formatter: {@code dump} writes one per key. Only years 0 to 9999,
 * which {@code toString} writes as four digits; {@link #fits} says whether an instant is one of them.
 */
final class IsoInstant {
    /** The longest text: {@code yyyy-MM-ddTHH:mm:ss.nnnnnnnnnZ}. */
    static final int MAX_LENGTH = 30;

    private static final long YEAR_0 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    private IsoInstant() {}

    /** Whether the instant falls in the years 0 to 9999. */
    static boolean fits(Instant t) {
        return t.getEpochSecond() >= YEAR_0 && t.getEpochSecond() < YEAR_10000;
    }

    /** Writes the instant at {@code at} (room for {@link #MAX_LENGTH} bytes); the end. */
    static int write(Instant t, byte[] out, int at) {
        long seconds = t.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400L);
        int secondOfDay = (int) Math.floorMod(seconds, 86_400L);
        // The proleptic Gregorian date of a day count, in whole 400-year eras of 146,097 days counted
        // from 0000-03-01 (the leap day then ends each year): Howard Hinnant's civil_from_days, "chrono-
        // Compatible Low-Level Date Algorithms", howardhinnant.github.io/date_algorithms.html. Without
        // LocalDateTime's three objects per key.
        long shifted = days + 719_468L; // days from 0000-03-01 to 1970-01-01
        long era = Math.floorDiv(shifted, 146_097L);
        int dayOfEra = (int) (shifted - era * 146_097L);
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        int year = (int) (era * 400 + yearOfEra) + (month <= 2 ? 1 : 0);
        at = digits(year, 4, out, at);
        out[at++] = '-';
        at = digits(month, 2, out, at);
        out[at++] = '-';
        at = digits(day, 2, out, at);
        out[at++] = 'T';
        at = digits(secondOfDay / 3600, 2, out, at);
        out[at++] = ':';
        at = digits(secondOfDay / 60 % 60, 2, out, at);
        out[at++] = ':';
        at = digits(secondOfDay % 60, 2, out, at);
        int nano = t.getNano();
        if (nano > 0) {
            out[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(nano / 1_000_000, 3, out, at);
            } else if (nano % 1000 == 0) {
                at = digits(nano / 1000, 6, out, at);
            } else {
                at = digits(nano, 9, out, at);
            }
        }
        out[at++] = 'Z';
        return at;
    }

    private static int digits(int value, int width, byte[] out, int at) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
