package org.portmortem.text;

/**
 * The characters that must never reach a screen as themselves, because they would hide, reorder or
 * rewrite what an examiner reads: C0 controls and DEL (a terminal obeys ESC, BEL, BS, CR), C1
 * controls (U+009B is a one-character CSI on many terminals), bidirectional formatting characters
 * (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: "evil", U+202E, "gpj.exe" reads as "evilexe.jpg"),
 * zero-width and invisible characters (U+200B–U+200D, U+2060, U+FEFF), line and paragraph
 * separators, BMP noncharacters and unpaired surrogates.
 *
 * <p>One definition for every output: the HTML report shows these as marked escapes, and terminal
 * and text outputs as {@link #escape escape sequences}.
 */
public final class HiddenCharacters {
    private HiddenCharacters() {}

    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    /** Whether the character at {@code i} is one that is shown as an escape; a paired surrogate is not. */
    public static boolean isHidden(String text, int i) {
        char c = text.charAt(i);
        if (c < 0x7F) {
            // printable ASCII, nearly every character of every output, settled with one comparison more
            return c < 0x20;
        }
        if (c == 0x7F) {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)));
        }
        if (Character.isLowSurrogate(c)) {
            return !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
        }
        return (c >= 0x80 && c <= 0x9F)
                || c == 0x061C
                || (c >= 0x200B && c <= 0x200F)
                || (c >= 0x2028 && c <= 0x202E)
                || c == 0x2060
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0xFEFF
                || (c >= 0xFDD0 && c <= 0xFDEF)
                || c == 0xFFFE
                || c == 0xFFFF;
    }

    /** Whether {@code text} holds any character that {@link #escape} would change. */
    public static boolean hasHidden(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHidden(text, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text for a terminal or a text file: a C0 control or DEL as {@code \xNN} (NUL is
     * {@code \x00}, ESC {@code \x1b}), any other hidden character as {@code \\uXXXX}; everything else,
     * including the text after a NUL, as it is. {@code null} stays {@code null}.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = 0;
        while (first < text.length() && !isHidden(text, first)) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isHidden(text, i)) {
                out.append(c);
            } else if (c < 0x20 || c == 0x7F) {
                out.append("\\x").append(HEX_LOWER[c >> 4]).append(HEX_LOWER[c & 0xF]);
            } else {
                out.append("\\u");
                for (int shift = 12; shift >= 0; shift -= 4) {
                    out.append(HEX_UPPER[(c >> shift) & 0xF]);
                }
            }
        }
        return out.toString();
    }
}
