package org.portmortem.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link IsoInstant} writes what {@link Instant#toString()} writes, for every year it accepts. */
class IsoInstantTest {

    private static String written(Instant t) {
        byte[] out = new byte[IsoInstant.MAX_LENGTH + 4];
        int end = IsoInstant.write(t, out, 2);
        return new String(out, 2, end - 2, StandardCharsets.US_ASCII);
    }

    @Test
    void everyFractionShapeAndTheEdgesOfTheRangeComeOutAsInstantToStringWritesThem() {
        List<Instant> instants = new ArrayList<>();
        for (String s : List.of(
                "0000-01-01T00:00:00Z",
                "1601-01-01T00:00:00Z",
                "1970-01-01T00:00:00Z",
                "2024-02-29T23:59:59.1234567Z",
                "2017-10-05T12:00:00.100Z",
                "2017-10-05T12:00:00.000001Z",
                "2017-10-05T12:00:00.000000001Z",
                "9999-12-31T23:59:59.999999999Z")) {
            instants.add(Instant.parse(s));
        }
        SplittableRandom random = new SplittableRandom(20261207);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            instants.add(Instant.ofEpochSecond(seconds, nano));
        }
        for (Instant t : instants) {
            assertThat(IsoInstant.fits(t)).as(t.toString()).isTrue();
            assertThat(written(t)).isEqualTo(t.toString());
        }
    }

    @Test
    void yearsOutsideZeroToNineThousandNineHundredNinetyNineAreLeftToInstantToString() {
        assertThat(IsoInstant.fits(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(IsoInstant.fits(Instant.parse("-0001-12-31T23:59:59Z"))).isFalse();
        assertThat(IsoInstant.fits(Instant.parse("9999-12-31T23:59:59Z"))).isTrue();
    }
}
