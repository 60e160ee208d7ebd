package org.portmortem.ripper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A time written by hand is the formatter's text, which the RegRipper cross-checks hold to RegRipper's. */
class RegRipperDataTimeTest {
    private static final long FILETIME_ZERO = LocalDateTime.of(1601, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    private static final long LAST_OF_9999 =
            LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

    private static void assertSameAsTheFormatter(Instant t) {
        assertThat(RegRipperData.time(t)).as("%s", t).isEqualTo(RegRipperData.Formatter.TIME.format(t));
    }

    @Test
    void printsRegRippersTimeWithoutTheFraction() {
        Instant t = Instant.parse("2012-04-04T01:58:40.987654321Z");
        assertThat(RegRipperData.time(t)).isEqualTo("2012-04-04 01:58:40Z");
        assertSameAsTheFormatter(t);
    }

    @Test
    void equalsTheFormatterAtTheEdgesAndOnRandomInstantsOfTheFiletimeRange() {
        for (long s : new long[] {FILETIME_ZERO, -1, 0, LAST_OF_9999, 951_825_600L /* 2000-02-29 12:00 */}) {
            assertSameAsTheFormatter(Instant.ofEpochSecond(s, 999_999_999));
        }
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 20_000; i++) {
            assertSameAsTheFormatter(Instant.ofEpochSecond(
                    random.nextLong(FILETIME_ZERO, LAST_OF_9999 + 1), random.nextInt(1_000_000_000)));
        }
    }

    @Test
    void leavesOtherYearsToTheFormatter() {
        Instant year10000 = Instant.ofEpochSecond(LAST_OF_9999 + 1);
        assertThat(RegRipperData.time(year10000)).isEqualTo("+10000-01-01 00:00:00Z");
        assertSameAsTheFormatter(
                Instant.ofEpochSecond(LocalDateTime.of(999, 6, 1, 0, 0).toEpochSecond(ZoneOffset.UTC)));
    }
}
