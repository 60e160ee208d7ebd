package org.portmortem.report.rip.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The hand-written gmtime text is the date-time formatter's, which RegRipperText tests hold to RegRipper's. */
class PerlGmtimeTest {
    private static final long FILETIME_ZERO = LocalDateTime.of(1601, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_OF_9999 =
            LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private static String formatter(long s) {
        return PerlGmtime.Formatter.GMTIME.format(Instant.ofEpochSecond(s));
    }

    @Test
    void printsPerlsScalarGmtimeWithTheDayPaddedByASpace() {
        long s = LocalDateTime.of(2012, 4, 7, 9, 48, 31).toEpochSecond(ZoneOffset.UTC);
        assertThat(PerlGmtime.of(s)).isEqualTo("Sat Apr  7 09:48:31 2012");
        assertThat(PerlGmtime.of(s + 10 * 86_400L)).isEqualTo("Tue Apr 17 09:48:31 2012");
    }

    @Test
    void equalsTheFormatterAtTheEdgesOfEveryYearItWritesByHand() {
        for (long s : new long[] {
            FILETIME_ZERO,
            0,
            -1,
            LAST_OF_9999,
            LAST_OF_9999 - 86_399,
            LocalDateTime.of(1000, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC),
            LocalDateTime.of(2000, 2, 29, 12, 0).toEpochSecond(ZoneOffset.UTC),
            LocalDateTime.of(1900, 3, 1, 0, 0).toEpochSecond(ZoneOffset.UTC)
        }) {
            assertThat(PerlGmtime.of(s)).as("%d", s).isEqualTo(formatter(s));
        }
    }

    @Test
    void equalsTheFormatterOnEveryDayOfFourYearsAndOnRandomSecondsOfTheFiletimeRange() {
        long start = LocalDateTime.of(2019, 12, 31, 23, 59, 58).toEpochSecond(ZoneOffset.UTC);
        for (long day = 0; day < 4 * 366; day++) {
            long s = start + day * 86_400L + day * 37 % 86_400;
            assertThat(PerlGmtime.of(s)).as("%d", s).isEqualTo(formatter(s));
        }
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 20_000; i++) {
            long s = random.nextLong(FILETIME_ZERO, LAST_OF_9999 + 1);
            assertThat(PerlGmtime.of(s)).as("%d", s).isEqualTo(formatter(s));
        }
    }

    @Test
    void leavesYearsOutsideOneThousandToNineThousandNineHundredNinetyNineToTheFormatter() {
        long year10000 = LAST_OF_9999 + 1;
        long year999 = LocalDateTime.of(999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
        assertThat(PerlGmtime.of(year10000)).isEqualTo(formatter(year10000)).isEqualTo("Sat Jan  1 00:00:00 +10000");
        assertThat(PerlGmtime.of(year999)).isEqualTo(formatter(year999));
    }
}
