package org.portmortem.ripper.software;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Nla\Wireless entries decode as RegRipper's {@code map {chr hex} unpack("(A2)*", $str)} decodes them. */
class HexPairsTest {
    private static final Path PERL = Path.of("/usr/bin/perl");

    @Test
    void pairsOfHexadecimalDigitsAreOneCharacterEach() {
        assertThat(HexPairs.decode("436F72704E6574")).isEqualTo("CorpNet");
        assertThat(HexPairs.decode("436166C3A9")).isEqualTo("Caf\u00c3\u00a9"); // UTF-8 bytes stay bytes
        assertThat(HexPairs.decode("6c6f7765720")).isEqualTo("lower\0"); // a lone last digit is a pair of its own
        assertThat(HexPairs.decode("")).isEmpty();
    }

    @Test
    void pairsThatAreNotHexadecimalReadAsPerlsHexReadsThem() {
        assertThat(HexPairs.decode("x4")).isEqualTo("\u0004"); // x prefix skipped
        assertThat(HexPairs.decode("0x")).isEqualTo("\0");
        assertThat(HexPairs.decode("_1")).isEqualTo("\u0001"); // underscore before a digit skipped
        assertThat(HexPairs.decode("1_")).isEqualTo("\u0001"); // stops at the underscore
        assertThat(HexPairs.decode(" 4")).isEqualTo("\0"); // stops at the space
        assertThat(HexPairs.decode("4\u00a0")).isEqualTo("\u0004");
    }

    /**
     * Every input of one or two characters U+0000 to U+00FF (a byte string, as REG_BINARY data is)
     * against what the installed Perl computes with RegRipper's expression.
     */
    @Test
    void everyOneAndTwoByteInputDecodesAsPerlDecodesIt() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PERL), "perl is not installed");
        String script = "no warnings; sub d { join('', map {chr hex} unpack('(A2)*', $_[0])) }"
                + " for my $a (0..255) { print join(',', map {ord} split //, d(chr($a))), \"\\n\";"
                + " for my $b (0..255) { print join(',', map {ord} split //, d(chr($a).chr($b))), \"\\n\" } }";
        Process p = new ProcessBuilder(PERL.toString(), "-e", script)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        List<String> perl = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII)
                .lines()
                .toList();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        List<String> ours = new ArrayList<>();
        for (int a = 0; a < 256; a++) {
            ours.add(codes(HexPairs.decode(String.valueOf((char) a))));
            for (int b = 0; b < 256; b++) {
                ours.add(codes(HexPairs.decode("" + (char) a + (char) b)));
            }
        }
        assertThat(ours).hasSize(256 * 257).isEqualTo(perl);
    }

    private static String codes(String s) {
        return String.join(",", s.chars().mapToObj(Integer::toString).toList());
    }
}
