package org.portmortem.report.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@link TerminalText}: the characters the HTML report marks are escaped for a terminal too. */
class TerminalTextTest {
    @Test
    void controlsBecomeHexEscapesAndTheTextAfterANulIsKept() {
        assertThat(TerminalText.of("a\u0000b\u001b[31m\u0007\b\r\n\u007f"))
                .isEqualTo("a\\x00b\\x1b[31m\\x07\\x08\\x0d\\x0a\\x7f");
    }

    @Test
    void c1BidiAndInvisibleCharactersBecomeUnicodeEscapes() {
        assertThat(TerminalText.of("evil\u202egpj.exe\u009b2J\u200b\ufeff\u2066\ud800"))
                .isEqualTo("evil\\u202Egpj.exe\\u009B2J\\u200B\\uFEFF\\u2066\\uD800");
    }

    @Test
    void printableTextIsUnchanged() {
        String s = "C:\\Windows\\system32\\svchost.exe -k netsvcs é 東京 \ud83d\ude00";
        assertThat(TerminalText.of(s)).isSameAs(s);
    }

    @Test
    void theWriterKeepsItsOwnLineBreaksAndEscapesThoseInsideWhatItPrints() {
        StringWriter sink = new StringWriter();
        PrintWriter w = TerminalText.writer(new PrintWriter(sink));
        w.println("one\ntwo");
        w.printf("%-6s|%d%n", "a\u001bb", 7);
        w.print('\u0007');
        w.flush();
        String nl = System.lineSeparator();
        assertThat(sink.toString()).isEqualTo("one\\x0atwo" + nl + "a\\x1bb|7" + nl + "\\x07");
    }
}
