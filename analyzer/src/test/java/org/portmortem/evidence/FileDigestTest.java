package org.portmortem.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;

/** Several files hashed side by side give each file's own digest, in the order given. */
class FileDigestTest {
    @TempDir
    Path dir;

    @Test
    void eachFileGetsItsOwnDigestInTheOrderGivenWhateverTheThreads() throws Exception {
        List<Path> segments = new ArrayList<>();
        List<FileDigest> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // different sizes, so that the segments finish out of order
            byte[] data = new byte[(7 - i) * 700_000 + i];
            for (int j = 0; j < data.length; j++) {
                data[j] = (byte) (j * (i + 3) + (j >>> 9));
            }
            segments.add(Files.write(dir.resolve(String.format("disk.%03d", i + 1)), data));
            expected.add(new FileDigest(
                    data.length,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(data))));
        }
        assertThat(FileDigest.ofEach(segments)).containsExactlyElementsOf(expected);
        assertThat(FileDigest.ofEach(segments.subList(2, 3))).containsExactly(expected.get(2));
        assertThat(FileDigest.ofEach(List.of())).isEmpty();
    }

    @Test
    void theFirstMissingFileInOrderIsTheErrorNamingIt() throws Exception {
        Path a = Files.writeString(dir.resolve("disk.001"), "a");
        Path gone2 = dir.resolve("disk.002");
        Path gone3 = dir.resolve("disk.003");
        assertThatThrownBy(() -> FileDigest.ofEach(List.of(a, gone2, gone3)))
                .isInstanceOf(InputException.class)
                .hasMessage(gone2 + ": no such file");
    }
}
