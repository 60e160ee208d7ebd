package org.portmortem.report;

import org.jsoup.nodes.Element;
import org.portmortem.text.HiddenCharacters;

/**
 * Appends attacker-controlled text (names, paths and data from a seized image) to the report DOM so
 * that it stays inert and every character is visible: jsoup escapes markup by construction, and the
 * characters that would hide or reorder text are shown as marked escapes instead of being emitted.
 *
 * <p>Shown as escapes: C0 controls and DEL (as the Unicode control pictures, e.g. {@code ␀} for
 * NUL), C1 controls, bidirectional formatting characters (U+061C, U+200E, U+200F, U+202A–U+202E,
 * U+2066–U+2069), zero-width and invisible characters (U+200B–U+200D, U+2060, U+FEFF), line and
 * paragraph separators, BMP noncharacters and unpaired surrogates (as {@code \\uXXXX}): the set
 * {@link HiddenCharacters} defines for every output.
 */
public final class VisibleText {
    private VisibleText() {}

    /** Appends {@code text} to {@code parent}, control characters as marked escapes; {@code null} appends nothing. */
    public static Element append(Element parent, String text) {
        if (text == null) {
            return parent;
        }
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String shown = escape(text, i);
            if (shown == null) {
                if (Character.isHighSurrogate(c)) {
                    run.append(c).append(text.charAt(++i));
                } else {
                    run.append(c);
                }
                continue;
            }
            if (!run.isEmpty()) {
                parent.appendText(run.toString());
                run.setLength(0);
            }
            parent.appendElement("span")
                    .addClass("ctl")
                    .attr("title", String.format("U+%04X", (int) c))
                    .text(shown);
        }
        if (!run.isEmpty()) {
            parent.appendText(run.toString());
        }
        return parent;
    }

    /**
     * The text with the same escapes as plain characters, for places that hold text only (the
     * document's {@code <title>}): no markup, every hidden character still visible.
     */
    public static String plain(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String shown = escape(text, i);
            if (shown != null) {
                out.append(shown);
            } else if (Character.isHighSurrogate(c)) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether a string holds anything {@link #append} would show as an escape. */
    public static boolean hasHidden(String text) {
        return HiddenCharacters.hasHidden(text);
    }

    /** The visible form of the character at {@code i}, or {@code null} if it is shown as itself. */
    private static String escape(String text, int i) {
        if (!HiddenCharacters.isHidden(text, i)) {
            return null;
        }
        char c = text.charAt(i);
        if (c < 0x20) {
            return String.valueOf((char) (0x2400 + c));
        }
        return c == 0x7F ? "\u2421" : uEscape(c);
    }

    private static String uEscape(char c) {
        return String.format("\\u%04X", (int) c);
    }
}
