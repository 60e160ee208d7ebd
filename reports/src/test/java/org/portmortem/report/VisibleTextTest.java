package org.portmortem.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** {@link VisibleText}: markup stays text, hidden characters become marked escapes. */
class VisibleTextTest {
    private static Element render(String s) {
        Element p = Document.createShell("").body().appendElement("p");
        return VisibleText.append(p, s);
    }

    @Test
    void markupIsEscapedByConstruction() {
        Element p = render("<script>alert(1)</script>");
        assertThat(p.children()).isEmpty();
        assertThat(p.html()).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void controlCharactersBecomeControlPictures() {
        Element p = render("a\u0000b\u0007c\u007f");
        assertThat(p.select("span.ctl").eachText()).containsExactly("\u2400", "\u2407", "\u2421");
        assertThat(p.text()).isEqualTo("a\u2400b\u2407c\u2421");
        assertThat(p.selectFirst("span.ctl").attr("title")).isEqualTo("U+0000");
    }

    @Test
    void bidiOverridesAndInvisibleCharactersBecomeEscapes() {
        Element p = render("evil\u202egpj.exe\u200b\ufeff\u2066x\u0085");
        assertThat(p.select("span.ctl").eachText())
                .containsExactly("\\u202E", "\\u200B", "\\uFEFF", "\\u2066", "\\u0085");
        assertThat(p.outerHtml()).doesNotContain("\u202e");
    }

    @Test
    void unpairedSurrogatesAreEscapedAndPairsKept() {
        Element p = render("x\ud800y\ud83d\ude00");
        assertThat(p.select("span.ctl").eachText()).containsExactly("\\uD800");
        assertThat(p.text()).endsWith("y\ud83d\ude00");
        assertThat(VisibleText.hasHidden("plain text \ud83d\ude00")).isFalse();
    }

    @Test
    void plainTextShowsTheSameEscapesWithoutMarkup() {
        String shown = VisibleText.plain("W2K\u0007evil\u202egpj <b>\ud83d\ude00");
        assertThat(shown).isEqualTo("W2K\u2407evil\\u202Egpj <b>\ud83d\ude00");
        assertThat(shown)
                .isEqualTo(render("W2K\u0007evil\u202egpj <b>\ud83d\ude00").text());
    }
}
