package org.portmortem.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portmortem.InputException;

/** Hives taken out of collection zips: names decoded, nothing written outside the temporary folder. */
class ZipCaseTest {

    @Test
    void velociraptorPathComponentsAreUrlDecodedOneByOne() {
        assertThat(ZipCase.percentDecoded("C%3A")).isEqualTo("C:");
        assertThat(ZipCase.percentDecoded("%5C%5C.%5CC%3A")).isEqualTo("\\\\.\\C:");
        assertThat(ZipCase.percentDecoded("a+b%2")).isEqualTo("a+b%2");
        assertThat(ZipCase.percentDecoded("caf%C3%A9")).isEqualTo("café");
    }

    @Test
    void anEntryClimbingOutOfTheFolderIsNotExtracted(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "../../outside/SYSTEM");
            put(z, "uploads/auto/%2E%2E/%2E%2E/SOFTWARE");
            put(z, "uploads/auto/C%3A/Windows/System32/config/SYSTEM");
            put(z, "uploads/auto/C%3A/Windows/System32/config/RegBack/SYSTEM");
        }
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path folder;
        try (ZipCase c = ZipCase.extract(zip, tmp)) {
            folder = c.folder();
            try (var s = Files.walk(folder)) {
                assertThat(s.filter(Files::isRegularFile)
                                .map(p -> folder.relativize(p).toString()))
                        .containsExactly("uploads/auto/C:/Windows/System32/config/SYSTEM");
            }
        }
        assertThat(folder).doesNotExist();
        assertThat(dir.resolve("outside")).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aZipWithoutHivesIsOneLineNamingIt(@TempDir Path dir) throws IOException {
        Path zip = dir.resolve("empty.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(z, "readme.txt");
        }
        assertThatThrownBy(() -> ZipCase.extract(zip, dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("empty.zip")
                .hasMessageContaining("holds no SYSTEM or SOFTWARE hive");
        Path notZip = Files.writeString(dir.resolve("fake.zip"), "not a zip");
        assertThatThrownBy(() -> ZipCase.extract(notZip, dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("is not a readable zip file");
        try (var s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("empty.zip", "fake.zip");
        }
    }

    private static void put(ZipOutputStream z, String name) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write("regf".getBytes(StandardCharsets.US_ASCII));
        z.closeEntry();
    }
}
