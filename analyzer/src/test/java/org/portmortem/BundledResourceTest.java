package org.portmortem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

class BundledResourceTest {
    enum Kind {
        LOW,
        HIGH
    }

    record Data(List<String> words, Kind kind) {}

    @Test
    void documentationFieldsAreSkippedAndEnumWordsMatchInAnyCase() {
        Data d = BundledResource.json(BundledResourceTest.class, "bundled-documented.json", Data.class);
        assertThat(d.words()).containsExactly("one", "two");
        assertThat(d.kind()).isEqualTo(Kind.LOW);
    }

    @Test
    void aMistypedFieldFailsNamingTheFileInsteadOfBeingIgnored() {
        assertThatThrownBy(() -> BundledResource.json(BundledResourceTest.class, "bundled-typo.json", Data.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("org/portmortem/bundled-typo.json")
                .hasMessageContaining("wrods");
    }

    @Test
    void aMissingResourceIsABuildDefectNamingItsFullPath() {
        assertThatThrownBy(() -> BundledResource.text(BundledResourceTest.class, "absent.txt"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org/portmortem/absent.txt");
    }

    @Test
    void anEntryReadStraightFromAClassesJarHasTheBytesItsClassLoaderGives() throws Exception {
        // JUnit's classes come from a jar, as every class of the runnable jar does
        try (ZipFile jar = BundledResource.jarOf(Test.class);
                InputStream direct = BundledResource.entry(jar, "org/junit/jupiter/api/Test.class");
                InputStream loaded = Test.class.getResourceAsStream("Test.class")) {
            assertThat(direct.readAllBytes()).isNotEmpty().isEqualTo(loaded.readAllBytes());
            assertThat(BundledResource.entry(jar, "org/junit/jupiter/api/Absent.class"))
                    .isNull();
            assertThat(BundledResource.entry(jar, "org/junit/jupiter/api/")).isNull();
        }
    }

    @Test
    void aClassFromAFolderHasNoJarAndItsResourcesComeThroughItsClassLoader() {
        assertThat(BundledResource.jarOf(BundledResourceTest.class)).isNull();
        assertThat(BundledResource.text(BundledResourceTest.class, "bundled-documented.json"))
                .contains("words");
    }
}
