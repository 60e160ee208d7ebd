package org.portmortem.cli;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

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
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        at = digits(d.getYear(), 4, out, at);
        out[at++] = '-';
        at = digits(d.getMonthValue(), 2, out, at);
        out[at++] = '-';
        at = digits(d.getDayOfMonth(), 2, out, at);
        out[at++] = 'T';
        at = digits(d.getHour(), 2, out, at);
        out[at++] = ':';
        at = digits(d.getMinute(), 2, out, at);
        out[at++] = ':';
        at = digits(d.getSecond(), 2, out, at);
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
