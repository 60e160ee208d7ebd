package org.portmortem.snapshot.internal;

import java.util.List;

/**
 * A snapshot file's text with the encoding it was decoded with.
 *
 * @param text     the text, BOM removed
 * @param encoding Java charset name
 * @param lines    the text split at CRLF, LF or CR
 */
public record DecodedText(String text, String encoding, List<String> lines) {
    public DecodedText(String text, String encoding) {
        this(text, encoding, List.of(text.split("\r\n|\n|\r", -1)));
    }
}
