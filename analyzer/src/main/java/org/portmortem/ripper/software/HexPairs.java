package org.portmortem.ripper.software;

/**
 * Text written as pairs of hexadecimal digits, decoded as RegRipper's networklist decodes the
 * {@code Nla\Wireless} entries: {@code join('', map {chr hex} unpack("(A2)*", $data))}, i.e. each two
 * characters (the last may be one) give the character whose code is Perl's {@code hex} of them.
 *
 * <p>Perl's {@code hex} skips a leading {@code x} or {@code 0x} (either case), reads ASCII hexadecimal
 * digits with an underscore allowed before a digit, and stops at any other character, so a pair that
 * is not hexadecimal gives a NUL or its first digit's value. The trailing white space and NULs that
 * {@code A2} strips never change that value. A character above U+00FF (possible in a REG_SZ) makes
 * Perl die ("Wide character in hex") and RegRipper stop; here it stops the pair like any other
 * non-digit.
 */
final class HexPairs {
    private HexPairs() {}

    /** The decoded text: one character (U+0000 to U+00FF) per pair. */
    static String decode(String data) {
        int[] c = data.codePoints().toArray();
        StringBuilder out = new StringBuilder(c.length / 2 + 1);
        for (int i = 0; i < c.length; i += 2) {
            out.append((char) hex(c, i, Math.min(i + 2, c.length)));
        }
        return out.toString();
    }

    /** Perl's {@code hex} of the characters {@code c[from..to)}. */
    private static int hex(int[] c, int from, int to) {
        int i = from;
        if (i < to && (c[i] == 'x' || c[i] == 'X')) {
            i++;
        } else if (i + 1 < to && c[i] == '0' && (c[i + 1] == 'x' || c[i + 1] == 'X')) {
            i += 2;
        }
        int value = 0;
        while (i < to) {
            if (digit(c[i]) >= 0) {
                value = value * 16 + digit(c[i]);
            } else if (c[i] != '_' || i + 1 >= to || digit(c[i + 1]) < 0) {
                break;
            }
            i++;
        }
        return value;
    }

    private static int digit(int ch) {
        return ch < 128 ? Character.digit(ch, 16) : -1;
    }
}
