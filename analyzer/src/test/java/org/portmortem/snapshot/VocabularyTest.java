package org.portmortem.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.snapshot.internal.Vocabulary;

/** The vocabulary resource: every entry sourced, every language's title and header recognised. */
class VocabularyTest {
    @TempDir
    Path dir;

    @Test
    void everyEntryNamesItsSourceAndEveryStateMeansASocketState() {
        assertThat(Vocabulary.standard().entries()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.source()).isNotBlank();
            assertThat(e.kind()).isIn("title", "protocol", "header", "state", "no-owner");
            if (e.kind().equals("state")) {
                assertThat(SocketState.valueOf(e.meaning())).isNotNull();
            }
        });
    }

    @Test
    void eachLanguagesTitleAndHeaderGiveItsLanguage() throws IOException {
        Map<String, String> titles = Vocabulary.standard().entries().stream()
                .filter(e -> e.kind().equals("title"))
                .collect(Collectors.toMap(Vocabulary.Entry::language, Vocabulary.Entry::text));
        Map<String, String> headers = Vocabulary.standard().entries().stream()
                .filter(e -> e.kind().equals("header"))
                .collect(Collectors.toMap(Vocabulary.Entry::language, Vocabulary.Entry::text));
        assertThat(headers.keySet())
                .containsExactlyInAnyOrderElementsOf(titles.keySet())
                .contains("en", "fr", "de", "es", "it", "pt", "nl", "ru", "zh", "ja");
        for (var h : headers.entrySet()) {
            String text = "\r\n" + titles.get(h.getKey()) + "\r\n\r\n  Proto  " + h.getValue()
                    + "         Foreign                State\r\n"
                    + "  TCP    0.0.0.0:135            0.0.0.0:0              LISTENING\r\n";
            NetstatSnapshot s =
                    SnapshotReader.readSockets(Fixtures.write(dir, h.getKey() + ".txt", text, StandardCharsets.UTF_8));
            assertThat(s.language()).as(h.getKey()).isEqualTo(h.getKey());
            assertThat(s.warnings()).as(h.getKey()).isEmpty();
        }
    }
}
